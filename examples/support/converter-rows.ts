import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = new URL('../../', import.meta.url)

/** The held-out rows stored beside a converter fixture (`models/converters/<name>.rows.json`): inputs and true classes. */
export interface ConverterRows<R> {
  readonly rows: R[]
  readonly truth: (string | number)[]
}

/**
 * Reads the held-out rows of a one-input converter model: the 200 Amazon review sentences of the sentiment pipeline
 * (strings) or the 450 digit images of the CNN (64 pixels each, already divided by 16).
 */
export function converterRows<R>(name: string): ConverterRows<R> {
  const file = JSON.parse(readFileSync(fileURLToPath(new URL(`models/converters/${name}.rows.json`, root)), 'utf8')) as {
    rows: number
    feeds: Record<string, { dims: number[]; data: (number | string)[] }>
    truth: (string | number)[]
  }
  const feed = Object.values(file.feeds)[0] as { dims: number[]; data: (number | string)[] }
  const width = feed.dims.slice(1).reduce((product, dim) => product * dim, 1)
  const rows = Array.from({ length: file.rows }, (_, row) => (width === 1 ? feed.data[row] : feed.data.slice(row * width, (row + 1) * width)) as R)
  return { rows, truth: file.truth }
}
