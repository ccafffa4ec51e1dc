import { VitestMlError } from '../../util/errors.js'
import { assertPaired, type Label, sortedLabels } from '../labels.js'

/** Options of {@link confusionMatrix}. */
export interface ConfusionMatrixOptions {
  /**
   * The classes, in row/column order.
   * @defaultValue the sorted distinct labels of `yTrue` and `yPred`
   */
  readonly labels?: readonly Label[]
}

/** Result of {@link confusionMatrix}. */
export interface ConfusionMatrixResult {
  /** The classes, in row and column order. */
  readonly labels: readonly Label[]
  /** `matrix[i][j]` counts rows whose true class is `labels[i]` and predicted class is `labels[j]`. */
  readonly matrix: readonly (readonly number[])[]
}

/**
 * Confusion matrix: rows are true classes, columns predicted classes (scikit-learn's `confusion_matrix` layout).
 * Rows whose true or predicted label is not in `labels` are ignored, as in scikit-learn.
 *
 * @param yTrue - true labels
 * @param yPred - predicted labels, one per true label
 * @param options - see {@link ConfusionMatrixOptions}
 * @returns the labels and the counts
 * @example
 * ```ts
 * confusionMatrix([0, 1, 1], [0, 0, 1]) // { labels: [0, 1], matrix: [[1, 0], [1, 1]] }
 * ```
 */
export function confusionMatrix(yTrue: readonly Label[], yPred: readonly Label[], options: ConfusionMatrixOptions = {}): ConfusionMatrixResult {
  assertPaired('confusionMatrix', 'yTrue', yTrue, 'predictions', yPred)
  const labels = options.labels ?? sortedLabels(yTrue, yPred)
  if (labels.length === 0) {
    throw new VitestMlError('confusionMatrix', 'at least one label in `labels`', 'none', 'Omit `labels` to use the labels found in the data.')
  }
  const position = new Map<Label, number>(labels.map((label, index) => [label, index]))
  const matrix = labels.map(() => labels.map(() => 0))
  for (let index = 0; index < yTrue.length; index++) {
    const row = position.get(yTrue[index] as Label)
    const column = position.get(yPred[index] as Label)
    if (row === undefined || column === undefined) continue
    ;(matrix[row] as number[])[column] = ((matrix[row] as number[])[column] as number) + 1
  }
  return { labels, matrix }
}
