import { VitestMlError } from '../../util/errors.js'
import { assertPaired, describeValue, type Label, normalizeLabel, sortedLabels } from '../labels.js'
import { FAIRNESS_METRICS, type FairnessMetricName, fairnessMetric } from './fairness-metrics.js'
import { type FairnessRows, type GroupRates, groupRates } from './group-rates.js'

/** Options of {@link groupFairness}. */
export interface GroupFairnessOptions {
  /** The group of each row (one sensitive feature, or an intersection built by the caller). */
  readonly sensitiveFeatures: readonly unknown[]
  /** The favourable (positive) class. @defaultValue the larger of the labels (Fairlearn's `pos_label=1`) */
  readonly positiveLabel?: Label
  /** Probability of the positive class per row, for the calibration difference. */
  readonly scores?: readonly number[]
}

/** Result of {@link groupFairness}: every metric of `FAIRNESS_METRICS` and the group table. */
export type GroupFairnessResult = Readonly<Record<FairnessMetricName, number>> & { readonly groups: readonly GroupRates[]; readonly positiveLabel: Label }

/**
 * Group-fairness metrics of hard predictions, as Fairlearn defines them (`demographic_parity_difference`,
 * `demographic_parity_ratio`, `equal_opportunity_difference`, `equalized_odds_difference`, `equalized_odds_ratio` with
 * `method='between_groups'`), with the per-group rates behind them.
 *
 * @param yTrue - true labels
 * @param yPred - predicted labels
 * @param options - the group of each row, the positive class, scores
 * @returns the metrics and the groups
 * @example
 * ```ts
 * // The worked example of Fairlearn's user guide ("Common fairness metrics"):
 * groupFairness(yTrue, yPred, { sensitiveFeatures: sf }).demographicParityDifference // 0.25
 * ```
 */
export function groupFairness(yTrue: readonly unknown[], yPred: readonly unknown[], options: GroupFairnessOptions): GroupFairnessResult {
  const source = 'groupFairness'
  assertPaired(source, 'yTrue', yTrue, 'yPred', yPred)
  assertPaired(source, 'yTrue', yTrue, 'sensitiveFeatures', options.sensitiveFeatures)
  const truth = yTrue.map((label, index) => normalizeLabel(source, label, index))
  const predicted = yPred.map((label, index) => normalizeLabel(source, label, index))
  const labels = sortedLabels(truth, predicted)
  const positiveLabel = options.positiveLabel ?? (labels[labels.length - 1] as Label)
  if (labels.length > 2 && options.positiveLabel === undefined) {
    throw new VitestMlError(
      source,
      'two classes, or `positiveLabel`',
      `${labels.length} classes (${labels.slice(0, 5).map(describeValue).join(', ')})`,
      'Name the favourable class: `positiveLabel`.',
    )
  }
  const { group, names } = groupIndex(options.sensitiveFeatures)
  const rows: FairnessRows = {
    group,
    positive: Uint8Array.from(truth, (label) => (label === positiveLabel ? 1 : 0)),
    selected: Uint8Array.from(predicted, (label) => (label === positiveLabel ? 1 : 0)),
    correct: Uint8Array.from(truth, (label, index) => (label === predicted[index] ? 1 : 0)),
    score: Float64Array.from(truth, (_, index) => options.scores?.[index] ?? Number.NaN),
  }
  const groups = groupRates(rows, names)
  const metrics = Object.fromEntries(Object.keys(FAIRNESS_METRICS).map((name) => [name, fairnessMetric(name as FairnessMetricName, groups)])) as Record<
    FairnessMetricName,
    number
  >
  return { ...metrics, groups, positiveLabel }
}

/**
 * Numbers the groups of a column: each distinct value (null, undefined and NaN as `missing`), in sorted order.
 *
 * @param values - the group value of each row
 * @returns the group index of each row and the group names
 * @example
 * ```ts
 * groupIndex(['b', 'a', 'b']) // { group: Int32Array [1, 0, 1], names: ['a', 'b'] }
 * ```
 */
export function groupIndex(values: readonly unknown[]): { group: Int32Array; names: string[] } {
  const keys = values.map((value) => (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value)) ? 'missing' : String(value)))
  const names = [...new Set(keys)].sort((left, right) => (left === 'missing' ? 1 : right === 'missing' ? -1 : left.localeCompare(right)))
  const position = new Map(names.map((name, k) => [name, k]))
  return { group: Int32Array.from(keys, (key) => position.get(key) as number), names }
}
