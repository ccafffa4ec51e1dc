import { readFile } from 'node:fs/promises'
import type Papa from 'papaparse'
import { lazyRequire } from '../util/lazy-require.js'

/** papaparse, loaded when a CSV of golden cases is read. */
const papa = lazyRequire<typeof Papa>('papaparse')

import { VitestMlError } from '../util/errors.js'
import type { GoldenCase } from './golden-case.js'

/** Options of `loadGoldenCases`. */
export interface LoadGoldenCasesOptions {
  /** Input columns, in model order: rows become arrays. @defaultValue every column that is not an expectation column */
  readonly features?: readonly string[]
  /** Build record rows (by column name) instead of arrays. @defaultValue false */
  readonly records?: boolean
}

const EXPECTATION_COLUMNS = new Set(['name', 'label', 'value', 'tolerance', 'min', 'max'])

function fromRecord(record: Record<string, unknown>, index: number, options: LoadGoldenCasesOptions, file: string): GoldenCase {
  if ('input' in record) return record as unknown as GoldenCase
  const features = options.features ?? Object.keys(record).filter((key) => !EXPECTATION_COLUMNS.has(key))
  for (const feature of features) {
    if (!(feature in record))
      throw new VitestMlError(
        'loadGoldenCases',
        `a column "${feature}"`,
        `row ${index + 1} of ${file} without it`,
        'List the input columns with `features`, spelled as in the header.',
      )
  }
  const input = options.records === true ? Object.fromEntries(features.map((key) => [key, record[key]])) : features.map((key) => record[key])
  const optional = (key: string): Record<string, unknown> =>
    record[key] === undefined || record[key] === null || record[key] === '' ? {} : { [key]: record[key] }
  const goldenCase = {
    input,
    ...optional('name'),
    ...optional('label'),
    ...optional('value'),
    ...optional('tolerance'),
    ...optional('min'),
    ...optional('max'),
  } as GoldenCase
  if (goldenCase.label === undefined && goldenCase.value === undefined && goldenCase.min === undefined && goldenCase.max === undefined) {
    throw new VitestMlError(
      'loadGoldenCases',
      'an expectation (label, value, min or max) on every case',
      `row ${index + 1} of ${file} with none`,
      'Add a `label`, `value`, `min` or `max` column.',
    )
  }
  return goldenCase
}

/**
 * Reads golden cases from a CSV or JSON file. CSV: one case per line, input columns plus expectation columns `label`,
 * `value`, `tolerance`, `min`, `max` and an optional `name` (numbers are parsed). JSON: an array of
 * `{ input, label | value | min/max }` objects, or of flat records like the CSV lines.
 *
 * @param file - path to a `.csv` or `.json` file (relative to the working directory)
 * @param options - input columns and row shape
 * @returns the cases
 * @example
 * ```ts
 * const cases = await loadGoldenCases('test/golden/penguins.csv', { features: ['beak', 'depth', 'flipper', 'mass', 'island'] })
 * cases[0] // { input: [39.1, 18.7, 181, 3750, 2], label: 'Adelie', name: 'classic Adelie' }
 * ```
 */
export async function loadGoldenCases(file: string, options: LoadGoldenCasesOptions = {}): Promise<GoldenCase[]> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new VitestMlError(
      'loadGoldenCases',
      'a readable CSV or JSON file',
      `"${file}" (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
      'Paths resolve from the working directory (usually the project root).',
      { cause: error },
    )
  }
  let records: unknown
  if (file.toLowerCase().endsWith('.json')) {
    try {
      records = JSON.parse(text)
    } catch (error) {
      throw new VitestMlError('loadGoldenCases', 'valid JSON', `"${file}" (${(error as Error).message})`, 'Fix the file; it must hold an array of cases.', {
        cause: error,
      })
    }
  } else {
    const parsed = papa().parse<Record<string, unknown>>(text.trim(), { header: true, dynamicTyping: true, skipEmptyLines: true })
    if (parsed.errors.length > 0) {
      const first = parsed.errors[0]
      throw new VitestMlError(
        'loadGoldenCases',
        'well-formed CSV',
        `"${file}": ${first?.message ?? 'parse error'} (row ${(first?.row ?? 0) + 1})`,
        'Check the header and the number of fields on that line.',
      )
    }
    records = parsed.data
  }
  if (!Array.isArray(records) || records.length === 0)
    throw new VitestMlError(
      'loadGoldenCases',
      'a non-empty array of cases',
      `"${file}" with ${Array.isArray(records) ? 'none' : typeof records}`,
      'Add at least one case.',
    )
  return records.map((record, index) => fromRecord(record as Record<string, unknown>, index, options, file))
}
