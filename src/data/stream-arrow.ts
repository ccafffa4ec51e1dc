import { createReadStream } from 'node:fs'
import type { RecordBatchReader } from 'apache-arrow'
import { VitestMlError } from '../util/errors.js'
import { lazyRequire } from '../util/lazy-require.js'
import { type Column, type Dataset, datasetFromColumns } from './dataset.js'
import { toColumn } from './read-arrow.js'
import { datasetNameOf, requireFile } from './read-source.js'

/** Options of {@link streamArrow}. */
export interface StreamArrowOptions {
  /** Read only these columns. @defaultValue every column */
  readonly columns?: readonly string[]
  /** Dataset name of every batch. @defaultValue the file name */
  readonly name?: string
}

/** apache-arrow, loaded on first use (not when vitest-ml is imported). */
const arrow = lazyRequire<typeof import('apache-arrow')>('apache-arrow')

/**
 * Reads an Arrow IPC file or stream one record batch at a time with `apache-arrow`'s `RecordBatchReader` over a file
 * stream, yielding each batch as a {@link Dataset} converted as `readArrow` converts columns.
 *
 * @param path - the Arrow file
 * @param options - columns, name
 * @returns an async iterable of record batches
 * @example
 * ```ts
 * for await (const batch of streamArrow('flights-200k.arrow')) builder.add(batch)
 * ```
 */
export async function* streamArrow(path: string, options: StreamArrowOptions = {}): AsyncGenerator<Dataset> {
  await requireFile('streamArrow', path)
  const name = options.name ?? datasetNameOf(path)
  let reader: Awaited<ReturnType<typeof RecordBatchReader.from>>
  try {
    reader = await arrow().RecordBatchReader.from(createReadStream(path))
    await reader.open()
  } catch (error) {
    throw new VitestMlError(
      'streamArrow',
      'an Arrow IPC file or stream',
      `"${path}" (${(error as Error).message})`,
      'Write the file with pyarrow.feather.write_feather or RecordBatchFileWriter; Parquet files need streamParquet().',
      { cause: error },
    )
  }
  for await (const batch of reader) {
    const available = batch.schema.fields.map((field) => field.name)
    const names = options.columns ?? available
    const columns: Record<string, Column> = {}
    for (const column of names) {
      const vector = batch.getChild(column)
      if (vector === null)
        throw new VitestMlError(
          'streamArrow',
          `a column of "${path}", one of [${available.join(', ')}]`,
          `"${column}"`,
          'Check `columns`; names are case-sensitive.',
        )
      columns[column] = toColumn(vector)
    }
    yield datasetFromColumns(columns, { name })
  }
}
