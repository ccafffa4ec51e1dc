import { VitestMlError } from '../../util/errors.js'
import type { PlotSpec } from '../../record/check-record.js'
import type { Label } from '../labels.js'
import { binaryTargets, classColumns } from './binary-targets.js'
import { isVector } from './log-loss.js'

/** Options of {@link expectedCalibrationError}. */
export interface ExpectedCalibrationErrorOptions {
  /** Number of equal-width confidence bins on [0, 1]. @defaultValue `10` */
  readonly bins?: number
  /** The class of each probability column (matrix input). @defaultValue the sorted labels of `yTrue` */
  readonly classes?: readonly Label[]
  /** The positive class (vector input). @defaultValue the larger label; with one class present, 1 for 0 / -1 labels (see `BinaryTargetOptions`) */
  readonly positiveLabel?: Label
}

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

/** Result of {@link expectedCalibrationError}. */
export interface ExpectedCalibrationErrorResult {
  /** Sum over bins of (bin share) x |observed - confidence|. */
  readonly ece: number
  /** Largest |observed - confidence| over non-empty bins. */
  readonly maxCalibrationError: number
  /** Every bin, empty ones included, for a reliability diagram. */
  readonly bins: readonly ReliabilityBin[]
}

/**
 * Expected calibration error with its reliability bins. A probability vector is read as P(positive) and compared with
 * the positive rate (the bins of `sklearn.calibration.calibration_curve(y, p, n_bins, strategy='uniform')`); a
 * probability matrix uses top-label confidence (max probability) against top-label accuracy (Guo et al., 2017).
 *
 * @param yTrue - true labels
 * @param probabilities - probability rows, or the probability of the positive class
 * @param options - see {@link ExpectedCalibrationErrorOptions}
 * @returns the ECE, the maximum calibration error and the bins
 * @example
 * ```ts
 * expectedCalibrationError([0, 1, 1, 1], [0.2, 0.7, 0.8, 0.9], { bins: 5 }).ece // 0.2
 * ```
 */
export function expectedCalibrationError(
  yTrue: readonly Label[],
  probabilities: readonly number[] | readonly (readonly number[])[],
  options: ExpectedCalibrationErrorOptions = {},
): ExpectedCalibrationErrorResult {
  const binCount = options.bins ?? 10
  if (!Number.isInteger(binCount) || binCount < 1) {
    throw new VitestMlError('expectedCalibrationError', 'a positive integer number of bins', String(binCount), 'Use `bins: 10` or `bins: 15`.')
  }
  let confidence: number[]
  let outcome: number[]
  if (isVector(probabilities)) {
    const { targets } = binaryTargets('expectedCalibrationError', yTrue, probabilities, options, true)
    confidence = [...probabilities]
    outcome = Array.from(targets)
  } else {
    const { columns } = classColumns('expectedCalibrationError', yTrue, probabilities, options.classes)
    confidence = probabilities.map((row) => Math.max(...row))
    outcome = probabilities.map((row, index) => (row.indexOf(Math.max(...row)) === columns[index] ? 1 : 0))
  }
  const step = 1 / binCount
  const edges = Array.from({ length: binCount + 1 }, (_, k) => k * step)
  const counts = new Array<number>(binCount).fill(0)
  const confidenceSums = new Array<number>(binCount).fill(0)
  const outcomeSums = new Array<number>(binCount).fill(0)
  for (let index = 0; index < confidence.length; index++) {
    const value = confidence[index] as number
    if (value < 0 || value > 1) {
      throw new VitestMlError('expectedCalibrationError', 'probabilities in [0, 1]', `${value} at row ${index}`, 'Apply a softmax or sigmoid to raw scores first.')
    }
    // numpy.searchsorted(inner edges, p, side='left'): a value on an edge belongs to the lower bin.
    let bin = 0
    while (bin < binCount - 1 && (edges[bin + 1] as number) < value) bin++
    counts[bin] = (counts[bin] as number) + 1
    confidenceSums[bin] = (confidenceSums[bin] as number) + value
    outcomeSums[bin] = (outcomeSums[bin] as number) + (outcome[index] as number)
  }
  const bins = counts.map((count, k) => ({
    lower: edges[k] as number,
    upper: edges[k + 1] as number,
    count,
    meanConfidence: count === 0 ? Number.NaN : (confidenceSums[k] as number) / count,
    observedFrequency: count === 0 ? Number.NaN : (outcomeSums[k] as number) / count,
  }))
  let ece = 0
  let maxCalibrationError = 0
  for (const bin of bins) {
    if (bin.count === 0) continue
    const gap = Math.abs(bin.observedFrequency - bin.meanConfidence)
    ece += (bin.count / confidence.length) * gap
    maxCalibrationError = Math.max(maxCalibrationError, gap)
  }
  return { ece, maxCalibrationError, bins }
}

/**
 * A reliability-diagram plot for the report from an {@link ExpectedCalibrationErrorResult}.
 *
 * @param result - the calibration result
 * @param title - plot title
 * @returns a `reliability` plot with the observed curve and the diagonal
 * @example
 * ```ts
 * reliabilityPlot(expectedCalibrationError(y, p), 'penguins-mlp calibration') // { type: 'reliability', series: [...] }
 * ```
 */
export function reliabilityPlot(result: ExpectedCalibrationErrorResult, title: string): PlotSpec {
  const points = result.bins.filter((bin) => bin.count > 0).map((bin) => [bin.meanConfidence, bin.observedFrequency] as const)
  return {
    type: 'reliability',
    title,
    xLabel: 'mean predicted probability',
    yLabel: 'observed frequency',
    series: [
      { name: 'model', points },
      { name: 'perfectly calibrated', points: [[0, 0], [1, 1]] },
    ],
  }
}
