import type { PlotSpec } from '../../record/check-record.js'
import { VitestMlError } from '../../util/errors.js'
import type { Label } from '../labels.js'
import { binaryTargets, classColumns } from './binary-targets.js'
import { type BinStrategy, calibrationBins, calibrationEdges, calibrationErrors, type ReliabilityBin } from './calibration-bins.js'
import { isVector } from './log-loss.js'

/** Options of {@link expectedCalibrationError}. */
export interface ExpectedCalibrationErrorOptions {
  /** Number of confidence bins. @defaultValue `10` */
  readonly bins?: number
  /** `uniform`: equal-width bins on [0, 1]; `quantile`: equal-mass bins at quantiles of the predictions. @defaultValue `'uniform'` */
  readonly strategy?: BinStrategy
  /** The class of each probability column (matrix input). @defaultValue the sorted labels of `yTrue` */
  readonly classes?: readonly Label[]
  /** The positive class (vector input). @defaultValue the larger label; with one class present, 1 for 0 / -1 labels (see `BinaryTargetOptions`) */
  readonly positiveLabel?: Label
}

export type { BinStrategy, ReliabilityBin } from './calibration-bins.js'

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
 * The (confidence, outcome) pairs calibration is measured on. A probability vector is read as P(positive) against the
 * positive outcome; a probability matrix gives top-label confidence (max probability) against top-label correctness.
 *
 * @param yTrue - true labels
 * @param probabilities - probability rows, or the probability of the positive class
 * @param options - classes or positive label
 * @returns the confidence and 0/1 outcome of each row
 * @example
 * ```ts
 * calibrationPairs([0, 1], [0.2, 0.7]) // { confidence: [0.2, 0.7], outcome: [0, 1] }
 * ```
 */
export function calibrationPairs(
  yTrue: readonly Label[],
  probabilities: readonly number[] | readonly (readonly number[])[],
  options: Pick<ExpectedCalibrationErrorOptions, 'classes' | 'positiveLabel'> = {},
): { confidence: number[]; outcome: number[] } {
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
  confidence.forEach((value, index) => {
    if (!(value >= 0 && value <= 1)) {
      throw new VitestMlError(
        'expectedCalibrationError',
        'probabilities in [0, 1]',
        `${value} at row ${index}`,
        'Apply a softmax or sigmoid to raw scores first.',
      )
    }
  })
  return { confidence, outcome }
}

/**
 * Expected calibration error with its reliability bins. A probability vector is read as P(positive) and compared with
 * the positive rate (the bins of `sklearn.calibration.calibration_curve(y, p, n_bins, strategy)`, `uniform` or
 * `quantile`); a probability matrix uses top-label confidence (max probability) against top-label accuracy (Guo et
 * al., 2017).
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
  const edges = calibrationEdges([], binCount, 'uniform')
  const { confidence, outcome } = calibrationPairs(yTrue, probabilities, options)
  const strategy = options.strategy ?? 'uniform'
  const bins = calibrationBins(confidence, outcome, strategy === 'uniform' ? edges : calibrationEdges(confidence, binCount, strategy))
  return { ...calibrationErrors(bins), bins }
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
      {
        name: 'perfectly calibrated',
        points: [
          [0, 0],
          [1, 1],
        ],
      },
    ],
  }
}
