import { VitestMlError } from '../../util/errors.js'

/** How reliability bins are cut: equal width on [0, 1] (`uniform`) or equal mass, at quantiles of the predictions (`quantile`). */
export type BinStrategy = 'uniform' | 'quantile'

/** One bin of a reliability diagram. */
export interface ReliabilityBin {
  /** Lower edge of the bin. */
  readonly lower: number
  /** Upper edge of the bin. */
  readonly upper: number
  /** Rows whose confidence falls in the bin. */
  readonly count: number
  /** Mean predicted probability in the bin (NaN when empty). */
  readonly meanConfidence: number
  /** Observed frequency of the event in the bin (NaN when empty). */
  readonly observedFrequency: number
}

/**
 * Bin edges as `sklearn.calibration.calibration_curve` cuts them: `numpy.linspace(0, 1, bins + 1)` for `uniform`,
 * `numpy.percentile(p, linspace(0, 100, bins + 1))` (linear interpolation) for `quantile`. Quantile edges can repeat
 * when many predictions are equal; the bins between repeated edges stay empty, as in scikit-learn.
 *
 * @param confidence - predicted probabilities in [0, 1]
 * @param bins - number of bins (a positive integer)
 * @param strategy - `uniform` or `quantile`
 * @param indices - rows to use (a bootstrap resample); all rows when omitted
 * @returns `bins + 1` ascending edges
 * @example
 * ```ts
 * calibrationEdges([0.1, 0.2, 0.9, 0.95], 2, 'quantile') // [0.1, 0.55, 0.95]
 * ```
 */
export function calibrationEdges(confidence: ArrayLike<number>, bins: number, strategy: BinStrategy, indices?: ArrayLike<number>): number[] {
  if (!Number.isInteger(bins) || bins < 1) {
    throw new VitestMlError('expectedCalibrationError', 'a positive integer number of bins', String(bins), 'Use `bins: 10` or `bins: 15`.')
  }
  if (strategy === 'uniform') return Array.from({ length: bins + 1 }, (_, k) => k / bins)
  if (strategy !== 'quantile') {
    throw new VitestMlError(
      'expectedCalibrationError',
      "strategy 'uniform' or 'quantile'",
      JSON.stringify(strategy),
      "'uniform' cuts [0, 1] into equal widths; 'quantile' puts the same number of rows in each bin.",
    )
  }
  const count = indices === undefined ? confidence.length : indices.length
  const sorted = new Float64Array(count)
  for (let i = 0; i < count; i++) sorted[i] = confidence[indices === undefined ? i : (indices[i] as number)] as number
  sorted.sort()
  return Array.from({ length: bins + 1 }, (_, k) => {
    const position = (k / bins) * (count - 1)
    const lower = Math.floor(position)
    const upper = Math.min(lower + 1, count - 1)
    return (sorted[lower] as number) + (position - lower) * ((sorted[upper] as number) - (sorted[lower] as number))
  })
}

/**
 * Sorts (confidence, outcome) pairs into the bins between `edges` (a value on an inner edge belongs to the lower bin:
 * `numpy.searchsorted(edges[1:-1], p, side='left')`, as scikit-learn) and averages each bin.
 *
 * @param confidence - predicted probabilities in [0, 1]
 * @param outcome - 1 when the event happened, 0 otherwise
 * @param edges - ascending bin edges (from {@link calibrationEdges})
 * @param indices - rows to use (a bootstrap resample); all rows when omitted
 * @returns one {@link ReliabilityBin} per bin, empty ones included
 * @example
 * ```ts
 * calibrationBins([0.2, 0.8], [0, 1], [0, 0.5, 1]) // [{ lower: 0, upper: 0.5, count: 1, meanConfidence: 0.2, observedFrequency: 0 }, ...]
 * ```
 */
export function calibrationBins(
  confidence: ArrayLike<number>,
  outcome: ArrayLike<number>,
  edges: readonly number[],
  indices?: ArrayLike<number>,
): ReliabilityBin[] {
  const binCount = edges.length - 1
  const counts = new Float64Array(binCount)
  const confidenceSums = new Float64Array(binCount)
  const outcomeSums = new Float64Array(binCount)
  const count = indices === undefined ? confidence.length : indices.length
  for (let i = 0; i < count; i++) {
    const row = indices === undefined ? i : (indices[i] as number)
    const value = confidence[row] as number
    let bin = 0
    while (bin < binCount - 1 && (edges[bin + 1] as number) < value) bin++
    counts[bin] = (counts[bin] as number) + 1
    confidenceSums[bin] = (confidenceSums[bin] as number) + value
    outcomeSums[bin] = (outcomeSums[bin] as number) + (outcome[row] as number)
  }
  return Array.from(counts, (binSize, k) => ({
    lower: edges[k] as number,
    upper: edges[k + 1] as number,
    count: binSize,
    meanConfidence: binSize === 0 ? Number.NaN : (confidenceSums[k] as number) / binSize,
    observedFrequency: binSize === 0 ? Number.NaN : (outcomeSums[k] as number) / binSize,
  }))
}

/**
 * The expected calibration error (sum over bins of bin share x |observed - confidence|) and the maximum calibration
 * error (largest gap over non-empty bins) of a set of bins.
 *
 * @param bins - reliability bins
 * @returns `{ ece, maxCalibrationError }`
 * @example
 * ```ts
 * calibrationErrors([{ lower: 0, upper: 1, count: 2, meanConfidence: 0.7, observedFrequency: 0.5 }]) // { ece: 0.2, maxCalibrationError: 0.2 }
 * ```
 */
export function calibrationErrors(bins: readonly ReliabilityBin[]): { ece: number; maxCalibrationError: number } {
  const total = bins.reduce((sum, bin) => sum + bin.count, 0)
  let ece = 0
  let maxCalibrationError = 0
  for (const bin of bins) {
    if (bin.count === 0) continue
    const gap = Math.abs(bin.observedFrequency - bin.meanConfidence)
    ece += (bin.count / total) * gap
    maxCalibrationError = Math.max(maxCalibrationError, gap)
  }
  return { ece, maxCalibrationError }
}
