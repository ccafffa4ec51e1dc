import type { Label } from '../labels.js'
import { type BinaryTargetOptions, binaryTargets, classColumns } from './binary-targets.js'

/** Options of {@link averagePrecision}. */
export type AveragePrecisionOptions = BinaryTargetOptions

/** Options of {@link averagePrecisionOneVsRest}. */
export interface AveragePrecisionOneVsRestOptions {
  /** The class of each probability column. @defaultValue the sorted labels of `yTrue` */
  readonly classes?: readonly Label[]
}

/**
 * Average precision, the step-wise area under the precision-recall curve (`sklearn.metrics.average_precision_score`):
 * the sum over score thresholds of (recall gain) x precision, without interpolation.
 *
 * @param yTrue - true labels, at most two classes
 * @param scores - a score per row, higher meaning more likely positive
 * @param options - see {@link AveragePrecisionOptions}
 * @returns a number in [0, 1]; the positive rate is chance
 * @example
 * ```ts
 * averagePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) // 0.8333
 * ```
 */
export function averagePrecision(yTrue: readonly Label[], scores: readonly number[], options: AveragePrecisionOptions = {}): number {
  const { targets } = binaryTargets('averagePrecision', yTrue, scores, options, true)
  return averagePrecisionFromTargets(targets, scores)
}

/**
 * Macro one-vs-rest average precision for a multiclass problem (`average_precision_score(label_binarize(y), P)`).
 *
 * @param yTrue - true labels
 * @param probabilities - one probability row per label, one column per class
 * @param options - see {@link AveragePrecisionOneVsRestOptions}
 * @returns the mean of the per-class average precisions
 * @example
 * ```ts
 * averagePrecisionOneVsRest([0, 1, 2], [[0.8, 0.1, 0.1], [0.2, 0.7, 0.1], [0.1, 0.2, 0.7]]) // 1
 * ```
 */
export function averagePrecisionOneVsRest(
  yTrue: readonly Label[],
  probabilities: readonly (readonly number[])[],
  options: AveragePrecisionOneVsRestOptions = {},
): number {
  const { classes, columns } = classColumns('averagePrecisionOneVsRest', yTrue, probabilities, options.classes)
  let total = 0
  for (let k = 0; k < classes.length; k++) {
    const targets = Uint8Array.from(columns, (column) => (column === k ? 1 : 0))
    total += averagePrecisionFromTargets(
      targets,
      probabilities.map((row) => row[k] as number),
    )
  }
  return total / classes.length
}

function averagePrecisionFromTargets(targets: Uint8Array, scores: readonly number[]): number {
  const order = Array.from(scores.keys()).sort((left, right) => (scores[right] as number) - (scores[left] as number))
  const positives = targets.reduce((sum, target) => sum + target, 0)
  if (positives === 0) return 0
  let truePositives = 0
  let seen = 0
  let previousRecall = 0
  let area = 0
  for (let start = 0; start < order.length; ) {
    let end = start
    while (end + 1 < order.length && scores[order[end + 1] as number] === scores[order[start] as number]) end++
    for (let i = start; i <= end; i++) truePositives += targets[order[i] as number] as number
    seen += end - start + 1
    const currentRecall = truePositives / positives
    area += (currentRecall - previousRecall) * (truePositives / seen)
    previousRecall = currentRecall
    start = end + 1
  }
  return area
}
