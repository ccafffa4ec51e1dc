import type { Label } from './labels.js'
import type { MetricContext } from './metric.js'
import { binaryTargets, classColumns } from './metrics/binary-targets.js'
import type { Prediction } from './to-prediction.js'

/**
 * Per-row contributions of the metrics that are means over rows (accuracy, Brier, log loss, MAE, squared error,
 * absolute percentage error). The bootstrap resamples these once-computed numbers instead of re-running the metric,
 * which is exact for a mean and an order of magnitude faster.
 */
export type RowLoss = (labels: readonly Label[], predictions: readonly Prediction[], context: MetricContext) => Float64Array

const eps = 1e-15
const clip = (value: number): number => Math.min(1 - eps, Math.max(eps, value))

function positiveScores(
  source: string,
  labels: readonly Label[],
  predictions: readonly Prediction[],
  context: MetricContext,
): { targets: Uint8Array; scores: number[] } | undefined {
  if (!predictions.every((p) => p.probabilities === undefined && p.score !== undefined)) return undefined
  const scores = predictions.map((p) => p.score as number)
  const positive = context.positiveLabel ?? context.classes?.[1]
  const { targets } = binaryTargets(source, labels, scores, positive === undefined ? {} : { positiveLabel: positive }, true)
  return { targets, scores }
}

function rows(
  source: string,
  labels: readonly Label[],
  predictions: readonly Prediction[],
  context: MetricContext,
): { matrix: number[][]; columns: Int32Array } {
  const matrix = predictions.map((p) => [...(p.probabilities ?? [])])
  return { matrix, columns: classColumns(source, labels, matrix, context.classes).columns }
}

/**
 * Squared error of the probability of what happened, per row (see `brierScore`).
 *
 * @example
 * ```ts
 * brierRows([1], [{ label: 1, score: 0.8 }], {}) // Float64Array [0.04]
 * ```
 */
export const brierRows: RowLoss = (labels, predictions, context) => {
  const binary = positiveScores('brier', labels, predictions, context)
  if (binary !== undefined) return Float64Array.from(binary.scores, (p, i) => (p - (binary.targets[i] as number)) ** 2)
  const { matrix, columns } = rows('brier', labels, predictions, context)
  return Float64Array.from(matrix, (row, i) => {
    if (row.length === 2) return ((row[1] as number) - (columns[i] === 1 ? 1 : 0)) ** 2
    return row.reduce((sum, p, k) => sum + (p - (columns[i] === k ? 1 : 0)) ** 2, 0)
  })
}

/**
 * Negative log-probability of the true class, per row (see `logLoss`).
 *
 * @example
 * ```ts
 * logLossRows(['a'], [{ label: 'a', probabilities: [0.5, 0.5] }], { classes: ['a', 'b'] }) // Float64Array [0.693]
 * ```
 */
export const logLossRows: RowLoss = (labels, predictions, context) => {
  const binary = positiveScores('logLoss', labels, predictions, context)
  if (binary !== undefined) return Float64Array.from(binary.scores, (p, i) => -Math.log(binary.targets[i] === 1 ? clip(p) : 1 - clip(p)))
  const { matrix, columns } = rows('logLoss', labels, predictions, context)
  return Float64Array.from(matrix, (row, i) => {
    const clipped = row.map(clip)
    return -Math.log((clipped[columns[i] as number] as number) / clipped.reduce((sum, p) => sum + p, 0))
  })
}

/**
 * 1 for a correct label, 0 otherwise (the rows of accuracy).
 *
 * @example
 * ```ts
 * correctRows([0, 1], [{ label: 0 }, { label: 0 }], {}) // Float64Array [1, 0]
 * ```
 */
export const correctRows: RowLoss = (labels, predictions) => Float64Array.from(labels, (label, i) => (predictions[i]?.label === label ? 1 : 0))

/**
 * Builds a per-row loss from a function of (target, prediction), for regression metrics.
 *
 * @param loss - the loss of one row
 * @returns the row loss
 * @example
 * ```ts
 * const absoluteRows = regressionRows((y, yhat) => Math.abs(y - yhat))
 * ```
 */
export function regressionRows(loss: (target: number, predicted: number) => number): RowLoss {
  return (labels, predictions) => Float64Array.from(labels, (label, i) => loss(label as number, predictions[i]?.label as number))
}
