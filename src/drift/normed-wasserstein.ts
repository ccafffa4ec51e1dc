import { standardDeviation } from 'simple-statistics'
import { wassersteinDistance } from '../stats/wasserstein-distance.js'

/** Smallest reference standard deviation the distance is divided by (Evidently uses the same floor). */
export const MIN_NORM = 0.001

/**
 * The Wasserstein distance in units of the reference's standard deviation, Evidently's `wasserstein` drift measure:
 * `W1(reference, current) / max(std(reference), 0.001)` (population standard deviation, as `np.std`). A value of 0.1
 * means the current distribution is, on average, a tenth of a standard deviation away.
 *
 * @param reference - finite reference values
 * @param current - finite current values
 * @returns the normed distance
 * @example
 * ```ts
 * normedWasserstein(Float64Array.of(0, 1, 2, 3), Float64Array.of(1, 2, 3, 4)) // 1 / 1.118 = 0.894
 * ```
 */
export function normedWasserstein(reference: Float64Array, current: Float64Array): number {
  const distance = wassersteinDistance(reference, current).statistic
  const spread = reference.length > 1 ? standardDeviation(reference as unknown as number[]) : 0
  return distance / Math.max(spread, MIN_NORM)
}
