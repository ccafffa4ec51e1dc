import seedrandom from 'seedrandom'
import { VitestMlError } from '../errors.js'

/**
 * Draws `count` rows from `rows` with a seeded generator: without replacement while the rows last (a seeded
 * shuffle), with replacement after that. Same seed, same rows, same order.
 *
 * @param source - public name to blame when `rows` is empty
 * @param rows - the pool
 * @param count - rows wanted @defaultValue rows.length
 * @param seed - the seed
 * @returns the drawn rows
 * @example
 * ```ts
 * sampleRows('toAgreeWith', [[1], [2], [3]], 2, 7) // for example [[3], [1]]
 * ```
 */
export function sampleRows<T>(source: string, rows: readonly T[], count: number | undefined, seed: number): T[] {
  if (!Array.isArray(rows) || rows.length === 0) {
    throw new VitestMlError(source, 'a non-empty array of input rows in `inputs`', Array.isArray(rows) ? 'an empty array' : typeof rows, 'Pass real rows, for example the test split of your data set.')
  }
  const wanted = count ?? rows.length
  if (!Number.isInteger(wanted) || wanted < 1) throw new VitestMlError(source, 'a whole number of cases >= 1', String(count), 'Pass `numRuns: 100` or leave it out to use every row.')
  const random = seedrandom(`rows:${seed}`)
  const order = rows.map((_, index) => index)
  for (let index = order.length - 1; index > 0; index--) {
    const swap = Math.floor(random() * (index + 1))
    ;[order[index], order[swap]] = [order[swap] as number, order[index] as number]
  }
  const drawn: T[] = []
  for (let index = 0; index < wanted; index++) {
    const position = index < order.length ? (order[index] as number) : Math.floor(random() * rows.length)
    drawn.push(rows[position] as T)
  }
  return drawn
}
