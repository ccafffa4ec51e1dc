import { VitestMlError } from '../../util/errors.js'
import { describeValue, type Label, sortedLabels } from '../labels.js'
import { binaryTargets, classColumns } from '../metrics/binary-targets.js'
import { isVector } from '../metrics/log-loss.js'

/** Probabilities in one shape for the calibration measures: a row per example, a column per class. */
export interface ClassProbabilities {
  /** The class of each column (for a score vector: the negative class, then the positive one). */
  readonly classes: readonly Label[]
  /** One probability row per example. */
  readonly rows: readonly (readonly number[])[]
  /** Column of each example's true class. */
  readonly truth: Int32Array
  /** Two classes: calibration is measured on the positive class (column 1), as `calibration_curve` does. */
  readonly binary: boolean
}

/**
 * Reads probabilities as class rows: a probability of the positive class becomes `[1 - p, p]`, a two-column matrix stays
 * binary (column 1 is the positive class), three or more columns are a multiclass matrix. Every value must lie in
 * [0, 1].
 *
 * @param source - public name to blame
 * @param yTrue - true labels
 * @param probabilities - probability rows, or the probability of the positive class
 * @param options - classes of the columns, or the positive class of a vector
 * @returns classes, rows, the true column of each row and whether the task is binary
 * @example
 * ```ts
 * classProbabilities('toBeCalibrated', [0, 1], [0.2, 0.9]) // { classes: [0, 1], rows: [[0.8, 0.2], [0.1, 0.9]], truth: [0, 1], binary: true }
 * ```
 */
export function classProbabilities(
  source: string,
  yTrue: readonly Label[],
  probabilities: readonly number[] | readonly (readonly number[])[],
  options: { readonly classes?: readonly Label[]; readonly positiveLabel?: Label } = {},
): ClassProbabilities {
  let result: ClassProbabilities
  if (isVector(probabilities)) {
    const { targets, positiveLabel } = binaryTargets(
      source,
      yTrue,
      probabilities,
      options.positiveLabel === undefined ? {} : { positiveLabel: options.positiveLabel },
      true,
    )
    const negative =
      sortedLabels(yTrue).find((label) => label !== positiveLabel) ?? (typeof positiveLabel === 'number' ? 1 - positiveLabel : `not ${positiveLabel}`)
    result = { classes: [negative, positiveLabel], rows: probabilities.map((p) => [1 - p, p]), truth: Int32Array.from(targets), binary: true }
  } else {
    const { classes, columns } = classColumns(source, yTrue, probabilities, options.classes)
    result = { classes, rows: probabilities, truth: columns, binary: classes.length === 2 }
  }
  result.rows.forEach((row, index) => {
    if (!row.every((value) => value >= 0 && value <= 1)) {
      throw new VitestMlError(
        source,
        'probabilities in [0, 1]',
        `[${row.map(describeValue).join(', ')}] at row ${index}`,
        'Apply a softmax or sigmoid to raw scores first.',
      )
    }
  })
  return result
}
