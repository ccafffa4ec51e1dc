import type { Label } from '../labels.js'
import { binaryTargets, classColumns } from './binary-targets.js'

/** Options of {@link logLoss}. */
export interface LogLossOptions {
  /** The class of each probability column (matrix input). @defaultValue the sorted labels of `yTrue` */
  readonly classes?: readonly Label[]
  /** The positive class (vector input). @defaultValue the larger label; with one class present, 1 for 0 / -1 labels (see `BinaryTargetOptions`) */
  readonly positiveLabel?: Label
  /** Probabilities are clipped to [eps, 1 - eps] before the logarithm. @defaultValue `1e-15` */
  readonly eps?: number
}

/**
 * Log loss (cross-entropy, `sklearn.metrics.log_loss`): the mean negative log-probability given to the true class.
 * As scikit-learn 1.2, probabilities are clipped to [eps, 1 - eps] and each row is renormalised to sum to 1.
 *
 * @param yTrue - true labels
 * @param probabilities - a probability row per label, or for two classes the probability of the positive class
 * @param options - see {@link LogLossOptions}
 * @returns a non-negative number; lower is better, 0 is perfect
 * @example
 * ```ts
 * logLoss([0, 1], [[0.9, 0.1], [0.2, 0.8]]) // 0.1643
 * logLoss([0, 1], [0.1, 0.8]) // 0.1643
 * ```
 */
export function logLoss(yTrue: readonly Label[], probabilities: readonly number[] | readonly (readonly number[])[], options: LogLossOptions = {}): number {
  const eps = options.eps ?? 1e-15
  const clip = (value: number): number => Math.min(1 - eps, Math.max(eps, value))
  if (isVector(probabilities)) {
    const { targets } = binaryTargets('logLoss', yTrue, probabilities, options, true)
    let total = 0
    for (let index = 0; index < targets.length; index++) {
      const p = clip(probabilities[index] as number)
      total -= targets[index] === 1 ? Math.log(p) : Math.log(1 - p)
    }
    return total / targets.length
  }
  const { columns } = classColumns('logLoss', yTrue, probabilities, options.classes)
  let total = 0
  for (let index = 0; index < columns.length; index++) {
    const row = (probabilities[index] as readonly number[]).map(clip)
    const sum = row.reduce((acc, value) => acc + value, 0)
    total -= Math.log((row[columns[index] as number] as number) / sum)
  }
  return total / columns.length
}

/**
 * True when `probabilities` is a flat vector rather than a matrix of rows.
 *
 * @param probabilities - a vector or a matrix
 * @returns whether it is a vector
 * @example
 * ```ts
 * isVector([0.2, 0.8]) // true
 * ```
 */
export function isVector(probabilities: readonly number[] | readonly (readonly number[])[]): probabilities is readonly number[] {
  return probabilities.length === 0 || !Array.isArray(probabilities[0])
}
