import type { ColumnData, FileMetaData } from 'hyparquet'
import { VitestMlError } from '../util/errors.js'
import { type CellValue, type Column, type Dataset, datasetFromColumns } from './dataset.js'
import { datasetNameOf, requireFile } from './read-source.js'

/** Options of {@link readParquet}. */
export interface ReadParquetOptions {
  /** Read only these top-level columns (the others are never decoded). @defaultValue every column */
  readonly columns?: readonly string[]
  /** Read at most this many rows from the start of the file. @defaultValue every row */
  readonly rowLimit?: number
  /** Dataset name in reports. @defaultValue the file name */
  readonly name?: string
}

const NUMERIC_TYPES = new Set(['INT32', 'INT64', 'INT96', 'FLOAT', 'DOUBLE'])

/**
 * Reads a Parquet file into a columnar {@link Dataset} with hyparquet (pure JavaScript; Snappy, ZSTD, gzip, Brotli and
 * LZ4 pages via hyparquet-compressors). Only the requested columns are decoded, one row group at a time, and numeric
 * columns are packed straight into `Float64Array`s, so a 3-million-row file costs 8 bytes per value per column.
 * INT64 values become numbers (exact up to 2^53); timestamps and dates become epoch milliseconds; nulls become NaN
 * (numeric) or `null` (other columns).
 *
 * @param path - the `.parquet` file
 * @param options - columns, row limit, name
 * @returns the dataset
 * @example
 * ```ts
 * const flights = await readParquet('node_modules/vega-datasets/data/flights-3m.parquet', { columns: ['delay', 'distance'] })
 * flights.rowCount         // 3000000
 * flights.column('delay')  // Float64Array [33, 19, 14, ...]
 * ```
 */
export async function readParquet(path: string, options: ReadParquetOptions = {}): Promise<Dataset> {
  await requireFile('readParquet', path)
  // hyparquet loads here, on first use, not when vitest-ml is imported.
  const [{ asyncBufferFromFile, parquetMetadataAsync, parquetRead }, { compressors }] = await Promise.all([
    import('hyparquet'),
    import('hyparquet-compressors'),
  ])
  const file = await asyncBufferFromFile(path)
  let metadata: FileMetaData
  try {
    metadata = await parquetMetadataAsync(file)
  } catch (error) {
    throw new VitestMlError(
      'readParquet',
      'a Parquet file',
      `"${path}" (${(error as Error).message})`,
      'Check the file is Parquet (it starts and ends with the bytes PAR1) and is not truncated.',
      { cause: error },
    )
  }
  const topLevel = topLevelColumns(metadata)
  const names = options.columns ?? [...topLevel.keys()]
  for (const name of names) {
    if (!topLevel.has(name))
      throw new VitestMlError(
        'readParquet',
        `a column of "${path}", one of [${[...topLevel.keys()].join(', ')}]`,
        `"${name}"`,
        'Check `columns`; names are case-sensitive.',
      )
  }
  const totalRows = Number(metadata.num_rows)
  const limit = options.rowLimit ?? totalRows
  if (!Number.isInteger(limit) || limit < 0)
    throw new VitestMlError('readParquet', 'a whole `rowLimit` >= 0', String(options.rowLimit), 'Pass for example `rowLimit: 10000`.')
  const rowCount = Math.min(limit, totalRows)
  const columns = new Map<string, Float64Array | CellValue[]>(
    names.map((name) => [name, topLevel.get(name) === 'numeric' ? new Float64Array(rowCount) : new Array<CellValue>(rowCount).fill(null)]),
  )
  const store = (chunk: ColumnData): void => copyChunk(chunk, columns.get(chunk.columnName), rowCount)
  let groupStart = 0
  for (const group of metadata.row_groups) {
    const groupEnd = groupStart + Number(group.num_rows)
    if (groupStart >= rowCount) break
    try {
      await parquetRead({ file, metadata, compressors, columns: [...names], rowStart: groupStart, rowEnd: Math.min(groupEnd, rowCount), onChunk: store })
    } catch (error) {
      throw new VitestMlError(
        'readParquet',
        `readable row groups in "${path}"`,
        `an error in the row group starting at row ${groupStart}: ${(error as Error).message}`,
        'The file may be corrupt or use an unsupported encoding; re-export it with pyarrow or DuckDB.',
        { cause: error },
      )
    }
    groupStart = groupEnd
  }
  return datasetFromColumns(Object.fromEntries(columns) as Record<string, Column>, { name: options.name ?? datasetNameOf(path) })
}

/**
 * Top-level column names of a Parquet file and whether they are read as numbers (shared with the streaming reader).
 *
 * @param metadata - the file's metadata
 * @returns name to `numeric` or `other`
 * @example
 * ```ts
 * topLevelColumns(metadata) // Map { 'delay' => 'numeric', 'origin' => 'other' }
 * ```
 */
export function topLevelColumns(metadata: FileMetaData): Map<string, 'numeric' | 'other'> {
  const columns = new Map<string, 'numeric' | 'other'>()
  const [root, ...elements] = metadata.schema
  let remaining = root?.num_children ?? 0
  for (let index = 0; index < elements.length && remaining > 0; index++) {
    const element = elements[index]
    if (element === undefined) break
    remaining--
    const numeric = element.num_children === undefined && element.type !== undefined && NUMERIC_TYPES.has(element.type)
    columns.set(element.name, numeric || element.logical_type?.type === 'DATE' ? 'numeric' : 'other')
    index += descendants(elements, index)
  }
  return columns
}

/** How many schema elements below `index` belong to it (nested groups are skipped whole). */
function descendants(elements: FileMetaData['schema'], index: number): number {
  let pending = elements[index]?.num_children ?? 0
  let skipped = 0
  while (pending > 0) {
    skipped++
    pending += (elements[index + skipped]?.num_children ?? 0) - 1
  }
  return skipped
}

/**
 * Copies a decoded column chunk into a column being filled (numbers as numbers, the rest as cells), rows
 * `[chunk.rowStart, min(chunk.rowEnd, rowCount))` shifted by `offset` (shared with the streaming reader).
 *
 * @param chunk - the decoded chunk
 * @param target - the column to fill
 * @param rowCount - rows of the target
 * @param offset - the target's first row in file coordinates @defaultValue 0
 * @example
 * ```ts
 * copyChunk(chunk, new Float64Array(100), 100)
 * ```
 */
export function copyChunk(chunk: ColumnData, target: Float64Array | CellValue[] | undefined, rowCount: number, offset = 0): void {
  if (target === undefined) return
  const start = Math.max(chunk.rowStart, offset)
  const end = Math.min(chunk.rowEnd, offset + rowCount)
  const values = chunk.columnData as ArrayLike<unknown>
  for (let row = start; row < end; row++) {
    const value = values[row - chunk.rowStart]
    if (target instanceof Float64Array) target[row - offset] = toNumber(value)
    else target[row - offset] = toCell(value)
  }
}

function toNumber(value: unknown): number {
  if (typeof value === 'number') return value
  if (typeof value === 'bigint') return Number(value)
  if (value instanceof Date) return value.getTime()
  return Number.NaN
}

function toCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  if (typeof value === 'bigint') return Number(value)
  if (value instanceof Date) return value.toISOString()
  return JSON.stringify(value)
}
