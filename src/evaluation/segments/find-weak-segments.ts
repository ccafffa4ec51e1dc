import type { Model } from '../../model/model.js'
import { benjaminiHochberg, bonferroni } from '../../stats/index.js'
import { VitestMlError } from '../../util/errors.js'
import { checkEvaluationData, type EvaluationData, predictAll } from '../evaluation-data.js'
import type { Label } from '../labels.js'
import { defaultMetric, type MetricDefinition, type MetricName, resolveMetric } from '../metric.js'
import { recordColumns } from '../record-columns.js'
import type { Prediction } from '../to-prediction.js'
import { segmentCandidates } from './segment-candidates.js'
import { segmentConditions } from './segment-conditions.js'
import { segmentInterval, segmentTest } from './segment-test.js'

/** Options of `findWeakSegments`. */
export interface FindWeakSegmentsOptions<I = unknown> {
  /** The held-out evaluation set. */
  readonly data: EvaluationData<I>
  /** Records to search (one per input; they may hold columns the model does not take, like `Sex`). @defaultValue the inputs */
  readonly rows?: readonly unknown[]
  /** Columns to search. @defaultValue every scalar column of the rows except the label and identifiers */
  readonly features?: readonly string[]
  /** A metric that is a mean over rows (accuracy, brier, logLoss, rmse, mae, mape, or one with `rowLoss`). @defaultValue `accuracy` for classes, `rmse` for numbers */
  readonly metric?: MetricName | MetricDefinition
  /** How far below the overall score (in metric units) a segment must be, with confidence, to count as weak. */
  readonly maxDrop: number
  /** Smallest segment examined. @defaultValue `20` */
  readonly minSize?: number
  /** Quantile cuts per numeric feature. @defaultValue `4` */
  readonly bins?: number
  /** Also examine pairs of conditions on two features. @defaultValue `true` */
  readonly pairs?: boolean
  /** Family-wise error rate (Bonferroni) or false discovery rate (Benjamini-Hochberg) over every segment examined. @defaultValue `0.05` */
  readonly alpha?: number
  /** The multiple-testing correction. @defaultValue `'bonferroni'` */
  readonly correction?: 'bonferroni' | 'benjamini-hochberg'
  /** Class of each probability column. */
  readonly classes?: readonly Label[]
  /** Positive class for binary metrics. */
  readonly positiveLabel?: Label
  /** Turns single-number outputs into classes. */
  readonly threshold?: number
  /** Seed of the bootstrap intervals of non-accuracy metrics. @defaultValue `42` */
  readonly seed?: number
}

/** One examined segment. */
export interface SegmentScore {
  readonly rule: string
  readonly features: readonly string[]
  readonly size: number
  /** The metric on the segment. */
  readonly score: number
  /** How much worse than overall, in metric units (positive = worse). */
  readonly drop: number
  /** One-sided p-value of "worse than the bar (overall -/+ maxDrop)". */
  readonly pValue: number
  /** p-value after the correction over every examined segment. */
  readonly adjustedPValue: number
  /** Significantly worse than the bar after the correction. */
  readonly weak: boolean
}

/** Result of `findWeakSegments`. */
export interface WeakSegmentsResult {
  readonly metric: string
  readonly higherIsBetter: boolean
  readonly overall: number
  /** The bar a weak segment falls beyond: overall - maxDrop (or + for losses). */
  readonly bar: number
  readonly maxDrop: number
  readonly rows: number
  readonly alpha: number
  readonly correction: 'bonferroni' | 'benjamini-hochberg'
  /** Segments tested (the size of the multiple-testing family). */
  readonly examined: number
  /** Segments below `minSize`, not tested. */
  readonly tooSmall: number
  readonly minSize: number
  readonly features: readonly string[]
  readonly skippedFeatures: readonly { readonly feature: string; readonly reason: string }[]
  /** Every examined segment: weak ones first, then by drop, worst first. */
  readonly segments: readonly SegmentScore[]
  /** 95% interval of the score of a segment (Wilson for accuracy, bootstrap otherwise). */
  readonly interval: (segment: SegmentScore) => { low: number; high: number }
}

const SOURCE = 'toHaveNoWeakSegments'

/**
 * Searches the held-out data for segments where the model is weak that nobody named: every value or quantile range of
 * every feature and every pair of those on two features, each tested one-sided against overall - `maxDrop` (Wilson
 * score test for accuracy, t test on the row losses otherwise) with a Bonferroni (or Benjamini-Hochberg) correction over
 * all the segments examined. Deepchecks' WeakSegmentsPerformance and Giskard's performance-bias scan, with an error
 * rate you can state.
 *
 * @param model - the model
 * @param options - see {@link FindWeakSegmentsOptions}
 * @returns the overall score, the family size and every segment, weak ones first
 * @example
 * ```ts
 * const result = await findWeakSegments(model, { data: test, rows: records, maxDrop: 0.1 })
 * result.segments[0] // { rule: 'Island = Dream and Sex = female', size: 24, score: 0.58, drop: 0.38, adjustedPValue: 0.002, weak: true }
 * ```
 */
export async function findWeakSegments<I>(model: Model<I, unknown>, options: FindWeakSegmentsOptions<I>): Promise<WeakSegmentsResult> {
  const { inputs, labels } = checkEvaluationData(SOURCE, options?.data)
  const predictions = await predictAll(
    SOURCE,
    model,
    inputs,
    { ...(options.classes === undefined ? {} : { classes: options.classes }), ...(options.threshold === undefined ? {} : { threshold: options.threshold }) },
    labels,
  )
  return weakSegmentsOf(labels, predictions, options.rows ?? inputs, options)
}

/**
 * The part of `findWeakSegments` after predicting.
 *
 * @param labels - true labels
 * @param predictions - one prediction per label
 * @param rows - records to search, one per label
 * @param options - see {@link FindWeakSegmentsOptions}
 * @returns the search result
 * @example
 * ```ts
 * weakSegmentsOf(labels, predictions, records, { maxDrop: 0.1 }).examined // 143
 * ```
 */
export function weakSegmentsOf(
  labels: readonly Label[],
  predictions: readonly Prediction[],
  rows: readonly unknown[],
  options: Omit<FindWeakSegmentsOptions, 'data'>,
): WeakSegmentsResult {
  const metric = resolveMetric(options.metric ?? defaultMetric(labels), SOURCE)
  const check = (ok: boolean, expected: string, received: unknown, hint: string): void => {
    if (!ok) throw new VitestMlError(SOURCE, expected, String(received), hint)
  }
  check(
    typeof options.maxDrop === 'number' && Number.isFinite(options.maxDrop) && options.maxDrop >= 0,
    'a finite `maxDrop` >= 0 (metric units)',
    options.maxDrop,
    'For example `{ maxDrop: 0.1 }`: a segment 10 points below the overall accuracy, with confidence, is weak.',
  )
  check(
    metric.rowLoss !== undefined,
    'a metric that is a mean over rows (accuracy, brier, logLoss, rmse, mae, mape)',
    metric.name,
    'Segments are tested on per-row values; give a custom metric a `rowLoss`.',
  )
  check(rows.length === labels.length, `${labels.length} rows (one per input)`, rows.length, '`rows` must describe the same rows as `data.inputs`, in order.')
  const minSize = options.minSize ?? 20
  check(Number.isInteger(minSize) && minSize >= 2, 'an integer `minSize` >= 2', minSize, 'Use 20 or more: smaller segments cannot show a drop with confidence.')
  const alpha = options.alpha ?? 0.05
  const correction = options.correction ?? 'bonferroni'
  check(
    correction === 'bonferroni' || correction === 'benjamini-hochberg',
    "correction 'bonferroni' or 'benjamini-hochberg'",
    JSON.stringify(correction),
    "'bonferroni' bounds the chance of any false alarm; 'benjamini-hochberg' the share of false alarms among the segments flagged.",
  )
  const context = {
    ...(options.classes === undefined ? {} : { classes: options.classes }),
    ...(options.positiveLabel === undefined ? {} : { positiveLabel: options.positiveLabel }),
  }
  const overall = metric.compute(labels, predictions, context)
  const values = (metric.rowLoss as NonNullable<MetricDefinition['rowLoss']>)(labels, predictions, context)
  const fromMean = metric.fromMean ?? ((mean: number) => mean)
  const binary = metric.name === 'accuracy'
  const bar = metric.higherIsBetter ? overall - options.maxDrop : overall + options.maxDrop
  const meanBar = metric.fromMean === undefined ? bar : inverseIncreasing(metric.fromMean, bar, values)
  const features = options.features ?? recordColumns(rows, [], labels)
  check(features.length > 0, 'at least one feature to search', 'none', 'Pass `rows` as records (one per input) or name the columns in `features`.')
  const { conditions, skipped } = segmentConditions(rows, features, options.bins === undefined ? {} : { bins: options.bins })
  const { candidates, tooSmall } = segmentCandidates(conditions, { minSize, pairs: options.pairs ?? true })
  const valuesAt = (indices: readonly number[]): Float64Array => Float64Array.from(indices, (index) => values[index] as number)
  const tested = candidates.map((candidate) => {
    const { mean, pValue } = segmentTest(valuesAt(candidate.indices), meanBar, metric.higherIsBetter, binary)
    return { candidate, score: fromMean(mean), pValue }
  })
  const corrected =
    tested.length === 0
      ? { adjusted: [], rejected: [] }
      : (correction === 'bonferroni' ? bonferroni : benjaminiHochberg)(
          tested.map((entry) => entry.pValue),
          { alpha },
        )
  const direction = metric.higherIsBetter ? 1 : -1
  const segments = tested.map(
    ({ candidate, score, pValue }, k): SegmentScore => ({
      rule: candidate.rule,
      features: candidate.features,
      size: candidate.indices.length,
      score,
      drop: direction * (overall - score),
      pValue,
      adjustedPValue: corrected.adjusted[k] as number,
      weak: corrected.rejected[k] === true,
    }),
  )
  const rowsOf = new Map(segments.map((segment, k) => [segment, tested[k]?.candidate.indices ?? []]))
  segments.sort((left, right) => Number(right.weak) - Number(left.weak) || right.drop - left.drop || left.rule.localeCompare(right.rule))
  const seed = options.seed ?? 42
  return {
    metric: metric.name,
    higherIsBetter: metric.higherIsBetter,
    overall,
    bar,
    maxDrop: options.maxDrop,
    rows: labels.length,
    alpha,
    correction,
    examined: segments.length,
    tooSmall,
    minSize,
    features,
    skippedFeatures: skipped,
    segments,
    interval: (segment) => segmentInterval(valuesAt(rowsOf.get(segment) ?? []), binary, fromMean, seed, 1000),
  }
}

/** The mean whose metric is `target` (fromMean is increasing), searched between the smallest and largest row value. */
function inverseIncreasing(fromMean: (mean: number) => number, target: number, values: Float64Array): number {
  let low = Number.POSITIVE_INFINITY
  let high = Number.NEGATIVE_INFINITY
  for (const value of values) {
    low = Math.min(low, value)
    high = Math.max(high, value)
  }
  if (fromMean(low) >= target) return fromMean(low) === target ? low : Number.NEGATIVE_INFINITY
  if (fromMean(high) <= target) return fromMean(high) === target ? high : Number.POSITIVE_INFINITY
  for (let step = 0; step < 200 && high - low > 1e-15 * Math.max(1, Math.abs(high)); step++) {
    const middle = (low + high) / 2
    if (fromMean(middle) < target) low = middle
    else high = middle
  }
  return (low + high) / 2
}
