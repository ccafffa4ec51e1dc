import type { Model } from '../../model/model.js'
import type { PlotSpec } from '../../record/check-record.js'
import { bootstrapIndices } from '../../stats/bootstrap-resampler.js'
import { VitestMlError } from '../../util/errors.js'
import { checkEvaluationData, type EvaluationData, predictAll } from '../evaluation-data.js'
import { describeValue, type Label } from '../labels.js'
import { type BinStrategy, calibrationBins, calibrationEdges, calibrationErrors, type ReliabilityBin } from '../metrics/calibration-bins.js'
import { reliabilityPlot } from '../metrics/expected-calibration-error.js'
import type { Prediction } from '../to-prediction.js'
import { type BrierDecompositionResult, brierDecomposition } from './brier-decomposition.js'
import { classProbabilities } from './class-probabilities.js'
import { type ClassConfidence, confidenceBias } from './confidence-bias.js'

/** Options of `assessCalibration`. */
export interface AssessCalibrationOptions<I = unknown> {
  /** The held-out evaluation set. */
  readonly data: EvaluationData<I>
  /** Number of reliability bins. @defaultValue `10` */
  readonly bins?: number
  /** Which bins the judged ECE uses: equal width (`uniform`) or equal mass (`quantile`); both are reported. @defaultValue `'uniform'` */
  readonly strategy?: BinStrategy
  /** One-sided confidence of the bootstrap upper bound on the ECE. @defaultValue `0.95` */
  readonly confidence?: number
  /** Bootstrap resamples. @defaultValue `1000` */
  readonly resamples?: number
  /** Seed of the bootstrap. @defaultValue `42` */
  readonly seed?: number
  /** Family-wise error rate of the per-class over/under-confidence tests. @defaultValue `0.05` */
  readonly alpha?: number
  /** Class of each probability column. */
  readonly classes?: readonly Label[]
  /** Positive class when the model returns one probability per row. */
  readonly positiveLabel?: Label
}

/** Result of `assessCalibration`. */
export interface CalibrationResult {
  readonly rows: number
  /** Two classes: measured on P(positive); otherwise on the top-label confidence. */
  readonly binary: boolean
  readonly classes: readonly Label[]
  readonly strategy: BinStrategy
  /** ECE with the judged bins. */
  readonly ece: number
  /**
   * One-sided upper bound on the ECE at `confidence`, by the basic (bias-corrected) bootstrap: 2 x ECE minus the
   * (1 - confidence) quantile of the resampled ECEs. The plug-in ECE is biased upwards (noise alone makes bins miss the
   * diagonal) and resampling adds that bias again, so a percentile bound would fail a perfectly calibrated model on a
   * thousand rows; the basic bound subtracts the bias the bootstrap measures. Never below 0.
   */
  readonly eceUpper: number
  /** The bias the bootstrap measures: mean of the resampled ECEs minus the ECE. */
  readonly eceBias: number
  readonly eceUniform: number
  readonly eceQuantile: number
  /** Maximum calibration error with the judged bins. */
  readonly maxCalibrationError: number
  readonly brier: BrierDecompositionResult
  readonly classConfidence: readonly ClassConfidence[]
  readonly uniformBins: readonly ReliabilityBin[]
  readonly quantileBins: readonly ReliabilityBin[]
  readonly confidence: number
  readonly resamples: number
  readonly seed: number
  /** The reliability diagram (equal-width and equal-mass bins) for the report. */
  readonly plot: PlotSpec
}

/**
 * Measures how far a model's probabilities are from the frequencies they claim, on held-out data: ECE with equal-width
 * and equal-mass bins (`sklearn.calibration.calibration_curve` bins), the maximum calibration error, the Brier score's
 * reliability / resolution / uncertainty, over- and under-confidence per predicted class, and a seeded, bias-corrected
 * bootstrap upper bound on the ECE so that a small test set cannot look calibrated by luck.
 *
 * @param model - a model that returns probabilities
 * @param options - see {@link AssessCalibrationOptions}
 * @returns the measures, the bins and a reliability diagram
 * @example
 * ```ts
 * const result = await assessCalibration(model, { data: test, classes })
 * // { ece: 0.031, eceUpper: 0.062, brier: { reliability: 0.004, resolution: 0.41, ... }, classConfidence: [...] }
 * ```
 */
export async function assessCalibration<I>(model: Model<I, unknown>, options: AssessCalibrationOptions<I>): Promise<CalibrationResult> {
  const source = 'toBeCalibrated'
  const { inputs, labels } = checkEvaluationData(source, options?.data)
  const predictions = await predictAll(source, model, inputs, options.classes === undefined ? {} : { classes: options.classes }, labels)
  return calibrationOf(labels, predictions, options, model.identity.name)
}

/**
 * The part of `assessCalibration` after predicting: the measures from labels and predictions.
 *
 * @param labels - true labels
 * @param predictions - one prediction (with probabilities or a score) per label
 * @param options - bins, strategy, bootstrap settings, classes
 * @param modelName - for the plot title
 * @returns the calibration result
 * @example
 * ```ts
 * calibrationOf([0, 1], [{ label: 0, score: 0.2 }, { label: 1, score: 0.9 }], {}, 'model').ece
 * ```
 */
export function calibrationOf(
  labels: readonly Label[],
  predictions: readonly Prediction[],
  options: Omit<AssessCalibrationOptions, 'data'>,
  modelName: string,
): CalibrationResult {
  const source = 'toBeCalibrated'
  const bins = options.bins ?? 10
  const strategy = options.strategy ?? 'uniform'
  const confidence = options.confidence ?? 0.95
  const resamples = options.resamples ?? 1000
  const seed = options.seed ?? 42
  if (!(confidence > 0.5 && confidence < 1)) throw new VitestMlError(source, '`confidence` in (0.5, 1)', String(confidence), 'Use 0.95 or 0.99.')
  const uniformEdges = calibrationEdges([], bins, 'uniform')
  const input = classProbabilities(source, labels, probabilitiesOf(source, predictions), options)
  const pairs = input.rows.map((row, index) => {
    if (input.binary) return [row[1] as number, input.truth[index] === 1 ? 1 : 0] as const
    let best = 0
    for (let k = 1; k < row.length; k++) if ((row[k] as number) > (row[best] as number)) best = k
    return [row[best] as number, input.truth[index] === best ? 1 : 0] as const
  })
  const scores = pairs.map(([p]) => p)
  const outcomes = pairs.map(([, y]) => y)
  const binsOf = (kind: BinStrategy, indices?: Uint32Array): ReliabilityBin[] =>
    calibrationBins(scores, outcomes, kind === 'uniform' ? uniformEdges : calibrationEdges(scores, bins, kind, indices), indices)
  const uniformBins = binsOf('uniform')
  const quantileBins = binsOf('quantile')
  const judged = calibrationErrors(strategy === 'uniform' ? uniformBins : quantileBins)
  let resampledSum = 0
  const interval = bootstrapIndices(
    source,
    scores.length,
    (indices) => {
      const ece = calibrationErrors(binsOf(strategy, indices)).ece
      resampledSum += ece
      return ece
    },
    { confidence: 2 * confidence - 1, resamples, seed },
  )
  const eceBias = (resampledSum - judged.ece) / resamples - judged.ece
  const plot = reliabilityPlot(
    { ...calibrationErrors(uniformBins), bins: uniformBins },
    `${modelName} reliability (${input.binary ? `P(${String(input.classes[1])})` : 'top-label confidence'})`,
  )
  const massPoints = quantileBins.filter((bin) => bin.count > 0).map((bin) => [bin.meanConfidence, bin.observedFrequency] as const)
  return {
    rows: labels.length,
    binary: input.binary,
    classes: input.classes,
    strategy,
    ece: judged.ece,
    eceUpper: Math.max(0, 2 * judged.ece - interval.low),
    eceBias,
    eceUniform: calibrationErrors(uniformBins).ece,
    eceQuantile: calibrationErrors(quantileBins).ece,
    maxCalibrationError: judged.maxCalibrationError,
    brier: brierDecomposition(labels, input.rows, { bins, classes: input.classes }),
    classConfidence: confidenceBias(input, options.alpha ?? 0.05),
    uniformBins,
    quantileBins,
    confidence,
    resamples,
    seed,
    plot: {
      ...plot,
      series: [
        { name: `equal-width bins (${bins})`, points: plot.series[0]?.points ?? [] },
        { name: `equal-mass bins (${bins})`, points: massPoints },
        ...plot.series.slice(1),
      ],
    },
  }
}

/** Probability rows, or one score per row, from predictions; an error naming the row when a model returns labels only. */
function probabilitiesOf(source: string, predictions: readonly Prediction[]): number[] | number[][] {
  if (predictions.every((p) => p.probabilities !== undefined)) return predictions.map((p) => [...(p.probabilities as readonly number[])])
  if (predictions.every((p) => p.score !== undefined)) return predictions.map((p) => p.score as number)
  const index = predictions.findIndex((p) => p.probabilities === undefined && p.score === undefined)
  throw new VitestMlError(
    source,
    'a probability (or a probability row) for every prediction',
    `${describeValue(predictions[index]?.label)} at row ${index}`,
    "Calibration is about probabilities: return them from the model (onnxModel(path, { output: 'probabilities' })).",
  )
}
