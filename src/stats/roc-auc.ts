import { VitestMlError } from '../util/errors.js'
import { averageRanks } from './average-ranks.js'

/**
 * Area under the ROC curve of scores against 0/1 labels, as `sklearn.metrics.roc_auc_score(labels, scores)`: the
 * Mann-Whitney U of the positives' scores over the negatives' divided by `positives * negatives`, with tied scores
 * counted half (midranks). 0.5 means the scores do not separate the classes; 1 means they separate them perfectly.
 *
 * @param scores - one score per item (higher = more likely positive); NaN is an error
 * @param labels - one label per item, 1 (positive) or 0 (negative)
 * @returns the AUC in [0, 1]
 * @example
 * ```ts
 * rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]) // 0.75 (sklearn.metrics.roc_auc_score gives 0.75)
 * ```
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length
  if (labels.length !== n) throw new VitestMlError('rocAuc', `${n} labels (one per score)`, String(labels.length), 'Pass scores and labels of the same length.')
  const values = new Float64Array(n)
  let positives = 0
  for (let i = 0; i < n; i++) {
    const score = scores[i] as number
    const label = labels[i]
    if (Number.isNaN(score))
      throw new VitestMlError('rocAuc', 'scores without NaN', `NaN at index ${i}`, 'A classifier that returns NaN is broken; check its inputs.')
    if (label !== 0 && label !== 1)
      throw new VitestMlError('rocAuc', 'labels 0 or 1', `${String(label)} at index ${i}`, 'Encode the positive class as 1 and the negative class as 0.')
    values[i] = score
    positives += label
  }
  const negatives = n - positives
  if (positives === 0 || negatives === 0)
    throw new VitestMlError(
      'rocAuc',
      'both classes among the labels',
      `${positives} positives and ${negatives} negatives`,
      'An AUC needs at least one item of each class.',
    )
  const { ranks } = averageRanks(values)
  let rankSum = 0
  for (let i = 0; i < n; i++) if (labels[i] === 1) rankSum += ranks[i] as number
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
}
