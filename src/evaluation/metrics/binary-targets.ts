import { VitestMlError } from '../../util/errors.js'
import { assertFinite, assertPaired, describeValue, type Label, sortedLabels } from '../labels.js'

/** Options shared by the binary ranking and probability metrics. */
export interface BinaryTargetOptions {
  /**
   * The positive class.
   * @defaultValue the larger of the two labels (scikit-learn's `classes_[1]`); with one class present, 1 when that class
   *   is 0, -1 or 1, the class itself when it is another number, and an error for a string
   */
  readonly positiveLabel?: Label
}

/**
 * Turns labels into 0/1 targets for a binary metric and checks the scores: same length, finite, and (unless
 * `allowOneClass`) both classes present.
 *
 * @param source - public name to blame
 * @param yTrue - true labels
 * @param scores - one score per label
 * @param options - see {@link BinaryTargetOptions}
 * @param allowOneClass - whether a single class is acceptable
 * @returns the 0/1 targets and the positive label used
 * @example
 * ```ts
 * binaryTargets('rocAuc', ['no', 'yes'], [0.1, 0.9], {}) // { targets: [0, 1], positiveLabel: 'yes' }
 * ```
 */
export function binaryTargets(
  source: string,
  yTrue: readonly Label[],
  scores: readonly number[],
  options: BinaryTargetOptions,
  allowOneClass = false,
): { targets: Uint8Array; positiveLabel: Label } {
  assertPaired(source, 'yTrue', yTrue, 'scores', scores)
  assertFinite(source, 'scores', scores)
  const labels = sortedLabels(yTrue)
  if (labels.length > 2 || (!allowOneClass && labels.length < 2)) {
    throw new VitestMlError(
      source,
      'exactly two classes in yTrue',
      `${labels.length} (${labels.slice(0, 5).map(describeValue).join(', ')})`,
      labels.length > 2
        ? 'Pass a probability matrix for the one-vs-rest version.'
        : 'The metric is undefined with one class; evaluate on data with both classes.',
    )
  }
  const positiveLabel = options.positiveLabel ?? defaultPositive(source, labels)
  if (options.positiveLabel !== undefined && !labels.includes(positiveLabel) && labels.length === 2) {
    throw new VitestMlError(
      source,
      `positiveLabel among ${labels.map(describeValue).join(', ')}`,
      describeValue(positiveLabel),
      'Set `positiveLabel` to one of the labels.',
    )
  }
  const targets = new Uint8Array(yTrue.length)
  for (let index = 0; index < yTrue.length; index++) targets[index] = yTrue[index] === positiveLabel ? 1 : 0
  return { targets, positiveLabel }
}

/**
 * The positive class when none is given: the larger label; with one class present, scikit-learn's rule — 0 or -1 alone
 * are negatives (the positive class is 1), 1 or another number is the positive class, and a string cannot be told.
 */
function defaultPositive(source: string, labels: readonly Label[]): Label {
  const only = labels[0] as Label
  if (labels.length > 1) return labels[labels.length - 1] as Label
  if (only === 0 || only === -1) return 1
  if (typeof only === 'number') return only
  throw new VitestMlError(
    source,
    '`positiveLabel` when yTrue holds one class',
    `only ${describeValue(only)}`,
    'Pass the class the scores are the probability of, for example { positiveLabel: "yes" }.',
  )
}

/**
 * Checks a probability matrix (one row per label, the same number of columns in every row, finite values) and works out
 * which column each true label belongs to.
 *
 * @param source - public name to blame
 * @param yTrue - true labels
 * @param probabilities - one probability row per label
 * @param classes - the class of each column; by default the sorted labels of `yTrue`, or 0..K-1 when they do not cover every column
 * @returns the classes and, per row, the column of its true class
 * @example
 * ```ts
 * classColumns('logLoss', ['b', 'a'], [[0.2, 0.8], [0.6, 0.4]]) // { classes: ['a', 'b'], columns: [1, 0] }
 * ```
 */
export function classColumns(
  source: string,
  yTrue: readonly Label[],
  probabilities: readonly (readonly number[])[],
  classes?: readonly Label[],
): { classes: readonly Label[]; columns: Int32Array } {
  assertPaired(source, 'yTrue', yTrue, 'probability rows', probabilities)
  const width = (probabilities[0] as readonly number[]).length
  for (let index = 0; index < probabilities.length; index++) {
    const row = probabilities[index] as readonly number[]
    if (row.length !== width) {
      throw new VitestMlError(source, `probability rows of ${width} values`, `${row.length} at row ${index}`, 'Every row needs one probability per class.')
    }
    assertFinite(source, `probabilities (row ${index})`, row)
  }
  const found = sortedLabels(yTrue)
  const resolved = classes ?? (found.length === width ? found : Array.from({ length: width }, (_, k) => k))
  if (resolved.length !== width) {
    throw new VitestMlError(
      source,
      `${width} classes (one per probability column)`,
      `${resolved.length}`,
      'Pass `classes` in the column order of the model output.',
    )
  }
  const position = new Map<Label, number>(resolved.map((label, k) => [label, k]))
  const columns = new Int32Array(yTrue.length)
  for (let index = 0; index < yTrue.length; index++) {
    const column = position.get(yTrue[index] as Label)
    if (column === undefined) {
      throw new VitestMlError(
        source,
        `labels among the classes ${resolved.map(describeValue).join(', ')}`,
        `${describeValue(yTrue[index])} at index ${index}`,
        'Pass `classes` naming the class of each probability column.',
      )
    }
    columns[index] = column
  }
  return { classes: resolved, columns }
}
