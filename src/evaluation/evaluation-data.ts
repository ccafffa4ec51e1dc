import { checkedPredict } from '../model/checked-predict.js'
import type { Model } from '../model/model.js'
import { VitestMlError } from '../util/errors.js'
import { describeValue, type Label, normalizeLabel } from './labels.js'
import { type Prediction, type ToPredictionOptions, toPredictions } from './to-prediction.js'

/** An evaluation set: model inputs and the true label (or target) of each. */
export interface EvaluationData<I = unknown> {
  /** One model input per row. */
  readonly inputs: readonly I[]
  /** One true label or target per row, in the same order (numbers, strings or bigints). */
  readonly labels: readonly unknown[]
}

/**
 * Checks an evaluation set (present, non-empty, one label per input, usable labels) and normalises its labels.
 *
 * @param source - public name to blame
 * @param data - the evaluation set
 * @param name - what to call it in errors
 * @returns the inputs and the normalised labels
 * @example
 * ```ts
 * checkEvaluationData('toBeatBaseline', { inputs: rows, labels: [0n, 1n] }).labels // [0, 1]
 * ```
 */
export function checkEvaluationData<I>(source: string, data: EvaluationData<I> | undefined, name = 'data'): { inputs: readonly I[]; labels: Label[] } {
  if (data === undefined || data === null || !Array.isArray(data.inputs) || !Array.isArray(data.labels)) {
    throw new VitestMlError(
      source,
      `\`${name}: { inputs, labels }\` with two arrays`,
      describeValue(data),
      `Pass the held-out rows and their labels, for example \`${name}: { inputs: testRows, labels: testLabels }\`.`,
    )
  }
  if (data.inputs.length === 0) {
    throw new VitestMlError(source, `at least 1 row in ${name}.inputs`, '0', 'An empty evaluation set proves nothing; check the split.')
  }
  if (data.labels.length !== data.inputs.length) {
    throw new VitestMlError(
      source,
      `${data.inputs.length} labels in ${name}.labels (one per input)`,
      `${data.labels.length}`,
      'Inputs and labels must come from the same rows, in the same order.',
    )
  }
  return { inputs: data.inputs, labels: data.labels.map((label, index) => normalizeLabel(source, label, index)) }
}

/**
 * Predicts a whole evaluation set in one batch and reads each output as a {@link Prediction}, failing clearly when the
 * model returns the wrong number of outputs, a missing, empty or unreadable one, or probability rows of different
 * widths (a row that is not over the same classes as the others cannot be scored).
 *
 * @param source - public name to blame
 * @param model - the model
 * @param inputs - the rows
 * @param options - how to read outputs (classes, threshold)
 * @param labels - the true labels, when given: predictions of another kind (class indices against class names, say)
 *   throw instead of scoring every row wrong
 * @returns one prediction per row
 * @example
 * ```ts
 * await predictAll('toBeatBaseline', model, rows, { classes: ['Adelie', 'Chinstrap', 'Gentoo'] })
 * ```
 */
export async function predictAll<I>(
  source: string,
  model: Model<I, unknown>,
  inputs: readonly I[],
  options: ToPredictionOptions,
  labels?: readonly Label[],
): Promise<Prediction[]> {
  const outputs = await checkedPredict(model, inputs, source)
  const predictions = toPredictions(outputs, options, source)
  assertSameWidth(source, model.identity.name, predictions)
  if (labels !== undefined) assertSameKind(source, labels, predictions)
  return predictions
}

/** Throws when probability rows differ in width: they are not over the same classes. */
function assertSameWidth(source: string, modelName: string, predictions: readonly Prediction[]): void {
  const first = predictions.findIndex((prediction) => prediction.probabilities !== undefined)
  const width = predictions[first]?.probabilities?.length
  if (width === undefined) return
  const other = predictions.findIndex((prediction) => prediction.probabilities !== undefined && prediction.probabilities.length !== width)
  if (other < 0) return
  throw new VitestMlError(
    source,
    `probability rows of one width from ${modelName} (${width} values, as at row ${first})`,
    `${predictions[other]?.probabilities?.length} values at row ${other}`,
    'Every output must cover the same classes in the same order; check which output the model returns.',
  )
}

/** Throws when no predicted label is of a kind (number or string) that any true label has: they could never match. */
function assertSameKind(source: string, labels: readonly Label[], predictions: readonly Prediction[]): void {
  const kinds = new Set(labels.map((label) => typeof label))
  if (predictions.length === 0 || predictions.some((prediction) => kinds.has(typeof prediction.label as 'number' | 'string'))) return
  const examples = (values: readonly Label[]): string => {
    const distinct = [...new Set(values)].slice(0, 3)
    return `${typeof distinct[0] === 'string' ? 'strings' : 'numbers'} such as ${distinct.map(describeValue).join(', ')}`
  }
  throw new VitestMlError(
    source,
    `predicted labels of the same kind as the true labels (${examples(labels)})`,
    examples(predictions.map((prediction) => prediction.label)),
    'Pass `classes: [...]` so that output index k reads as classes[k] (and `threshold` when the model returns one score), or return the class names from the model.',
  )
}
