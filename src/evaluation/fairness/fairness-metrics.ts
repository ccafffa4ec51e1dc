import type { GroupRates } from './group-rates.js'

/** The group-fairness metrics, named as in Fairlearn (`fairlearn.metrics`), plus accuracy and calibration gaps. */
export type FairnessMetricName =
  | 'demographicParityDifference'
  | 'demographicParityRatio'
  | 'equalOpportunityDifference'
  | 'equalizedOddsDifference'
  | 'equalizedOddsRatio'
  | 'accuracyDifference'
  | 'calibrationDifference'

/** What a fairness metric compares and which way is fair. */
export interface FairnessMetricInfo {
  /** `difference`: 0 is parity, the bar is `max`; `ratio`: 1 is parity, the bar is `min`. */
  readonly kind: 'difference' | 'ratio'
  /** Needs a positive class (selection, true and false positive rates). */
  readonly binary: boolean
  /** Needs the probability of the positive class. */
  readonly scores: boolean
  /** The group rate(s) it compares, for messages. */
  readonly rates: readonly (keyof Omit<GroupRates, 'group' | 'size'>)[]
}

/**
 * Every fairness metric with what it needs. Definitions (Fairlearn user guide, "Common fairness metrics"):
 * demographic parity difference = max - min selection rate over groups, ratio = min / max; equal opportunity difference
 * = max - min true positive rate; equalized odds difference = the larger of the TPR and FPR differences, ratio = the
 * smaller of the TPR and FPR ratios (`agg='worst_case'`); accuracy difference = max - min accuracy (`MetricFrame`
 * `difference()` of `accuracy_score`); calibration difference = max - min of (mean score - observed positive rate).
 *
 * @example
 * ```ts
 * FAIRNESS_METRICS.demographicParityRatio // { kind: 'ratio', binary: true, scores: false, rates: ['selectionRate'] }
 * ```
 */
export const FAIRNESS_METRICS: Readonly<Record<FairnessMetricName, FairnessMetricInfo>> = {
  demographicParityDifference: { kind: 'difference', binary: true, scores: false, rates: ['selectionRate'] },
  demographicParityRatio: { kind: 'ratio', binary: true, scores: false, rates: ['selectionRate'] },
  equalOpportunityDifference: { kind: 'difference', binary: true, scores: false, rates: ['truePositiveRate'] },
  equalizedOddsDifference: { kind: 'difference', binary: true, scores: false, rates: ['truePositiveRate', 'falsePositiveRate'] },
  equalizedOddsRatio: { kind: 'ratio', binary: true, scores: false, rates: ['truePositiveRate', 'falsePositiveRate'] },
  accuracyDifference: { kind: 'difference', binary: false, scores: false, rates: ['accuracy'] },
  calibrationDifference: { kind: 'difference', binary: true, scores: true, rates: ['meanScore', 'positiveRate'] },
}

const finite = (values: readonly number[]): number[] => values.filter((value) => Number.isFinite(value))
/** max - min over the defined values (0 with fewer than two). */
const spread = (values: readonly number[]): number => {
  const defined = finite(values)
  return defined.length < 2 ? 0 : Math.max(...defined) - Math.min(...defined)
}
/** min / max over the defined values; every group at 0 is parity (1), where Fairlearn divides 0 by 0. */
const ratio = (values: readonly number[]): number => {
  const defined = finite(values)
  if (defined.length < 2) return 1
  const largest = Math.max(...defined)
  return largest === 0 ? 1 : Math.min(...defined) / largest
}

/**
 * A fairness metric from the rates of the groups compared.
 *
 * @param name - the metric
 * @param rates - per-group rates (`groupRates`); undefined rates (NaN) are left out
 * @returns the metric
 * @example
 * ```ts
 * fairnessMetric('demographicParityDifference', [{ selectionRate: 0.5, ... }, { selectionRate: 0.25, ... }]) // 0.25
 * ```
 */
export function fairnessMetric(name: FairnessMetricName, rates: readonly GroupRates[]): number {
  const of = (key: keyof Omit<GroupRates, 'group' | 'size'>): number[] => rates.map((rate) => rate[key])
  switch (name) {
    case 'demographicParityDifference':
      return spread(of('selectionRate'))
    case 'demographicParityRatio':
      return ratio(of('selectionRate'))
    case 'equalOpportunityDifference':
      return spread(of('truePositiveRate'))
    case 'equalizedOddsDifference':
      return Math.max(spread(of('truePositiveRate')), spread(of('falsePositiveRate')))
    case 'equalizedOddsRatio':
      return Math.min(ratio(of('truePositiveRate')), ratio(of('falsePositiveRate')))
    case 'accuracyDifference':
      return spread(of('accuracy'))
    case 'calibrationDifference':
      return spread(rates.map((rate) => rate.meanScore - rate.positiveRate))
  }
}
