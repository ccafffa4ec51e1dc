import type { Label } from '../labels.js'
import { type BinaryTargetOptions, binaryTargets, classColumns } from './binary-targets.js'

/** Options of {@link rocAuc}. */
export type RocAucOptions = BinaryTargetOptions

/** Options of {@link rocAucOneVsRest}. */
export interface RocAucOneVsRestOptions {
  /** The class of each probability column. @defaultValue the sorted labels of `yTrue` */
  readonly classes?: readonly Label[]
  /** `macro`: unweighted mean over classes; `weighted`: weighted by class support. @defaultValue `'macro'` */
  readonly average?: 'macro' | 'weighted'
}

/**
 * Area under the ROC curve for a binary problem (`sklearn.metrics.roc_auc_score`), computed exactly as the
 * Mann-Whitney probability that a random positive outscores a random negative, ties counting one half.
 *
 * @param yTrue - true labels, two classes
 * @param scores - a score per row, higher meaning more likely positive
 * @param options - see {@link RocAucOptions}
 * @returns a number in [0, 1]; 0.5 is chance
 * @example
 * ```ts
 * rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) // 0.75
 * ```
 */
export function rocAuc(yTrue: readonly Label[], scores: readonly number[], options: RocAucOptions = {}): number {
  const { targets } = binaryTargets('rocAuc', yTrue, scores, options)
  return aucFromTargets(targets, scores)
}

/**
 * One-vs-rest ROC AUC for a multiclass problem (`roc_auc_score(y, P, multi_class='ovr')`): the AUC of each class
 * against the rest, averaged.
 *
 * @param yTrue - true labels
 * @param probabilities - one probability row per label, one column per class
 * @param options - see {@link RocAucOneVsRestOptions}
 * @returns a number in [0, 1]
 * @example
 * ```ts
 * rocAucOneVsRest([0, 1, 2], [[0.8, 0.1, 0.1], [0.2, 0.7, 0.1], [0.1, 0.2, 0.7]]) // 1
 * ```
 */
export function rocAucOneVsRest(yTrue: readonly Label[], probabilities: readonly (readonly number[])[], options: RocAucOneVsRestOptions = {}): number {
  const { classes, columns } = classColumns('rocAucOneVsRest', yTrue, probabilities, options.classes)
  let total = 0
  let weightTotal = 0
  for (let k = 0; k < classes.length; k++) {
    const targets = new Uint8Array(columns.length)
    let support = 0
    for (let index = 0; index < columns.length; index++) {
      targets[index] = columns[index] === k ? 1 : 0
      support += targets[index] as number
    }
    const weight = options.average === 'weighted' ? support : 1
    total +=
      weight *
      aucFromTargets(
        targets,
        probabilities.map((row) => row[k] as number),
      )
    weightTotal += weight
  }
  return total / weightTotal
}

/** Mann-Whitney AUC with mid-ranks; NaN when one class is absent. */
function aucFromTargets(targets: Uint8Array, scores: readonly number[]): number {
  const order = Array.from(scores.keys()).sort((left, right) => (scores[left] as number) - (scores[right] as number))
  let positiveRankSum = 0
  let positives = 0
  for (let start = 0; start < order.length; ) {
    let end = start
    while (end + 1 < order.length && scores[order[end + 1] as number] === scores[order[start] as number]) end++
    const midRank = (start + end) / 2 + 1
    for (let i = start; i <= end; i++) {
      if (targets[order[i] as number] === 1) {
        positiveRankSum += midRank
        positives++
      }
    }
    start = end + 1
  }
  const negatives = targets.length - positives
  if (positives === 0 || negatives === 0) return Number.NaN
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
}
