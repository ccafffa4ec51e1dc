import { isTestMethod } from './drift-method.js'
import type { FeatureDriftMeasurement } from './feature-drift.js'

/**
 * How far past its threshold a feature is, on one scale for tests and distances, used to list features worst first:
 * `log(threshold / p)` for tests, `log(statistic / threshold)` for distances (positive means past the threshold).
 *
 * @param result - a feature measurement or result
 * @returns the severity (larger is worse)
 * @example
 * ```ts
 * driftSeverity({ method: 'ks', pValue: 0.0005, threshold: 0.05, statistic: 0.3 }) // log(100) = 4.6
 * ```
 */
export function driftSeverity(result: Pick<FeatureDriftMeasurement, 'method' | 'pValue' | 'adjustedPValue' | 'threshold' | 'statistic'>): number {
  if (isTestMethod(result.method)) {
    const p = Math.max(result.adjustedPValue ?? result.pValue ?? 1, Number.MIN_VALUE)
    return Math.log(result.threshold / p)
  }
  const statistic = Math.abs(result.statistic)
  if (statistic === 0) return Number.NEGATIVE_INFINITY
  return Math.log(statistic / Math.max(result.threshold, Number.MIN_VALUE))
}
