import type { Table, Vector } from 'apache-arrow'
import { VitestMlError } from '../util/errors.js'
import { lazyRequire } from '../util/lazy-require.js'
import { type CellValue, type Column, type Dataset, datasetFromColumns } from './dataset.js'
import { datasetNameOf, readSourceBytes } from './read-source.js'

/** Options of {@link readArrow}. */
export interface ReadArrowOptions {
  /** Read only these columns. @defaultValue every column */
  readonly columns?: readonly string[]
  /** Dataset name in reports. @defaultValue the file name */
  readonly name?: string
}

/** apache-arrow, loaded on first use (not when vitest-ml is imported). */
const arrow = lazyRequire<typeof import('apache-arrow')>('apache-arrow')

/**
 * Reads an Apache Arrow IPC file or stream (`.arrow`, `.feather` v2) into a columnar {@link Dataset} with the official
 * `apache-arrow` package. Integer, float, decimal, date and timestamp columns become `Float64Array`s (nulls NaN; dates
 * and timestamps as epoch milliseconds); booleans stay booleans; strings and dictionary-encoded columns become text.
 *
 * @param path - the Arrow file
 * @param options - columns, name
 * @returns the dataset
 * @example
 * ```ts
 * const flights = await readArrow('node_modules/vega-datasets/data/flights-200k.arrow')
 * flights.columnNames // ['delay', 'distance', 'time']
 * ```
 */
export async function readArrow(path: string, options: ReadArrowOptions = {}): Promise<Dataset> {
  const bytes = await readSourceBytes('readArrow', path)
  let table: Table
  try {
    table = arrow().tableFromIPC(bytes)
  } catch (error) {
    throw new VitestMlError(
      'readArrow',
      'an Arrow IPC file or stream',
      `"${path}" (${(error as Error).message})`,
      'Write the file with pyarrow.feather.write_feather or RecordBatchFileWriter; Parquet files need readParquet().',
      { cause: error },
    )
  }
  const available = table.schema.fields.map((field) => field.name)
  if (available.length === 0 && bytes.length > 0) {
    throw new VitestMlError(
      'readArrow',
      'an Arrow IPC file with at least one column',
      `"${path}" (no schema found)`,
      'Check that the file is Arrow IPC, not Parquet, CSV or JSON.',
    )
  }
  const names = options.columns ?? available
  const columns: Record<string, Column> = {}
  for (const name of names) {
    const vector = table.getChild(name)
    if (vector === null)
      throw new VitestMlError('readArrow', `a column of "${path}", one of [${available.join(', ')}]`, `"${name}"`, 'Check `columns`; names are case-sensitive.')
    columns[name] = toColumn(vector)
  }
  return datasetFromColumns(columns, { name: options.name ?? datasetNameOf(path) })
}

/**
 * One Arrow vector as a dataset column (numbers as `Float64Array`, nulls NaN; booleans; text), as `readArrow` converts
 * them; shared with the streaming reader.
 *
 * @param vector - an Arrow vector
 * @returns the column
 * @example
 * ```ts
 * toColumn(table.getChild('delay')!) // Float64Array [...]
 * ```
 */
export function toColumn(vector: Vector): Column {
  const { DataType } = arrow()
  const type = vector.type
  const numeric = DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type) || DataType.isDate(type) || DataType.isTimestamp(type)
  if (numeric) {
    const packed = new Float64Array(vector.length)
    if (vector.nullCount === 0 && (DataType.isInt(type) || DataType.isFloat(type)) && !is64BitInt(vector)) {
      packed.set(vector.toArray() as ArrayLike<number>)
      return packed
    }
    for (let index = 0; index < vector.length; index++) packed[index] = toNumber(vector.get(index))
    return packed
  }
  const cells = new Array<CellValue>(vector.length)
  for (let index = 0; index < vector.length; index++) cells[index] = toCell(vector.get(index))
  return cells
}

function is64BitInt(vector: Vector): boolean {
  return arrow().DataType.isInt(vector.type) && (vector.type as { bitWidth: number }).bitWidth === 64
}

function toNumber(value: unknown): number {
  if (typeof value === 'number') return value
  if (typeof value === 'bigint') return Number(value)
  if (value instanceof Date) return value.getTime()
  if (value === null || value === undefined) return Number.NaN
  return Number(value)
}

function toCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value
  if (typeof value === 'bigint') return Number(value)
  return JSON.stringify(value)
}
