import type { Label } from '../labels.js'
import { calibrationBins, calibrationEdges } from '../metrics/calibration-bins.js'
import { classProbabilities } from './class-probabilities.js'

/** Options of {@link brierDecomposition}. */
export interface BrierDecompositionOptions {
  /** Equal-width forecast bins on [0, 1]. @defaultValue `10` */
  readonly bins?: number
  /** The class of each probability column (matrix input). @defaultValue the sorted labels */
  readonly classes?: readonly Label[]
  /** The positive class (vector input). @defaultValue the larger label */
  readonly positiveLabel?: Label
}

/** Murphy's three parts of the Brier score (lower reliability and higher resolution are better). */
export interface BrierDecompositionResult {
  /** The Brier score (`brierScore`): reliability - resolution + uncertainty + withinBin. */
  readonly brier: number
  /** Weighted squared gap between mean forecast and observed frequency per bin: the miscalibration. */
  readonly reliability: number
  /** Weighted squared spread of the bins' observed frequencies around the base rate: how much the forecasts sort. */
  readonly resolution: number
  /** Base rate x (1 - base rate): the score of always forecasting the base rate. */
  readonly uncertainty: number
  /** What binning leaves over (within-bin variance minus covariance); 0 when each bin holds one forecast value. */
  readonly withinBin: number
}

/**
 * The Brier score split into reliability, resolution and uncertainty (Murphy 1973), with forecasts grouped into
 * equal-width bins (the within-bin remainder of Stephenson, Coelho and Jolliffe 2008 is reported, so the parts add up
 * to the score exactly). Binary input decomposes the positive class; with three or more classes the parts are summed
 * over the one-vs-rest problems, which decomposes Brier's multiclass score.
 *
 * @param yTrue - true labels
 * @param probabilities - probability rows, or the probability of the positive class
 * @param options - see {@link BrierDecompositionOptions}
 * @returns the score and its parts
 * @example
 * ```ts
 * brierDecomposition([0, 0, 1, 1], [0.1, 0.1, 0.9, 0.9])
 * // { brier: 0.01, reliability: 0.01, resolution: 0.25, uncertainty: 0.25, withinBin: 0 }
 * ```
 */
export function brierDecomposition(
  yTrue: readonly Label[],
  probabilities: readonly number[] | readonly (readonly number[])[],
  options: BrierDecompositionOptions = {},
): BrierDecompositionResult {
  const input = classProbabilities('brierDecomposition', yTrue, probabilities, options)
  const edges = calibrationEdges([], options.bins ?? 10, 'uniform')
  const columns = input.binary ? [1] : input.classes.map((_, k) => k)
  const parts = { brier: 0, reliability: 0, resolution: 0, uncertainty: 0 }
  const n = input.rows.length
  for (const column of columns) {
    const forecast = input.rows.map((row) => row[column] as number)
    const outcome = Array.from(input.truth, (truth) => (truth === column ? 1 : 0))
    const baseRate = outcome.reduce((sum: number, value) => sum + value, 0) / n
    for (const bin of calibrationBins(forecast, outcome, edges)) {
      if (bin.count === 0) continue
      parts.reliability += (bin.count * (bin.meanConfidence - bin.observedFrequency) ** 2) / n
      parts.resolution += (bin.count * (bin.observedFrequency - baseRate) ** 2) / n
    }
    parts.uncertainty += baseRate * (1 - baseRate)
    parts.brier += forecast.reduce((sum, p, i) => sum + (p - (outcome[i] as number)) ** 2, 0) / n
  }
  return { ...parts, withinBin: parts.brier - (parts.reliability - parts.resolution + parts.uncertainty) }
}
