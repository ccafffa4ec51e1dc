import { appendFile, mkdir, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { VitestMlError } from '../util/errors.js'
import type { PredictionLogEntry, PredictionSink } from './prediction-log.js'

/**
 * A {@link PredictionSink} that appends one JSON object per line (JSONL) to a file, creating its folder; each batch is
 * one append, so lines of concurrent batches never interleave.
 *
 * @example
 * ```ts
 * const sink = new JsonlFileSink('logs/predictions.jsonl')
 * await logged(model, { sink, modelVersion: '1.2.3' }).predict(rows)
 * await readPredictionLog('logs/predictions.jsonl') // the entries back
 * ```
 */
export class JsonlFileSink implements PredictionSink {
  /** Path of the log file. */
  readonly path: string
  #ready: Promise<unknown> | undefined

  /**
   * @param path - the JSONL file to append to
   */
  constructor(path: string) {
    this.path = path
  }

  /**
   * Appends the entries, one line each.
   *
   * @param entries - log entries
   */
  async write(entries: readonly PredictionLogEntry[]): Promise<void> {
    if (entries.length === 0) return
    this.#ready ??= mkdir(dirname(this.path), { recursive: true })
    await this.#ready
    await appendFile(this.path, entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''), 'utf8')
  }
}

/**
 * Reads a JSONL prediction log back (blank lines skipped), naming the line of any corrupt entry.
 *
 * @param path - the file written by {@link JsonlFileSink}
 * @returns the entries, in file order
 * @example
 * ```ts
 * const log = await readPredictionLog('logs/predictions.jsonl')
 * joinDelayedLabels(log, labels, { window: 'day' })
 * ```
 */
export async function readPredictionLog(path: string): Promise<PredictionLogEntry[]> {
  const text = await readFile(path, 'utf8')
  return text.split('\n').flatMap((line, index) => {
    if (line.trim() === '') return []
    try {
      return [JSON.parse(line) as PredictionLogEntry]
    } catch (error) {
      throw new VitestMlError(
        'readPredictionLog',
        'one JSON object per line',
        `unparseable line ${index + 1} of ${path}`,
        'The log was truncated or written by something else; drop the corrupt line.',
        { cause: error },
      )
    }
  })
}
