import { isMissingCell } from '../data/column-kind.js'
import type { Column, Dataset } from '../data/dataset.js'
import { linearQuantile } from '../stats/linear-quantile.js'

/** How well one feature alone predicts the label on held-out rows. */
export interface SingleFeatureScore {
  readonly feature: string
  /**
   * Classes: the share of the way from the majority-class accuracy to perfect, `(accuracy - base) / (1 - base)`;
   * numeric targets: R² (`sklearn.metrics.r2_score`). 1 means the feature alone gives the label away.
   */
  readonly score: number
  /** Accuracy (classes) or R² (targets) of the one-feature rule on the test rows. */
  readonly metric: number
  /** The majority-class accuracy on the test rows (classes), 0 for targets. */
  readonly base: number
  /** How the feature was read: `values` (each value its own group) or `bins` (quantile bins of a numeric feature). */
  readonly grouping: 'values' | 'bins'
}

/** Quantile bins a numeric feature is cut into (scikit-learn's KBinsDiscretizer default is 5; more bins find sharper leaks). */
export const SINGLE_FEATURE_BINS = 10

const MISSING = '\u0000missing'

/**
 * For each feature, a one-feature rule fitted on the training rows and scored on the test rows: each value of a
 * categorical feature, or each of 10 quantile bins of a numeric one (edges as `KBinsDiscretizer(strategy='quantile')`:
 * linear quantiles of the training values, edges closer than 1e-8 merged; missing values a group of their own), predicts
 * the majority label of its training rows (classes) or their mean (numeric targets); unseen values predict the overall
 * majority or mean. A score near 1 is a leakage smell: a single column that gives the label away (an id encoding the
 * outcome, a field filled in after the fact). Fitting on training and scoring on test keeps ids and free text from
 * scoring by memorisation.
 *
 * @param train - training data
 * @param test - test data
 * @param label - the label column
 * @param features - the features to score
 * @param numericLabel - whether the label is a numeric target (else classes)
 * @returns one score per feature, best first
 * @example
 * ```ts
 * singleFeatureScores(train, test, 'species', ['island', 'flipper_length_mm'], false)[0]
 * // { feature: 'flipper_length_mm', score: 0.71, metric: 0.82, base: 0.44, grouping: 'bins' }
 * ```
 */
export function singleFeatureScores(train: Dataset, test: Dataset, label: string, features: readonly string[], numericLabel: boolean): SingleFeatureScore[] {
  const trainLabels = labelsOf(train.column(label), numericLabel)
  const testLabels = labelsOf(test.column(label), numericLabel)
  const scores = features.map((feature) => {
    const numericFeature = train.isNumeric(feature) && test.isNumeric(feature)
    const edges = numericFeature ? quantileEdges(train.column(feature) as Float64Array) : undefined
    const group = (column: Column, row: number): string => {
      const value = column[row]
      if (isMissingCell(value)) return MISSING
      return edges === undefined ? String(value) : String(binOf(edges, value as number))
    }
    const trainGroups = Array.from({ length: train.rowCount }, (_, row) => group(train.column(feature), row))
    const testGroups = Array.from({ length: test.rowCount }, (_, row) => group(test.column(feature), row))
    const result = numericLabel
      ? regressionScore(trainGroups, trainLabels as (number | undefined)[], testGroups, testLabels as (number | undefined)[])
      : classScore(trainGroups, trainLabels as (string | undefined)[], testGroups, testLabels as (string | undefined)[])
    return { feature, ...result, grouping: edges === undefined ? ('values' as const) : ('bins' as const) }
  })
  return scores.sort((x, y) => y.score - x.score || (x.feature < y.feature ? -1 : 1))
}

function labelsOf(column: Column, numeric: boolean): (string | number | undefined)[] {
  return Array.from(column as ArrayLike<unknown>, (value) => {
    if (isMissingCell(value)) return undefined
    if (!numeric) return String(value)
    const number = Number(value)
    return Number.isFinite(number) ? number : undefined
  })
}

/** Inner bin edges of the training values: linear quantiles at k / bins, an edge within 1e-8 of the one before dropped (as scikit-learn). */
function quantileEdges(column: Float64Array): number[] {
  const sorted = column.filter(Number.isFinite).sort()
  if (sorted.length === 0) return []
  const all = Array.from({ length: SINGLE_FEATURE_BINS + 1 }, (_, k) => linearQuantile(sorted, k / SINGLE_FEATURE_BINS))
  const edges = all.filter((edge, k) => k === 0 || edge - (all[k - 1] as number) > 1e-8)
  return edges.slice(1, -1)
}

/** `np.searchsorted(inner, value, side='right')`: the number of inner edges <= value. */
function binOf(inner: readonly number[], value: number): number {
  let low = 0
  let high = inner.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((inner[middle] as number) <= value) low = middle + 1
    else high = middle
  }
  return low
}

function majority(counts: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined
  let bestCount = -1
  for (const [label, count] of [...counts].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    if (count > bestCount) {
      best = label
      bestCount = count
    }
  }
  return best
}

function classScore(
  trainGroups: readonly string[],
  trainLabels: readonly (string | undefined)[],
  testGroups: readonly string[],
  testLabels: readonly (string | undefined)[],
) {
  const byGroup = new Map<string, Map<string, number>>()
  const overall = new Map<string, number>()
  trainGroups.forEach((group, row) => {
    const label = trainLabels[row]
    if (label === undefined) return
    const counts = byGroup.get(group) ?? new Map<string, number>()
    counts.set(label, (counts.get(label) ?? 0) + 1)
    byGroup.set(group, counts)
    overall.set(label, (overall.get(label) ?? 0) + 1)
  })
  const fallback = majority(overall)
  const rule = new Map([...byGroup].map(([group, counts]) => [group, majority(counts)]))
  let right = 0
  let base = 0
  let judged = 0
  testGroups.forEach((group, row) => {
    const label = testLabels[row]
    if (label === undefined) return
    judged++
    if ((rule.get(group) ?? fallback) === label) right++
    if (fallback === label) base++
  })
  const accuracy = judged === 0 ? 0 : right / judged
  const baseAccuracy = judged === 0 ? 0 : base / judged
  return { score: baseAccuracy >= 1 ? 0 : (accuracy - baseAccuracy) / (1 - baseAccuracy), metric: accuracy, base: baseAccuracy }
}

function regressionScore(
  trainGroups: readonly string[],
  trainLabels: readonly (number | undefined)[],
  testGroups: readonly string[],
  testLabels: readonly (number | undefined)[],
) {
  const sums = new Map<string, { sum: number; count: number }>()
  let total = 0
  let count = 0
  trainGroups.forEach((group, row) => {
    const label = trainLabels[row]
    if (label === undefined) return
    const entry = sums.get(group) ?? { sum: 0, count: 0 }
    entry.sum += label
    entry.count++
    sums.set(group, entry)
    total += label
    count++
  })
  const fallback = count === 0 ? 0 : total / count
  const judged = testLabels.filter((label): label is number => label !== undefined)
  const mean = judged.reduce((sum, label) => sum + label, 0) / Math.max(1, judged.length)
  let residual = 0
  let spread = 0
  testGroups.forEach((group, row) => {
    const label = testLabels[row]
    if (label === undefined) return
    const entry = sums.get(group)
    const predicted = entry === undefined ? fallback : entry.sum / entry.count
    residual += (label - predicted) ** 2
    spread += (label - mean) ** 2
  })
  const r2 = spread === 0 ? 0 : 1 - residual / spread
  return { score: r2, metric: r2, base: 0 }
}
