import fc from 'fast-check'
import seedrandom from 'seedrandom'
import { VitestMlError } from '../util/errors.js'

/**
 * Draws `count` row positions in `[0, length)` with a seeded generator: without replacement while the rows last (a
 * seeded shuffle), with replacement after that. Same seed, same positions, same order.
 *
 * @param source - public name to blame on bad arguments
 * @param length - rows in the pool (must be >= 1)
 * @param count - positions wanted @defaultValue length
 * @param seed - the seed
 * @returns the drawn positions
 * @example
 * ```ts
 * sampleIndices('toAgreeWith', 3, 2, 7) // for example [2, 0]
 * ```
 */
export function sampleIndices(source: string, length: number, count: number | undefined, seed: number): number[] {
  const wanted = count ?? length
  if (!Number.isInteger(wanted) || wanted < 1)
    throw new VitestMlError(source, 'a whole number of cases >= 1', String(count), 'Pass `numRuns: 100` or leave it out to use every row.')
  const random = seedrandom(`rows:${seed}`)
  const order = Array.from({ length }, (_, index) => index)
  for (let index = order.length - 1; index > 0; index--) {
    const swap = Math.floor(random() * (index + 1))
    ;[order[index], order[swap]] = [order[swap] as number, order[index] as number]
  }
  return Array.from({ length: wanted }, (_, index) => (index < order.length ? (order[index] as number) : Math.floor(random() * length)))
}

/**
 * Draws `count` rows from `rows` at the positions given by {@link sampleIndices}.
 *
 * @param source - public name to blame when `rows` is empty
 * @param rows - the pool
 * @param count - rows wanted @defaultValue rows.length
 * @param seed - the seed
 * @returns the drawn rows
 * @example
 * ```ts
 * sampleRows('fallbackDrill', [[1], [2], [3]], 2, 7) // for example [[3], [1]]
 * ```
 */
export function sampleRows<T>(source: string, rows: readonly T[], count: number | undefined, seed: number): T[] {
  assertRows(source, rows)
  return sampleIndices(source, rows.length, count, seed).map((index) => rows[index] as T)
}

/**
 * Throws unless `rows` is a non-empty array.
 *
 * @param source - public name to blame
 * @param rows - what the user passed as `inputs`
 * @example
 * ```ts
 * assertRows('toAgreeWith', []) // throws: expected a non-empty array of input rows in `inputs`, received an empty array
 * ```
 */
export function assertRows(source: string, rows: unknown): asserts rows is readonly unknown[] {
  if (!Array.isArray(rows) || rows.length === 0) {
    throw new VitestMlError(
      source,
      'a non-empty array of input rows in `inputs`',
      Array.isArray(rows) ? 'an empty array' : typeof rows,
      'Pass real rows, for example the test split of your data set.',
    )
  }
}

/** Where a check gets its rows: real rows (sampled with the seed) or a fast-check arbitrary (generated with it). */
export type InputSource<I> = readonly I[] | fc.Arbitrary<I>

/**
 * Draws `count` rows from a {@link InputSource}: `fc.sample` with the seed for an arbitrary, {@link sampleRows} for
 * real rows. Same seed, same rows.
 *
 * @param source - public name to blame on bad input
 * @param inputs - rows or an arbitrary
 * @param count - rows wanted @defaultValue every row (arrays), 100 (arbitraries)
 * @param seed - the seed
 * @returns the rows
 * @example
 * ```ts
 * drawRows('toAgreeWith', fc.tuple(fc.double(), fc.double()), 50, 1) // 50 generated pairs
 * ```
 */
export function drawRows<I>(source: string, inputs: InputSource<I>, count: number | undefined, seed: number): I[] {
  if (inputs instanceof fc.Arbitrary) {
    const wanted = count ?? 100
    if (!Number.isInteger(wanted) || wanted < 1) throw new VitestMlError(source, 'a whole number of cases >= 1', String(count), 'Pass `numRuns: 100`.')
    return fc.sample(inputs, { seed, numRuns: wanted })
  }
  if (!Array.isArray(inputs)) {
    throw new VitestMlError(
      source,
      'real rows (an array) or a fast-check Arbitrary in `inputs`',
      inputs === null ? 'null' : typeof inputs,
      'Pass the test split, or an arbitrary such as `fc.tuple(fc.double(), fc.double())`.',
    )
  }
  return sampleRows(source, inputs, count, seed)
}
