import { createReadStream } from 'node:fs'
import type Papa from 'papaparse'
import { VitestMlError } from '../util/errors.js'
import { lazyRequire } from '../util/lazy-require.js'
import { type Column, type Dataset, datasetFromColumns } from './dataset.js'
import { datasetNameOf, requireFile } from './read-source.js'

/** Options of {@link streamCsv}. */
export interface StreamCsvOptions {
  /** Rows per batch. @defaultValue 65536 */
  readonly batchRows?: number
  /** Field delimiter. @defaultValue detected by papaparse */
  readonly delimiter?: string
  /** Cell texts that mean "missing" (after trimming). @defaultValue `['', 'NA', 'N/A', 'NaN', 'null']` */
  readonly missing?: readonly string[]
  /** Dataset name of every batch. @defaultValue the file name */
  readonly name?: string
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$|^[+-]?Infinity$/

/** papaparse, loaded on first use (not when vitest-ml is imported). */
const papaparse = lazyRequire<typeof Papa>('papaparse')

/**
 * Reads a CSV file in batches of `batchRows` rows, parsed by papaparse from a file stream (RFC 4180 quoting), so memory
 * holds one batch, not the file. Column types are fixed by the first batch as `readCsv` types them (numbers, else
 * text); a later cell that is not a number in a numeric column is an error naming its line.
 *
 * @param path - the CSV file (first line: header)
 * @param options - batchRows, delimiter, missing, name
 * @returns an async iterable of batches
 * @example
 * ```ts
 * for await (const batch of streamCsv('events.csv', { batchRows: 100_000 })) builder.add(batch)
 * ```
 */
export async function* streamCsv(path: string, options: StreamCsvOptions = {}): AsyncGenerator<Dataset> {
  await requireFile('streamCsv', path)
  const batchRows = options.batchRows ?? 65_536
  if (!Number.isInteger(batchRows) || batchRows < 1)
    throw new VitestMlError('streamCsv', 'a whole `batchRows` >= 1', String(batchRows), 'For example `batchRows: 65536`.')
  const missing = new Set(options.missing ?? ['', 'NA', 'N/A', 'NaN', 'null'])
  const name = options.name ?? datasetNameOf(path)
  const parser = parsedRows(path, options.delimiter, batchRows)
  let header: string[] | undefined
  let numeric: boolean[] | undefined
  let batch: string[][] = []
  let line = 1
  const flush = (): Dataset => {
    const names = header as string[]
    numeric ??= names.map((_, index) => batch.every((row) => missing.has((row[index] ?? '').trim()) || NUMBER.test((row[index] ?? '').trim())))
    const startLine = line - batch.length
    const columns: Record<string, Column> = {}
    names.forEach((column, index) => {
      const cells = batch.map((row) => (row[index] ?? '').trim())
      if (!(numeric as boolean[])[index]) {
        columns[column] = cells.map((cell) => (missing.has(cell) ? null : cell))
        return
      }
      columns[column] = Float64Array.from(cells, (cell, offset) => {
        if (missing.has(cell)) return Number.NaN
        if (!NUMBER.test(cell))
          throw new VitestMlError(
            'streamCsv',
            `numbers in column "${column}" (its first batch held only numbers)`,
            `${JSON.stringify(cell)} at line ${startLine + offset + 1}`,
            'Clean the feed, or read the file with readCsv(), which types a column by all of its cells.',
          )
        return Number(cell)
      })
    })
    batch = []
    return datasetFromColumns(columns, { name })
  }
  for await (const row of parser) {
    line++
    if (header === undefined) {
      header = row
      line = 1
      continue
    }
    if (row.length !== header.length)
      throw new VitestMlError(
        'streamCsv',
        `${header.length} cells on every row of "${path}"`,
        `${row.length} cells at line ${line}`,
        'Fix the row with a missing or extra delimiter; quote cells that contain it.',
      )
    batch.push(row)
    if (batch.length >= batchRows) yield flush()
  }
  if (header === undefined) throw new VitestMlError('streamCsv', `a header line in "${path}"`, 'no lines', 'The first line must name the columns.')
  if (batch.length > 0 || numeric === undefined) yield flush()
}

/**
 * Rows of a CSV file as an async iterable, parsed by papaparse in chunks from a file stream; the parser is paused
 * while more than `buffer` rows wait to be consumed, so memory stays flat.
 */
async function* parsedRows(path: string, delimiter: string | undefined, buffer: number): AsyncGenerator<string[]> {
  const queue: string[][] = []
  let done = false
  let failure: unknown
  let wake: (() => void) | undefined
  let paused: Papa.Parser | undefined
  const notify = (): void => {
    wake?.()
    wake = undefined
  }
  papaparse().parse<string[]>(createReadStream(path, { encoding: 'utf8' }) as unknown as File, {
    skipEmptyLines: true,
    ...(delimiter === undefined ? {} : { delimiter }),
    chunk: (results, parser) => {
      for (const row of results.data) queue.push(row)
      if (queue.length >= buffer) {
        paused = parser
        parser.pause()
      }
      notify()
    },
    complete: () => {
      done = true
      notify()
    },
    error: (error: unknown) => {
      failure = error
      done = true
      notify()
    },
  })
  for (;;) {
    while (queue.length > 0) {
      const rows = queue.splice(0, queue.length)
      for (const row of rows) yield row
    }
    if (failure !== undefined)
      throw new VitestMlError(
        'streamCsv',
        `a readable CSV file at "${path}"`,
        String((failure as Error).message ?? failure),
        'Check the path and the file encoding (UTF-8).',
        { cause: failure },
      )
    if (done) return
    if (paused !== undefined) {
      const parser = paused
      paused = undefined
      parser.resume()
    }
    await new Promise<void>((resolve) => {
      wake = resolve
      if (queue.length > 0 || done) notify()
    })
  }
}
