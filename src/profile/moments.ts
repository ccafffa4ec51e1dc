/** Count, mean, sum of squared deviations, min and max of finite values: mergeable exactly (Chan et al. 1979). */
export interface Moments {
  /** Finite values counted. */
  readonly count: number
  /** Their mean (NaN when count is 0). */
  readonly mean: number
  /** Sum of squared deviations from the mean (variance = m2 / count). */
  readonly m2: number
  /** Smallest value (Infinity when count is 0). */
  readonly min: number
  /** Largest value (-Infinity when count is 0). */
  readonly max: number
}

/** No values yet. */
export const EMPTY_MOMENTS: Moments = { count: 0, mean: Number.NaN, m2: 0, min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY }

/**
 * The moments of a batch of finite values (two passes over the batch: mean, then squared deviations).
 *
 * @param values - finite values
 * @param length - how many of them (a prefix)
 * @returns the moments
 * @example
 * ```ts
 * batchMoments(Float64Array.of(1, 2, 3)) // { count: 3, mean: 2, m2: 2, min: 1, max: 3 }
 * ```
 */
export function batchMoments(values: Float64Array, length = values.length): Moments {
  if (length === 0) return EMPTY_MOMENTS
  let sum = 0
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  for (let i = 0; i < length; i++) {
    const value = values[i] as number
    sum += value
    if (value < min) min = value
    if (value > max) max = value
  }
  const mean = sum / length
  let m2 = 0
  for (let i = 0; i < length; i++) m2 += ((values[i] as number) - mean) ** 2
  return { count: length, mean, m2, min, max }
}

/**
 * Merges moments of two disjoint sets of values (Chan, Golub & LeVeque's pairwise update).
 *
 * @param left - one set's moments
 * @param right - the other's
 * @returns the moments of the union
 * @example
 * ```ts
 * mergeMoments(batchMoments(Float64Array.of(1, 2)), batchMoments(Float64Array.of(3))) // { count: 3, mean: 2, m2: 2, ... }
 * ```
 */
export function mergeMoments(left: Moments, right: Moments): Moments {
  if (left.count === 0) return right
  if (right.count === 0) return left
  const count = left.count + right.count
  const delta = right.mean - left.mean
  return {
    count,
    mean: left.mean + (delta * right.count) / count,
    m2: left.m2 + right.m2 + (delta * delta * left.count * right.count) / count,
    min: Math.min(left.min, right.min),
    max: Math.max(left.max, right.max),
  }
}
