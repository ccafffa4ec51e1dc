import { VitestMlError } from '../util/errors.js'
import { describeValue, type Label } from './labels.js'

/** A model output read for evaluation: a hard label or value, and the probability row when there was one. */
export interface Prediction {
  /** The predicted class (classification) or value (regression). */
  readonly label: Label
  /** A continuous score: the output itself when it was a single number, P(positive) for a two-class row. */
  readonly score?: number
  /** The probability row the label was taken from (argmax), kept for probabilistic metrics. */
  readonly probabilities?: readonly number[]
}

/** Options of {@link toPrediction}. */
export interface ToPredictionOptions {
  /**
   * The class of each probability column; an argmax index or an integer label output is mapped through it.
   * @defaultValue column indices 0..K-1
   */
  readonly classes?: readonly Label[]
  /**
   * Turns a single-number output into a class: `>= threshold` is `classes[1] ?? 1`, below is `classes[0] ?? 0`
   * (the number is kept as `score`). Without it a number is a regression value or a label.
   */
  readonly threshold?: number
}

// `output_label` / `output_probability` are the names skl2onnx gives a classifier's outputs.
const LABEL_KEYS = ['label', 'labels', 'class', 'prediction', 'output', 'value', 'output_label'] as const
const PROBABILITY_KEYS = ['probabilities', 'probability', 'proba', 'scores', 'output_probability'] as const

/**
 * Reads one model output as a {@link Prediction}: a label (number, string, bigint, boolean), a score, a probability row
 * (argmax gives the class, the row is kept), a one-element row (its number), a typed array, or a record of named
 * outputs such as `{ probabilities, label }` from a multi-output ONNX model (skl2onnx's `{ output_label,
 * output_probability }` too).
 *
 * @param output - one output of `model.predict`
 * @param options - see {@link ToPredictionOptions}
 * @returns the prediction
 * @example
 * ```ts
 * toPrediction([0.1, 0.7, 0.2], { classes: ['Adelie', 'Chinstrap', 'Gentoo'] }) // { label: 'Chinstrap', probabilities: [0.1, 0.7, 0.2] }
 * toPrediction([23.4]) // { label: 23.4, score: 23.4 }
 * toPrediction(0.8, { threshold: 0.5 }) // { label: 1, score: 0.8 }
 * ```
 */
export function toPrediction(output: unknown, options: ToPredictionOptions = {}): Prediction {
  if (ArrayBuffer.isView(output) && !(output instanceof DataView)) return toPrediction(Array.from(output as unknown as ArrayLike<number | bigint>), options)
  if (Array.isArray(output)) return fromRow(output, options)
  if (typeof output === 'object' && output !== null) return fromRecord(output as Record<string, unknown>, options)
  if (typeof output === 'number') {
    if (!Number.isFinite(output))
      throw new VitestMlError('toPrediction', 'a finite model output', describeValue(output), 'The model produced a non-finite output; check its inputs.')
    if (options.threshold !== undefined) {
      const label = output >= options.threshold ? (options.classes?.[1] ?? 1) : (options.classes?.[0] ?? 0)
      return { label, score: output }
    }
    return { label: mapIndex(output, options.classes), score: output }
  }
  if (typeof output === 'bigint') return { label: mapIndex(Number(output), options.classes) }
  if (typeof output === 'boolean') return { label: output ? 1 : 0, score: output ? 1 : 0 }
  if (typeof output === 'string') return { label: output }
  throw new VitestMlError(
    'toPrediction',
    'a label, a score, a probability row or a record of named outputs',
    describeValue(output),
    'The model must answer every row; wrap it so it returns one of those per row.',
  )
}

/**
 * Reads every output of a batch with {@link toPrediction}, naming the row in any error. A missing or empty output
 * (`undefined`, `null`, `[]`, `{}`) has no prediction to score, so it is an error too.
 *
 * @param outputs - the outputs of one `predict` call
 * @param options - see {@link ToPredictionOptions}
 * @param source - public name that starts errors (the matcher reading the outputs) @defaultValue 'toPrediction'
 * @returns one prediction per output
 * @example
 * ```ts
 * toPredictions([[0.9, 0.1], [0.2, 0.8]]).map((p) => p.label) // [0, 1]
 * ```
 */
export function toPredictions(outputs: readonly unknown[], options: ToPredictionOptions = {}, source = 'toPrediction'): Prediction[] {
  return outputs.map((output, index) => {
    try {
      return toPrediction(output, options)
    } catch (error) {
      if (error instanceof VitestMlError) {
        throw new VitestMlError(source, `${error.expected} for every row`, `${error.received} at row ${index}`, error.hint, { cause: error })
      }
      throw error
    }
  })
}

function fromRow(row: readonly unknown[], options: ToPredictionOptions): Prediction {
  if (row.length === 1) return toPrediction(row[0], options)
  if (row.length === 0) throw new VitestMlError('toPrediction', 'a non-empty output row', 'an empty row', 'Check which model output is returned.')
  const values = row.map((value) => (typeof value === 'bigint' ? Number(value) : value))
  if (!values.every((value): value is number => typeof value === 'number' && Number.isFinite(value))) {
    throw new VitestMlError(
      'toPrediction',
      'a row of finite probabilities',
      `[${values.slice(0, 5).map(describeValue).join(', ')}]`,
      'Check the model output for NaN or non-numeric values.',
    )
  }
  let best = 0
  for (let k = 1; k < values.length; k++) if ((values[k] as number) > (values[best] as number)) best = k
  const label = options.classes?.[best] ?? best
  return values.length === 2 ? { label, score: values[1] as number, probabilities: values } : { label, probabilities: values }
}

function fromRecord(record: Record<string, unknown>, options: ToPredictionOptions): Prediction {
  const probabilityKey = PROBABILITY_KEYS.find((key) => record[key] !== undefined)
  const labelKey = LABEL_KEYS.find((key) => record[key] !== undefined)
  const keys = Object.keys(record)
  if (keys.length === 0)
    throw new VitestMlError(
      'toPrediction',
      'a record of named outputs',
      'an empty record {}',
      'The model answered with no output at all; check which outputs it returns.',
    )
  if (probabilityKey === undefined && labelKey === undefined) {
    if (keys.length === 1) return toPrediction(record[keys[0] as string], options)
    throw new VitestMlError(
      'toPrediction',
      `a record with one of ${[...PROBABILITY_KEYS, ...LABEL_KEYS].join(', ')}`,
      `keys ${keys.join(', ')}`,
      "Select one output, for example onnxModel(path, { output: 'probabilities' }).",
    )
  }
  const fromProbabilities = probabilityKey === undefined ? undefined : toPrediction(record[probabilityKey], options)
  const fromLabel = labelKey === undefined ? undefined : toPrediction(record[labelKey], options.classes === undefined ? {} : { classes: options.classes })
  if (fromProbabilities === undefined) return fromLabel as Prediction
  if (fromLabel === undefined) return fromProbabilities
  return { ...fromProbabilities, label: fromLabel.label }
}

function mapIndex(value: number, classes: readonly Label[] | undefined): Label {
  if (classes === undefined || classes.includes(value) || !Number.isInteger(value)) return value
  return classes[value] ?? value
}
