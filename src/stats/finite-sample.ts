import { VitestMlError } from '../util/errors.js'

/** A numeric sample with NaN removed, as every statistic in `vitest-ml/stats` sees it. */
export interface FiniteSample {
  /** The finite values, in input order, as a fresh `Float64Array` the caller may sort in place. */
  readonly values: Float64Array
  /** How many NaN values were dropped. */
  readonly nanDropped: number
}

/**
 * The NaN policy shared by every statistic: NaN values are dropped and counted (`nanDropped` in each result),
 * `±Infinity` is an error (it has no place on an empirical CDF and would silently dominate any distance), and a
 * sample with fewer than `minimum` finite values left is an error.
 *
 * @param source - public name of the calling statistic, used in the error message
 * @param name - the sample's name in messages (`reference`, `current`)
 * @param sample - the raw values (plain array or any typed array)
 * @param minimum - how many finite values the statistic needs
 * @returns a fresh `Float64Array` of the finite values and the NaN count
 * @example
 * ```ts
 * finiteSample('ksTwoSample', 'current', [1, Number.NaN, 2])
 * // -> { values: Float64Array [1, 2], nanDropped: 1 }
 * ```
 */
export function finiteSample(source: string, name: string, sample: ArrayLike<number>, minimum = 1): FiniteSample {
  const length = sample.length
  const values = new Float64Array(length)
  let kept = 0
  for (let i = 0; i < length; i++) {
    const value = sample[i] as number
    if (Number.isNaN(value)) continue
    if (value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY) {
      throw new VitestMlError(
        source,
        `finite numbers in ${name}`,
        `${value > 0 ? 'Infinity' : '-Infinity'} at index ${i}`,
        'Remove or clip infinite values before testing; NaN values are dropped and counted, infinities are not.',
      )
    }
    if (typeof value !== 'number') {
      throw new VitestMlError(source, `numbers in ${name}`, `${typeof value} at index ${i}`, 'Convert the column to numbers first.')
    }
    values[kept++] = value
  }
  const nanDropped = length - kept
  if (kept < minimum) {
    throw new VitestMlError(
      source,
      `at least ${minimum} finite value${minimum === 1 ? '' : 's'} in ${name}`,
      `${kept}${nanDropped > 0 ? ` (${nanDropped} NaN dropped)` : ''}`,
      kept === 0 && nanDropped === 0
        ? `Pass a non-empty ${name} sample.`
        : `Check that ${name} is not empty or all NaN (NaN values are dropped before testing).`,
    )
  }
  return { values: kept === length ? values : values.slice(0, kept), nanDropped }
}

/**
 * Checks that a count (a contingency-table cell or an observed frequency) is a finite, non-negative number.
 *
 * @param source - public name of the calling statistic
 * @param name - what the count is, for the message (`table[0][2]`)
 * @param value - the count
 * @returns the count
 * @example
 * ```ts
 * nonNegativeCount('chiSquareHomogeneity', 'table[0][1]', 12) // -> 12
 * ```
 */
export function nonNegativeCount(source: string, name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new VitestMlError(source, `a finite count >= 0 in ${name}`, String(value), 'Counts must be finite and non-negative; replace missing counts with 0.')
  }
  return value
}
