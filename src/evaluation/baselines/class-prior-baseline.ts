import { VitestMlError } from '../../util/errors.js'
import { describeValue, type Label } from '../labels.js'
import { type BaselineModel, baselineModel, countLabels, type FitBaselineOptions } from './baseline-model.js'

/** Options of {@link classPriorBaseline}. */
export interface ClassPriorBaselineOptions extends FitBaselineOptions {
  /**
   * The class of each probability column, in the model's output order.
   * @defaultValue the sorted distinct labels
   */
  readonly classes?: readonly Label[]
}

/** What {@link classPriorBaseline} predicts for every row. */
export interface ClassPriorOutput {
  /** The most frequent class. */
  readonly label: Label
  /** The class frequencies, in `classes` order. */
  readonly probabilities: readonly number[]
}

/**
 * The class-prior baseline (scikit-learn's `DummyClassifier(strategy='prior')`): predicts the fitted class frequencies
 * as probabilities for every row, and the most frequent class as the label. The baseline for log loss, Brier score,
 * ROC AUC (always 0.5) and calibration.
 *
 * @param labels - the labels to fit on, normally the training labels
 * @param options - see {@link ClassPriorBaselineOptions}
 * @returns a model predicting `{ label, probabilities }` for every row
 * @example
 * ```ts
 * await classPriorBaseline(['a', 'a', 'b']).predict([{}]) // [{ label: 'a', probabilities: [0.667, 0.333] }]
 * ```
 */
export function classPriorBaseline(labels: readonly unknown[], options: ClassPriorBaselineOptions = {}): BaselineModel<unknown, ClassPriorOutput> {
  const { classes: found, counts, total } = countLabels('classPriorBaseline', labels)
  const classes = options.classes ?? found
  const unknown = found.filter((label) => !classes.includes(label))
  if (unknown.length > 0) {
    throw new VitestMlError(
      'classPriorBaseline',
      `labels among the classes ${classes.map(describeValue).join(', ')}`,
      unknown.map(describeValue).join(', '),
      'Add the missing classes to `classes`.',
    )
  }
  const probabilities = classes.map((label) => {
    const k = found.indexOf(label)
    return k === -1 ? 0 : (counts[k] as number) / total
  })
  let best = 0
  for (let k = 1; k < probabilities.length; k++) if ((probabilities[k] as number) > (probabilities[best] as number)) best = k
  const output: ClassPriorOutput = { label: classes[best] as Label, probabilities }
  const fittedOn = options.fittedOn ?? 'train'
  const shares = classes.map((label, k) => `${String(label)} ${(probabilities[k] as number).toFixed(3)}`).join(', ')
  return baselineModel(
    'class-prior baseline',
    { kind: 'class-prior', fittedOn, description: `class priors ${shares} (${total} ${fittedOn} labels)` },
    () => output,
  )
}
