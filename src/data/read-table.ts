import { extname } from 'node:path'
import { VitestMlError } from '../util/errors.js'
import type { Dataset } from './dataset.js'
import { readArrow } from './read-arrow.js'
import { readCsv } from './read-csv.js'
import { readJson } from './read-json.js'
import { readParquet } from './read-parquet.js'

/** The file types {@link readTable} reads, by extension. */
export const TABLE_EXTENSIONS = ['.csv', '.tsv', '.json', '.jsonl', '.ndjson', '.parquet', '.arrow', '.feather'] as const

/**
 * Reads a data file with the reader its extension names: CSV / TSV (`readCsv`), JSON or JSON Lines (`readJson`),
 * Parquet (`readParquet`), Arrow IPC / Feather (`readArrow`).
 *
 * @param path - the file
 * @returns the dataset
 * @throws VitestMlError for an extension it does not know
 * @example
 * ```ts
 * const train = await readTable('data/train.parquet')
 * ```
 */
export async function readTable(path: string): Promise<Dataset> {
  const extension = extname(path).toLowerCase()
  switch (extension) {
    case '.csv':
      return readCsv(path)
    case '.tsv':
      return readCsv(path, { delimiter: '\t' })
    case '.json':
    case '.jsonl':
    case '.ndjson':
      return readJson(path)
    case '.parquet':
      return readParquet(path)
    case '.arrow':
    case '.feather':
      return readArrow(path)
    default:
      throw new VitestMlError(
        'readTable',
        `a data file ending in ${TABLE_EXTENSIONS.join(', ')}`,
        `"${path}"`,
        'Convert the file, or read it yourself and pass a Dataset.',
      )
  }
}
