import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { VitestMlError } from '../util/errors.js'

/**
 * Reads a data file's bytes for one of the readers, turning "no such file", "is a directory" and permission failures
 * into a {@link VitestMlError} that names the reader and the path.
 *
 * @param reader - the public reader name (`readCsv`, `readJson`, ...)
 * @param path - the file path
 * @returns the file's bytes
 * @example
 * ```ts
 * await readSourceBytes('readCsv', 'data/missing.csv')
 * // throws: readCsv: expected an existing file, received "data/missing.csv" (no such file).
 * ```
 */
export async function readSourceBytes(reader: string, path: string): Promise<Buffer> {
  await requireFile(reader, path)
  return readFile(path)
}

/**
 * Reads a data file as UTF-8 text (a leading byte-order mark is removed); same errors as {@link readSourceBytes}.
 *
 * @param reader - the public reader name
 * @param path - the file path
 * @returns the text
 * @example
 * ```ts
 * const text = await readSourceText('readJson', 'data/rows.jsonl')
 * ```
 */
export async function readSourceText(reader: string, path: string): Promise<string> {
  const text = (await readSourceBytes(reader, path)).toString('utf8')
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/**
 * Throws a clear error unless `path` names a readable regular file.
 *
 * @param reader - the public reader name
 * @param path - the file path
 * @example
 * ```ts
 * await requireFile('readParquet', 'flights.parquet')
 * ```
 */
export async function requireFile(reader: string, path: string): Promise<void> {
  if (typeof path !== 'string' || path === '') {
    throw new VitestMlError(
      reader,
      'a file path',
      typeof path === 'string' ? 'an empty string' : typeof path,
      'Pass the path of the data file, relative to the project root.',
    )
  }
  let isFile: boolean
  try {
    isFile = (await stat(path)).isFile()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable')
    throw new VitestMlError(
      reader,
      'an existing file',
      `"${path}" (${why})`,
      'Check the path; relative paths are resolved from the working directory (usually the project root).',
      { cause: error },
    )
  }
  if (!isFile) throw new VitestMlError(reader, 'a file', `"${path}" (a directory or special file)`, 'Point at the data file itself, not its folder.')
}

/**
 * The dataset name a reader gives by default: the file name without its folder.
 *
 * @param path - the file path
 * @example
 * ```ts
 * datasetNameOf('data/seattle-weather.csv') // 'seattle-weather.csv'
 * ```
 */
export function datasetNameOf(path: string): string {
  return basename(path)
}
