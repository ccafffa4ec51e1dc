import { finiteSample } from './finite-sample.js'
import { sortFloat64 } from './sort-float64.js'

/** Result of {@link wassersteinDistance}. */
export interface WassersteinDistanceResult {
  /** The first Wasserstein (earth mover's) distance, in the units of the data. */
  readonly statistic: number
  /** NaN values dropped from both samples together. */
  readonly nanDropped: number
}

/**
 * First Wasserstein distance between two empirical distributions, as `scipy.stats.wasserstein_distance(reference,
 * current)`: the area between the two empirical CDFs, `sum_k |F_ref(x_k) - F_cur(x_k)| * (x_{k+1} - x_k)` over the
 * pooled sorted values.
 *
 * Both samples are sorted once (native `Float64Array` sort) and merged in one pass; the sum uses compensated
 * (Neumaier) addition. NaN is dropped and counted; ±Infinity and empty samples throw `VitestMlError`. One value per
 * sample gives the distance between the two values; identical constant samples give 0.
 *
 * @param reference - the reference sample
 * @param current - the current sample
 * @returns the distance and the NaN count
 * @example
 * ```ts
 * wassersteinDistance([0, 1, 3], [5, 6, 8]) // -> { statistic: 5, nanDropped: 0 }
 * ```
 */
export function wassersteinDistance(reference: ArrayLike<number>, current: ArrayLike<number>): WassersteinDistanceResult {
  const ref = finiteSample('wassersteinDistance', 'reference', reference)
  const cur = finiteSample('wassersteinDistance', 'current', current)
  const x = sortFloat64(ref.values)
  const y = sortFloat64(cur.values)
  const n1 = x.length
  const n2 = y.length
  let i = 0
  let j = 0
  let sum = 0
  let compensation = 0
  let previous = Math.min(x[0] as number, y[0] as number)
  // Walk the distinct pooled values; between `previous` and the next value both ECDFs are constant.
  while (i < n1 || j < n2) {
    const xi = i < n1 ? (x[i] as number) : Number.POSITIVE_INFINITY
    const yj = j < n2 ? (y[j] as number) : Number.POSITIVE_INFINITY
    const value = xi <= yj ? xi : yj
    const term = Math.abs(i / n1 - j / n2) * (value - previous)
    const t = sum + term
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum
    sum = t
    while (i < n1 && (x[i] as number) <= value) i++
    while (j < n2 && (y[j] as number) <= value) j++
    previous = value
  }
  return { statistic: sum + compensation, nanDropped: ref.nanDropped + cur.nanDropped }
}
