import type { Model } from '../model/model.js'
import { wilsonInterval } from '../stats/index.js'
import { VitestMlError } from '../util/errors.js'
import { checkEvaluationData, type EvaluationData, predictAll } from './evaluation-data.js'
import type { Label } from './labels.js'
import { defaultMetric, type MetricContext, type MetricDefinition, type MetricName, resolveMetric } from './metric.js'
import { type SliceSpec, sliceRows } from './slice-rows.js'
import type { Prediction } from './to-prediction.js'

/** Options of `evaluateSlices`. */
export interface EvaluateSlicesOptions<I = unknown> {
  /** The held-out evaluation set. */
  readonly data: EvaluationData<I>
  /** The slicing dimensions. */
  readonly slices: readonly SliceSpec[]
  /** The metric. @defaultValue `accuracy` for class labels, `rmse` for numeric targets */
  readonly metric?: MetricName | MetricDefinition
  /** Slices smaller than this are reported but not judged. @defaultValue `10` */
  readonly minSliceSize?: number
  /** Records to read slice columns from, one per input (for columns the model does not take, like `Sex`). @defaultValue the inputs */
  readonly rows?: readonly unknown[]
  /** Class of each probability column. @defaultValue the model's own `classes` (an ONNX classifier's class labels), if it declares them */
  readonly classes?: readonly Label[]
  /** Positive class for binary metrics. */
  readonly positiveLabel?: Label
  /** Turns single-number outputs into classes. */
  readonly threshold?: number
}

/** The metric on one slice. */
export interface SliceScore {
  readonly feature: string
  readonly slice: string
  readonly size: number
  /** The metric on the slice (NaN when undefined on it, for example ROC AUC with one class). */
  readonly score: number
  /** How much worse than overall, in metric units (positive = worse, whichever direction the metric runs). */
  readonly drop: number
  /** Smaller than `minSliceSize`: shown, not judged. */
  readonly tooSmall: boolean
  /** For accuracy: the 95% Wilson interval of the slice's accuracy, so small slices show their uncertainty. */
  readonly interval?: { readonly low: number; readonly high: number }
}

/** Result of `evaluateSlices`. */
export interface EvaluateSlicesResult {
  readonly metric: string
  readonly higherIsBetter: boolean
  /** The metric on the whole set. */
  readonly overall: number
  readonly rows: number
  readonly minSliceSize: number
  /** Every slice, worst first (judged slices before too-small and undefined ones). */
  readonly slices: readonly SliceScore[]
}

/**
 * Scores a metric per slice (categorical values, quantile or fixed numeric bins, or a function) from one batched
 * prediction, worst slice first: the "does it work for everyone" view that an overall score hides.
 *
 * @param model - the model
 * @param options - see {@link EvaluateSlicesOptions}
 * @returns the overall score and every slice's score and drop
 * @example
 * ```ts
 * const result = await evaluateSlices(model, { data: test, rows: testRecords, slices: ['Island', 'Sex'] })
 * result.slices[0] // { feature: 'Island', slice: 'Dream', size: 31, score: 0.968, drop: 0.02, tooSmall: false }
 * ```
 */
export async function evaluateSlices<I>(model: Model<I, unknown>, options: EvaluateSlicesOptions<I>): Promise<EvaluateSlicesResult> {
  const source = 'toPerformOnAllSlices'
  const { inputs, labels } = checkEvaluationData(source, options?.data)
  const metric = resolveMetric(options.metric ?? defaultMetric(labels), source)
  const minSliceSize = options.minSliceSize ?? 10
  const rows = options.rows ?? inputs
  if (rows.length !== inputs.length) {
    throw new VitestMlError(
      source,
      `${inputs.length} slice rows (one per input)`,
      `${rows.length}`,
      '`rows` must describe the same rows as `data.inputs`, in order.',
    )
  }
  // Without a `classes` option, the classes the model declares (an ONNX classifier's class labels), if any.
  const classes = options.classes ?? model.classes
  const context: MetricContext = {
    ...(classes === undefined ? {} : { classes }),
    ...(options.positiveLabel === undefined ? {} : { positiveLabel: options.positiveLabel }),
  }
  const predictions = await predictAll(
    source,
    model,
    inputs,
    { ...(classes === undefined ? {} : { classes }), ...(options.threshold === undefined ? {} : { threshold: options.threshold }) },
    labels,
  )
  return scoreSlices(metric, labels, predictions, sliceRows(rows, options.slices), minSliceSize, context)
}

/**
 * Scores already-made predictions per slice (the part of `evaluateSlices` after predicting).
 *
 * @param metric - the metric
 * @param labels - true labels
 * @param predictions - one prediction per label
 * @param members - slices from `sliceRows`
 * @param minSliceSize - slices below this size are not judged
 * @param context - classes and positive label
 * @returns overall and per-slice scores, worst first
 * @example
 * ```ts
 * scoreSlices(resolveMetric('accuracy', 'x'), labels, predictions, sliceRows(rows, ['Island']), 10, {})
 * ```
 */
export function scoreSlices(
  metric: MetricDefinition,
  labels: readonly Label[],
  predictions: readonly Prediction[],
  members: ReturnType<typeof sliceRows>,
  minSliceSize: number,
  context: MetricContext,
): EvaluateSlicesResult {
  const overall = metric.compute(labels, predictions, context)
  const direction = metric.higherIsBetter ? 1 : -1
  const slices = members.map(({ feature, slice, indices }): SliceScore => {
    let score: number
    try {
      score = metric.compute(
        indices.map((i) => labels[i] as Label),
        indices.map((i) => predictions[i] as Prediction),
        context,
      )
    } catch (error) {
      if (!(error instanceof VitestMlError)) throw error
      score = Number.NaN
    }
    const base = { feature, slice, size: indices.length, score, drop: direction * (overall - score), tooSmall: indices.length < minSliceSize }
    if (metric.name !== 'accuracy' || !Number.isFinite(score)) return base
    const { low, high } = wilsonInterval(Math.round(score * indices.length), indices.length)
    return { ...base, interval: { low, high } }
  })
  const rank = (item: SliceScore): number => (item.tooSmall ? 2 : Number.isFinite(item.score) ? 0 : 1)
  slices.sort((left, right) => rank(left) - rank(right) || right.drop - left.drop || left.feature.localeCompare(right.feature))
  return { metric: metric.name, higherIsBetter: metric.higherIsBetter, overall, rows: labels.length, minSliceSize, slices }
}
