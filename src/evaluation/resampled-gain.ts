import type { Label } from './labels.js'
import type { MetricContext, MetricDefinition } from './metric.js'
import type { Prediction } from './to-prediction.js'

/**
 * The gain of a model over a baseline on a bootstrap resample of row indices (positive = model better): from the
 * metric's per-row losses when it has them (a mean of resampled numbers: exact and fast), else by re-running the metric
 * on the resampled rows.
 *
 * @param metric - the metric
 * @param labels - true labels
 * @param modelPredictions - the model's predictions
 * @param baselinePredictions - the baseline's predictions
 * @param context - classes and positive label
 * @param score - the metric on all rows or on the rows at `indices`
 * @returns the gain as a function of resampled indices
 * @example
 * ```ts
 * const gain = resampledGain(resolveMetric('accuracy', 'x'), labels, model, baseline, {}, score)
 * gain(Uint32Array.from([0, 0, 3])) // 0.333
 * ```
 */
export function resampledGain(
  metric: MetricDefinition,
  labels: readonly Label[],
  modelPredictions: readonly Prediction[],
  baselinePredictions: readonly Prediction[],
  context: MetricContext,
  score: (predictions: readonly Prediction[], indices?: Uint32Array) => number,
): (indices: Uint32Array) => number {
  const direction = metric.higherIsBetter ? 1 : -1
  if (metric.rowLoss === undefined) return (indices) => direction * (score(modelPredictions, indices) - score(baselinePredictions, indices))
  const modelRows = metric.rowLoss(labels, modelPredictions, context)
  const baselineRows = metric.rowLoss(labels, baselinePredictions, context)
  const fromMean = metric.fromMean ?? ((mean: number) => mean)
  return (indices) => {
    let modelSum = 0
    let baselineSum = 0
    for (const i of indices) {
      modelSum += modelRows[i] as number
      baselineSum += baselineRows[i] as number
    }
    return direction * (fromMean(modelSum / indices.length) - fromMean(baselineSum / indices.length))
  }
}
