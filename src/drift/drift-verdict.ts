import { formatNumber as num } from '../util/format-number.js'
import { DRIFT_THRESHOLDS, isTestMethod } from './drift-method.js'
import type { FeatureDriftMeasurement, FeatureDriftOptions, FeatureDriftResult } from './feature-drift.js'

/** The parts of a feature result a verdict is made from. */
export type DriftEvidence = Pick<FeatureDriftResult, 'method' | 'statistic' | 'pValue' | 'adjustedPValue' | 'threshold' | 'effectSize'>

/**
 * The drift verdict for one feature: for tests, (adjusted) p-value below the threshold and, when `minEffect` is set, an
 * effect size at least `minEffect`; for distances, the distance at or above the threshold (as Evidently).
 *
 * @param evidence - method, statistic, p-values, threshold, effect size
 * @param minEffect - smallest effect size a significant test must also show
 * @returns whether the feature drifted
 * @example
 * ```ts
 * isDrifted({ method: 'ks', statistic: 0.02, pValue: 1e-6, threshold: 0.05, effectSize: 0.01 }, 0.1) // false: tiny
 * ```
 */
export function isDrifted(evidence: DriftEvidence, minEffect?: number): boolean {
  if (!isTestMethod(evidence.method)) return evidence.statistic >= evidence.threshold
  const p = evidence.adjustedPValue ?? evidence.pValue ?? 1
  return p < evidence.threshold && (minEffect === undefined || evidence.effectSize >= minEffect)
}

/**
 * Warnings that say when a feature's result means little: a sample under `minSampleSize`, a test that is significant
 * only because the sample is large (effect size below `minEffect`, or below 0.1 when none is set), infinities kept out
 * of the statistics, and missing-value rates that differ by more than 5 points.
 *
 * @param result - the feature result
 * @param drifted - its verdict
 * @param options - `minSampleSize`, `minEffect`
 * @returns warnings, one sentence each
 * @example
 * ```ts
 * sampleWarnings(result, false, {}) // ['delay: only 12 current values (< 30): the ks result means little']
 * ```
 */
export function sampleWarnings(
  result: Omit<FeatureDriftResult, 'drifted'>,
  drifted: boolean,
  options: Pick<FeatureDriftOptions, 'minSampleSize' | 'minEffect'>,
): string[] {
  const warnings: string[] = []
  const minimum = options.minSampleSize ?? 30
  const smallest = Math.min(result.referenceSize, result.currentSize)
  if (smallest > 0 && smallest < minimum) {
    const which = result.referenceSize <= result.currentSize ? 'reference' : 'current'
    warnings.push(`${result.feature}: only ${smallest} ${which} values (< ${minimum}): the ${result.method} result means little`)
  }
  const p = result.adjustedPValue ?? result.pValue
  if (isTestMethod(result.method) && p !== undefined && p < result.threshold) {
    const floor = options.minEffect ?? DRIFT_THRESHOLDS['jensen-shannon']
    if (result.effectSize < floor) {
      warnings.push(
        `${result.feature}: significant (p ${num(p)}) but tiny (${result.effectMeasure} ${num(result.effectSize)} < ${num(floor)})` +
          (drifted ? '; set minEffect to ignore differences this small' : '; not flagged because of minEffect'),
      )
    }
  }
  if (result.referenceNonFinite + result.currentNonFinite > 0) {
    warnings.push(`${result.feature}: ${result.referenceNonFinite} reference and ${result.currentNonFinite} current infinite values left out of the statistics`)
  }
  const referenceRate = rate(result.referenceMissing, result.referenceSize, result.kind === 'numeric')
  const currentRate = rate(result.currentMissing, result.currentSize, result.kind === 'numeric')
  if (Math.abs(referenceRate - currentRate) > 0.05) {
    warnings.push(`${result.feature}: missing rate ${num(referenceRate)} in reference vs ${num(currentRate)} in current`)
  }
  return warnings
}

function rate(missing: number, size: number, sizeExcludesMissing: boolean): number {
  const total = sizeExcludesMissing ? size + missing : size
  return total === 0 ? 0 : missing / total
}

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
