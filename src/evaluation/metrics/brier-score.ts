import type { Label } from '../labels.js'
import { binaryTargets, classColumns } from './binary-targets.js'
import { isVector } from './log-loss.js'

/** Options of {@link brierScore}. */
export interface BrierScoreOptions {
  /** The class of each probability column (matrix input). @defaultValue the sorted labels of `yTrue` */
  readonly classes?: readonly Label[]
  /** The positive class (vector input). @defaultValue the larger label; with one class present, 1 for 0 / -1 labels (see `BinaryTargetOptions`) */
  readonly positiveLabel?: Label
}

/**
 * Brier score: the mean squared difference between predicted probabilities and the 0/1 outcome.
 * For a vector (or a two-column matrix) it is `sklearn.metrics.brier_score_loss` on the positive class; for three or
 * more columns it is Brier's original multiclass score, the mean over rows of the sum over classes of
 * (p - onehot)^2 (what scikit-learn 1.7's `brier_score_loss` computes for multiclass input).
 *
 * @param yTrue - true labels
 * @param probabilities - a probability row per label, or for two classes the probability of the positive class
 * @param options - see {@link BrierScoreOptions}
 * @returns a number in [0, 1] (binary) or [0, 2] (multiclass); lower is better
 * @example
 * ```ts
 * brierScore([0, 1, 1], [0.1, 0.9, 0.6]) // 0.06
 * ```
 */
export function brierScore(
  yTrue: readonly Label[],
  probabilities: readonly number[] | readonly (readonly number[])[],
  options: BrierScoreOptions = {},
): number {
  if (isVector(probabilities)) {
    const { targets } = binaryTargets('brierScore', yTrue, probabilities, options, true)
    let total = 0
    for (let index = 0; index < targets.length; index++) total += ((probabilities[index] as number) - (targets[index] as number)) ** 2
    return total / targets.length
  }
  const { columns } = classColumns('brierScore', yTrue, probabilities, options.classes)
  const width = (probabilities[0] as readonly number[]).length
  if (width === 2) {
    return brierScore(
      yTrue.map((_, index) => (columns[index] === 1 ? 1 : 0)),
      probabilities.map((row) => row[1] as number),
      { positiveLabel: 1 },
    )
  }
  let total = 0
  for (let index = 0; index < columns.length; index++) {
    const row = probabilities[index] as readonly number[]
    for (let k = 0; k < width; k++) total += ((row[k] as number) - (columns[index] === k ? 1 : 0)) ** 2
  }
  return total / columns.length
}
