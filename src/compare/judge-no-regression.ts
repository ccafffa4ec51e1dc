import { gainOf, type MetricChange } from './compare-metric.js'
import type { MetricDirection } from './metric-direction.js'

/** The verdict of {@link judgeNoRegression} on one metric of one check. */
export interface NoRegressionJudgement {
  /** Whether the head is no worse than the base by more than the margin. */
  readonly passed: boolean
  /** The change as a gain (positive is better). */
  readonly gain: number
  /** The bound compared with `-margin`: the one-sided lower bound of the gain, or the gain itself without an interval. */
  readonly bound: number
  /** What the bound is: Newcombe's interval, identical artifacts, or the two stored values. */
  readonly basis: 'newcombe' | 'identical' | 'point'
}

/**
 * Non-inferiority of the head against the base, as `toBeNoWorseThan` decides it: with an interval, the one-sided lower
 * bound of the gain must exceed `-margin`; without one (only the two values were stored), the gain itself must be at
 * least `-margin`.
 *
 * @param change - the metric's change, with a known direction
 * @param margin - the largest acceptable loss, in metric units
 * @returns passed, gain, the bound compared and its basis
 * @example
 * ```ts
 * judgeNoRegression(compareMetric('p99Ms', base, head)!, 20) // { passed: false, gain: -35, bound: -35, basis: 'point' }
 * ```
 */
export function judgeNoRegression(change: MetricChange & { readonly direction: MetricDirection }, margin: number): NoRegressionJudgement {
  const { gain, bound } = gainOf(change)
  const basis = change.interval?.basis ?? 'point'
  return { passed: basis === 'newcombe' ? bound > -margin : bound >= -margin, gain, bound, basis }
}
