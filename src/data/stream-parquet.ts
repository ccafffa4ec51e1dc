import type { ColumnData, FileMetaData } from 'hyparquet'
import { VitestMlError } from '../util/errors.js'
import { type CellValue, type Column, type Dataset, datasetFromColumns } from './dataset.js'
import { copyChunk, topLevelColumns } from './read-parquet.js'
import { datasetNameOf, requireFile } from './read-source.js'

/** Options of {@link streamParquet}. */
export interface StreamParquetOptions {
  /** Read only these top-level columns. @defaultValue every column */
  readonly columns?: readonly string[]
  /** Dataset name of every batch. @defaultValue the file name */
  readonly name?: string
}

/**
 * Reads a Parquet file one row group at a time, yielding each as a {@link Dataset}: memory holds one row group's
 * columns, never the file (hyparquet reads byte ranges of the file as it needs them). Values are converted as
 * `readParquet` converts them. Feed the batches to `profileStream` to profile files larger than memory.
 *
 * @param path - the `.parquet` file
 * @param options - columns, name
 * @returns an async iterable of row groups
 * @example
 * ```ts
 * for await (const group of streamParquet('flights.parquet', { columns: ['delay'] })) console.log(group.rowCount)
 * ```
 */
export async function* streamParquet(path: string, options: StreamParquetOptions = {}): AsyncGenerator<Dataset> {
  await requireFile('streamParquet', path)
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
    throw new VitestMlError('streamParquet', 'a Parquet file', `"${path}" (${(error as Error).message})`, 'Check the file is Parquet and not truncated.', {
      cause: error,
    })
  }
  const topLevel = topLevelColumns(metadata)
  const names = options.columns ?? [...topLevel.keys()]
  for (const name of names) {
    if (!topLevel.has(name))
      throw new VitestMlError(
        'streamParquet',
        `a column of "${path}", one of [${[...topLevel.keys()].join(', ')}]`,
        `"${name}"`,
        'Check `columns`; names are case-sensitive.',
      )
  }
  const name = options.name ?? datasetNameOf(path)
  let groupStart = 0
  for (const group of metadata.row_groups) {
    const rows = Number(group.num_rows)
    const columns = new Map<string, Float64Array | CellValue[]>(
      names.map((column) => [column, topLevel.get(column) === 'numeric' ? new Float64Array(rows) : new Array<CellValue>(rows).fill(null)]),
    )
    const start = groupStart
    try {
      await parquetRead({
        file,
        metadata,
        compressors,
        columns: [...names],
        rowStart: start,
        rowEnd: start + rows,
        onChunk: (chunk: ColumnData) => copyChunk(chunk, columns.get(chunk.columnName), rows, start),
      })
    } catch (error) {
      throw new VitestMlError(
        'streamParquet',
        `readable row groups in "${path}"`,
        `an error in the row group starting at row ${start}: ${(error as Error).message}`,
        'The file may be corrupt or use an unsupported encoding.',
        { cause: error },
      )
    }
    groupStart += rows
    yield datasetFromColumns(Object.fromEntries(columns) as Record<string, Column>, { name })
  }
}
