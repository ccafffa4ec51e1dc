import { VitestMlError } from '../util/errors.js'
import { describeValue, type Label } from './labels.js'
import { accuracy, balancedAccuracy } from './metrics/accuracy.js'
import { averagePrecision, averagePrecisionOneVsRest } from './metrics/average-precision.js'
import { brierScore } from './metrics/brier-score.js'
import { expectedCalibrationError } from './metrics/expected-calibration-error.js'
import { logLoss } from './metrics/log-loss.js'
import { precisionRecallF1 } from './metrics/precision-recall-f1.js'
import { meanAbsoluteError, meanAbsolutePercentageError, rootMeanSquaredError, rSquared } from './metrics/regression-errors.js'
import { rocAuc, rocAucOneVsRest } from './metrics/roc-auc.js'
import { brierRows, correctRows, logLossRows, type RowLoss, regressionRows } from './row-losses.js'
import type { Prediction } from './to-prediction.js'

/** The built-in metrics, by name. */
export type MetricName =
  | 'accuracy'
  | 'balancedAccuracy'
  | 'precision'
  | 'recall'
  | 'f1'
  | 'f1Weighted'
  | 'rocAuc'
  | 'averagePrecision'
  | 'logLoss'
  | 'brier'
  | 'ece'
  | 'rmse'
  | 'mae'
  | 'mape'
  | 'r2'

/** What a metric knows besides labels and predictions. */
export interface MetricContext {
  /** The class of each probability column. */
  readonly classes?: readonly Label[]
  /** The positive class: makes precision, recall and F1 binary instead of macro-averaged. */
  readonly positiveLabel?: Label
}

/** A metric: how to compute it and which way is better. Pass your own to any evaluation function. */
export interface MetricDefinition {
  /** Name shown in messages. */
  readonly name: string
  /** Whether a larger value is better (false for errors and losses). */
  readonly higherIsBetter: boolean
  /** The best possible value (for the relative gain); omit when there is none. */
  readonly perfect?: number
  /** The metric on labels and predictions (same length, non-empty). */
  compute(labels: readonly Label[], predictions: readonly Prediction[], context: MetricContext): number
  /**
   * For metrics that are a function of a mean over rows: each row's contribution (the bootstrap then resamples these).
   * Only used after `compute` succeeded on the full data, so inputs are already validated.
   */
  readonly rowLoss?: RowLoss
  /** Turns the mean of `rowLoss` into the metric (`Math.sqrt` for RMSE). @defaultValue the identity */
  readonly fromMean?: (mean: number) => number
}

const hard = (predictions: readonly Prediction[]): Label[] => predictions.map((p) => p.label)
const numbers = (source: string, values: readonly Label[]): number[] =>
  values.map((value, index) => {
    if (typeof value !== 'number')
      throw new VitestMlError(
        source,
        'numeric targets and predictions',
        `${describeValue(value)} at index ${index}`,
        'Use a classification metric for class labels.',
      )
    return value
  })
const probabilityMatrix = (source: string, predictions: readonly Prediction[]): number[][] =>
  predictions.map((p, index) => {
    if (p.probabilities === undefined) {
      throw new VitestMlError(
        source,
        'a probability row per prediction',
        `${describeValue(p.label)} at row ${index}`,
        "Return probabilities from the model (onnxModel(path, { output: 'probabilities' })) or use a label metric.",
      )
    }
    return [...p.probabilities]
  })
const probabilities = (source: string, predictions: readonly Prediction[]): number[] | number[][] =>
  predictions.every((p) => p.probabilities === undefined && p.score !== undefined)
    ? predictions.map((p) => p.score as number)
    : probabilityMatrix(source, predictions)
const withClasses = (context: MetricContext): { classes?: readonly Label[] } => (context.classes === undefined ? {} : { classes: context.classes })
const ranking =
  (
    binary: (y: readonly Label[], s: readonly number[], o: { positiveLabel?: Label }) => number,
    multi: (y: readonly Label[], p: readonly (readonly number[])[], o: { classes?: readonly Label[] }) => number,
    source: string,
  ) =>
  (labels: readonly Label[], predictions: readonly Prediction[], context: MetricContext): number => {
    const scores = probabilities(source, predictions)
    const binaryRows = scores.every((row) => !Array.isArray(row) || row.length === 2)
    if (!binaryRows) return multi(labels, scores as number[][], withClasses(context))
    const positive = context.positiveLabel ?? context.classes?.[1]
    const positiveScores = scores.map((row) => (Array.isArray(row) ? (row[1] as number) : row))
    return binary(labels, positiveScores, positive === undefined ? {} : { positiveLabel: positive })
  }
const averaged =
  (key: 'precision' | 'recall' | 'f1', weighted = false) =>
  (labels: readonly Label[], predictions: readonly Prediction[], context: MetricContext): number =>
    precisionRecallF1(
      labels,
      hard(predictions),
      context.positiveLabel === undefined ? { average: weighted ? 'weighted' : 'macro' } : { average: 'binary', positiveLabel: context.positiveLabel },
    )[key]
const classMetric =
  (metric: (y: readonly Label[], p: readonly number[] | readonly (readonly number[])[], o: MetricContext) => number, source: string) =>
  (labels: readonly Label[], predictions: readonly Prediction[], context: MetricContext): number =>
    metric(labels, probabilities(source, predictions), context)

const BUILT_IN: Readonly<Record<MetricName, MetricDefinition>> = {
  accuracy: { name: 'accuracy', higherIsBetter: true, perfect: 1, compute: (y, p) => accuracy(y, hard(p)), rowLoss: correctRows },
  balancedAccuracy: { name: 'balancedAccuracy', higherIsBetter: true, perfect: 1, compute: (y, p) => balancedAccuracy(y, hard(p)) },
  precision: { name: 'precision', higherIsBetter: true, perfect: 1, compute: averaged('precision') },
  recall: { name: 'recall', higherIsBetter: true, perfect: 1, compute: averaged('recall') },
  f1: { name: 'f1', higherIsBetter: true, perfect: 1, compute: averaged('f1') },
  f1Weighted: { name: 'f1Weighted', higherIsBetter: true, perfect: 1, compute: averaged('f1', true) },
  rocAuc: { name: 'rocAuc', higherIsBetter: true, perfect: 1, compute: ranking(rocAuc, rocAucOneVsRest, 'rocAuc') },
  averagePrecision: {
    name: 'averagePrecision',
    higherIsBetter: true,
    perfect: 1,
    compute: ranking(averagePrecision, averagePrecisionOneVsRest, 'averagePrecision'),
  },
  logLoss: { name: 'logLoss', higherIsBetter: false, perfect: 0, compute: classMetric(logLoss, 'logLoss'), rowLoss: logLossRows },
  brier: { name: 'brier', higherIsBetter: false, perfect: 0, compute: classMetric(brierScore, 'brier'), rowLoss: brierRows },
  ece: { name: 'ece', higherIsBetter: false, perfect: 0, compute: classMetric((y, p, o) => expectedCalibrationError(y, p, o).ece, 'ece') },
  rmse: {
    name: 'rmse',
    higherIsBetter: false,
    perfect: 0,
    compute: (y, p) => rootMeanSquaredError(numbers('rmse', y), numbers('rmse', hard(p))),
    rowLoss: regressionRows((y, yhat) => (y - yhat) ** 2),
    fromMean: Math.sqrt,
  },
  mae: {
    name: 'mae',
    higherIsBetter: false,
    perfect: 0,
    compute: (y, p) => meanAbsoluteError(numbers('mae', y), numbers('mae', hard(p))),
    rowLoss: regressionRows((y, yhat) => Math.abs(y - yhat)),
  },
  mape: {
    name: 'mape',
    higherIsBetter: false,
    perfect: 0,
    compute: (y, p) => meanAbsolutePercentageError(numbers('mape', y), numbers('mape', hard(p))),
    rowLoss: regressionRows((y, yhat) => Math.abs(y - yhat) / Math.max(Math.abs(y), Number.EPSILON)),
  },
  r2: { name: 'r2', higherIsBetter: true, perfect: 1, compute: (y, p) => rSquared(numbers('r2', y), numbers('r2', hard(p))) },
}

/** Names of the built-in metrics. */
export const METRIC_NAMES = Object.keys(BUILT_IN) as MetricName[]

/**
 * Looks up a built-in metric by name, or checks a custom {@link MetricDefinition}.
 *
 * @param metric - a {@link MetricName} or a definition
 * @param source - public name to blame in errors
 * @returns the definition
 * @example
 * ```ts
 * resolveMetric('rmse', 'toBeatBaseline') // { name: 'rmse', higherIsBetter: false, perfect: 0, compute }
 * ```
 */
export function resolveMetric(metric: MetricName | MetricDefinition, source: string): MetricDefinition {
  if (typeof metric === 'object' && metric !== null && typeof metric.compute === 'function' && typeof metric.higherIsBetter === 'boolean') return metric
  const found = typeof metric === 'string' ? BUILT_IN[metric as MetricName] : undefined
  if (found === undefined) {
    throw new VitestMlError(
      source,
      `a metric name (${METRIC_NAMES.join(', ')}) or { name, higherIsBetter, compute }`,
      describeValue(metric),
      'Check the spelling, or pass your own metric definition.',
    )
  }
  return found
}

/**
 * The default metric for a set of labels: `accuracy` when they look like classes (strings, or integers), else `rmse`.
 *
 * @param labels - evaluation labels
 * @returns the metric name
 * @example
 * ```ts
 * defaultMetric(['Adelie', 'Gentoo']) // 'accuracy'
 * defaultMetric([18.5, 24.1]) // 'rmse'
 * ```
 */
export function defaultMetric(labels: readonly Label[]): MetricName {
  return labels.every((label) => typeof label === 'string' || Number.isInteger(label)) ? 'accuracy' : 'rmse'
}
