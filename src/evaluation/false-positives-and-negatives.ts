import type { Model, ModelIdentity } from '../model/model.js'
import type { CheckRecord } from '../record/check-record.js'
import { toJsonSafe } from '../util/json-safe.js'
import { checkEvaluationData, type EvaluationData, predictAll } from './evaluation-data.js'
import { type Label, sortedLabels } from './labels.js'
import type { Prediction } from './to-prediction.js'

/** Options of `falsePositivesAndNegatives`. */
export interface FalsePositivesAndNegativesOptions<I = unknown> {
  /** The held-out evaluation set. */
  readonly data: EvaluationData<I>
  /** The positive class: only its false positives and negatives are listed. @defaultValue every class, one-vs-rest */
  readonly positiveLabel?: Label
  /** Examples kept per list, most confident first. @defaultValue `5` */
  readonly maxListed?: number
  /** Class of each probability column. @defaultValue the model's own `classes` (an ONNX classifier's class labels), if it declares them */
  readonly classes?: readonly Label[]
  /** Turns single-number outputs into classes. */
  readonly threshold?: number
}

/** One wrong prediction, for review. */
export interface ReviewExample<I = unknown> {
  /** Row index in the evaluation set. */
  readonly index: number
  readonly input: I
  readonly label: Label
  readonly predicted: Label
  /** How sure the model was of its wrong answer: the probability of the predicted class, or the score; NaN if neither. */
  readonly confidence: number
}

/** False positives and negatives of one class (one-vs-rest). */
export interface ClassErrors<I = unknown> {
  readonly label: Label
  /** Predicted as this class, but another class. */
  readonly falsePositives: number
  /** This class, but predicted as another. */
  readonly falseNegatives: number
  /** The most confident false positives. */
  readonly topFalsePositives: readonly ReviewExample<I>[]
  /** The most confident false negatives (confidence of the wrong class predicted instead). */
  readonly topFalseNegatives: readonly ReviewExample<I>[]
}

/** Result of `falsePositivesAndNegatives`. */
export interface FalsePositivesAndNegativesResult<I = unknown> {
  readonly modelName: string
  /** The model's identity (name, SHA-256, version) for the record. */
  readonly model: ModelIdentity
  readonly rows: number
  /** Wrong predictions in total. */
  readonly errors: number
  /** Per class (only `positiveLabel` when given). */
  readonly classes: readonly ClassErrors<I>[]
}

/**
 * Lists false positives and false negatives per class with their most confident examples, for the "review false
 * positives/negatives" step of the production checklist: the wrong answers a reviewer should look at first.
 *
 * @param model - the model
 * @param options - see {@link FalsePositivesAndNegativesOptions}
 * @returns counts and top examples per class
 * @example
 * ```ts
 * const review = await falsePositivesAndNegatives(model, { data: test, classes: ['Adelie', 'Chinstrap', 'Gentoo'] })
 * review.classes[1] // { label: 'Chinstrap', falsePositives: 1, falseNegatives: 0, topFalsePositives: [{ index: 40, confidence: 0.71, ... }], ... }
 * ```
 */
export async function falsePositivesAndNegatives<I>(
  model: Model<I, unknown>,
  options: FalsePositivesAndNegativesOptions<I>,
): Promise<FalsePositivesAndNegativesResult<I>> {
  const { inputs, labels } = checkEvaluationData('falsePositivesAndNegatives', options?.data)
  // Without a `classes` option, the classes the model declares (an ONNX classifier's class labels), if any.
  const modelClasses = options.classes ?? model.classes
  const predictions = await predictAll(
    'falsePositivesAndNegatives',
    model,
    inputs,
    {
      ...(modelClasses === undefined ? {} : { classes: modelClasses }),
      ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
    },
    labels,
  )
  const top = options.maxListed ?? 5
  const wrong: ReviewExample<I>[] = []
  predictions.forEach((prediction, index) => {
    if (prediction.label !== labels[index]) {
      wrong.push({ index, input: inputs[index] as I, label: labels[index] as Label, predicted: prediction.label, confidence: confidenceOf(prediction) })
    }
  })
  const key = (example: ReviewExample<I>): number => (Number.isNaN(example.confidence) ? -1 : example.confidence)
  const byConfidence = (left: ReviewExample<I>, right: ReviewExample<I>): number => key(right) - key(left) || left.index - right.index
  wrong.sort(byConfidence)
  const classList =
    options.positiveLabel === undefined
      ? sortedLabels(
          labels,
          predictions.map((p) => p.label),
        )
      : [options.positiveLabel]
  const classes = classList.map((label) => {
    const falsePositives = wrong.filter((example) => example.predicted === label)
    const falseNegatives = wrong.filter((example) => example.label === label)
    return {
      label,
      falsePositives: falsePositives.length,
      falseNegatives: falseNegatives.length,
      topFalsePositives: falsePositives.slice(0, top),
      topFalseNegatives: falseNegatives.slice(0, top),
    }
  })
  return { modelName: model.identity.name, model: model.identity, rows: inputs.length, errors: wrong.length, classes }
}

function confidenceOf(prediction: Prediction): number {
  if (prediction.probabilities !== undefined) return Math.max(...prediction.probabilities)
  return prediction.score ?? Number.NaN
}

/**
 * A report record for a false-positive/negative review (`review-false-positives-negatives`): counts as metrics and
 * the top examples as the counterexample. It passes unless the error rate exceeds `maxErrorRate`.
 *
 * @param result - from `falsePositivesAndNegatives`
 * @param options - record id and an optional error-rate bar
 * @returns a record to store with `recordCheck`
 * @example
 * ```ts
 * await recordCheck(this, falsePositivesAndNegativesRecord(review, { id: 'review:penguins' }))
 * ```
 */
export function falsePositivesAndNegativesRecord(
  result: FalsePositivesAndNegativesResult,
  options: { readonly id: string; readonly maxErrorRate?: number },
): CheckRecord {
  const errorRate = result.errors / result.rows
  const metrics: Record<string, number> = { errors: result.errors, misclassificationRate: errorRate, rows: result.rows }
  for (const item of result.classes) {
    metrics[`falsePositives:${String(item.label)}`] = item.falsePositives
    metrics[`falseNegatives:${String(item.label)}`] = item.falseNegatives
  }
  return {
    id: options.id,
    kind: 'review',
    title: `false positives and negatives of ${result.modelName} (${result.errors} errors in ${result.rows} rows)`,
    passed: options.maxErrorRate === undefined || errorRate <= options.maxErrorRate,
    severity: 'low',
    checklist: ['review-false-positives-negatives'],
    model: {
      name: result.model.name,
      ...(result.model.sha256 === undefined ? {} : { sha256: result.model.sha256 }),
      ...(result.model.version === undefined ? {} : { version: result.model.version }),
    },
    data: { name: 'evaluation set', rows: result.rows },
    metrics,
    counterexample: toJsonSafe(result.classes.map(({ label, topFalsePositives, topFalseNegatives }) => ({ label, topFalsePositives, topFalseNegatives }))),
  }
}
