import { assertPaired, type Label } from '../labels.js'

/**
 * Accuracy: the fraction of predictions equal to the true label (`sklearn.metrics.accuracy_score`).
 *
 * @param yTrue - true labels
 * @param yPred - predicted labels
 * @returns a number in [0, 1]
 * @example
 * ```ts
 * accuracy([0, 1, 1, 0], [0, 1, 0, 0]) // 0.75
 * ```
 */
export function accuracy(yTrue: readonly Label[], yPred: readonly Label[]): number {
  assertPaired('accuracy', 'yTrue', yTrue, 'predictions', yPred)
  let correct = 0
  for (let index = 0; index < yTrue.length; index++) if (yTrue[index] === yPred[index]) correct++
  return correct / yTrue.length
}

/**
 * Balanced accuracy: the mean recall over the classes present in `yTrue` (`sklearn.metrics.balanced_accuracy_score`),
 * so a majority-class predictor scores 1 / (number of classes) however skewed the classes are.
 *
 * @param yTrue - true labels
 * @param yPred - predicted labels
 * @returns a number in [0, 1]
 * @example
 * ```ts
 * balancedAccuracy([0, 0, 0, 1], [0, 0, 0, 0]) // 0.5 (accuracy would be 0.75)
 * ```
 */
export function balancedAccuracy(yTrue: readonly Label[], yPred: readonly Label[]): number {
  assertPaired('balancedAccuracy', 'yTrue', yTrue, 'predictions', yPred)
  const support = new Map<Label, number>()
  const hits = new Map<Label, number>()
  for (let index = 0; index < yTrue.length; index++) {
    const label = yTrue[index] as Label
    support.set(label, (support.get(label) ?? 0) + 1)
    if (label === yPred[index]) hits.set(label, (hits.get(label) ?? 0) + 1)
  }
  let total = 0
  for (const [label, count] of support) total += (hits.get(label) ?? 0) / count
  return total / support.size
}
