import { VitestMlError } from '../util/errors.js'
import { type Dataset, datasetFromRows } from './dataset.js'
import { datasetNameOf, readSourceText } from './read-source.js'

/** Options of {@link readJson}. */
export interface ReadJsonOptions {
  /** Dataset name in reports. @defaultValue the file name */
  readonly name?: string
  /**
   * `array`: one JSON array of records; `jsonl`: one record per line; `auto`: JSONL for `.jsonl`/`.ndjson` files or
   * text that does not start with `[`.
   * @defaultValue 'auto'
   */
  readonly format?: 'auto' | 'array' | 'jsonl'
}

/**
 * Reads a JSON array of records, or JSON Lines (one record per line), into a columnar {@link Dataset}. Columns are the
 * union of the records' keys; a key a record lacks is a missing value. Nested objects and arrays are kept as they are
 * (non-numeric columns). Invalid JSON names the line; a non-record element names its index.
 *
 * @param path - the `.json`, `.jsonl` or `.ndjson` file
 * @param options - name and format
 * @returns the dataset
 * @example
 * ```ts
 * const cars = await readJson('node_modules/vega-datasets/data/cars.json')
 * cars.column('Horsepower') // Float64Array [130, 165, ...] (NaN where null)
 * ```
 */
export async function readJson(path: string, options: ReadJsonOptions = {}): Promise<Dataset> {
  const text = await readSourceText('readJson', path)
  const format = options.format ?? 'auto'
  const jsonl = format === 'jsonl' || (format === 'auto' && (/\.(jsonl|ndjson)$/i.test(path) || !text.trimStart().startsWith('[')))
  const entries = jsonl ? parseLines(text, path) : parseArray(text, path).map((record, index) => ({ record, where: `index ${index}` }))
  for (const { record, where } of entries) {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      const what = record === null ? 'null' : Array.isArray(record) ? 'an array' : typeof record
      throw new VitestMlError(
        'readJson',
        `every ${jsonl ? 'line' : 'element'} of "${path}" to be a record ({ "column": value })`,
        `${what} at ${where}`,
        'Write one object per row; for column-oriented data use datasetFromColumns().',
      )
    }
  }
  return datasetFromRows(
    entries.map((entry) => entry.record as Record<string, unknown>),
    { name: options.name ?? datasetNameOf(path) },
  )
}

function parseArray(text: string, path: string): unknown[] {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new VitestMlError(
      'readJson',
      `valid JSON in "${path}"`,
      (error as Error).message,
      'Fix the syntax, or pass `{ format: "jsonl" }` for one record per line.',
      { cause: error },
    )
  }
  if (!Array.isArray(value)) {
    throw new VitestMlError(
      'readJson',
      `a JSON array of records in "${path}"`,
      value === null ? 'null' : typeof value,
      'Wrap the records in [ ... ], or use JSON Lines.',
    )
  }
  return value
}

function parseLines(text: string, path: string): { record: unknown; where: string }[] {
  const records: { record: unknown; where: string }[] = []
  const lines = text.split(/\r?\n/)
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? '').trim()
    if (line === '') continue
    try {
      records.push({ record: JSON.parse(line), where: `line ${index + 1}` })
    } catch (error) {
      throw new VitestMlError(
        'readJson',
        `one JSON record per line in "${path}"`,
        `invalid JSON on line ${index + 1}: ${(error as Error).message}`,
        'Each line must be a complete JSON object; a pretty-printed array needs `{ format: "array" }`.',
        { cause: error },
      )
    }
  }
  return records
}
