import { VitestMlError } from '../../util/errors.js'
import { describeValue, type Label } from '../labels.js'
import { confusionMatrix } from './confusion-matrix.js'

/** How per-class scores are combined (scikit-learn's `average`). */
export type ClassAverage = 'binary' | 'macro' | 'micro' | 'weighted'

/** Options of {@link precisionRecallF1}, {@link precision}, {@link recall} and {@link f1Score}. */
export interface PrecisionRecallF1Options {
  /**
   * How to combine classes: `binary` reports `positiveLabel` only; `macro` is the unweighted class mean, `weighted` the
   * support-weighted mean, `micro` pools all decisions (equal to accuracy when every class is counted).
   * @defaultValue `'macro'`
   */
  readonly average?: ClassAverage
  /**
   * The positive class for `average: 'binary'`.
   * @defaultValue `1`
   */
  readonly positiveLabel?: Label
  /**
   * Classes to include.
   * @defaultValue the sorted distinct labels of `yTrue` and `yPred`
   */
  readonly labels?: readonly Label[]
  /**
   * Value used when a ratio has a zero denominator (no predicted or no true rows of a class).
   * @defaultValue `0`
   */
  readonly zeroDivision?: 0 | 1
}

/** Scores of one class. */
export interface ClassScores {
  readonly label: Label
  readonly precision: number
  readonly recall: number
  readonly f1: number
  /** Number of rows whose true label is this class. */
  readonly support: number
}

/** Result of {@link precisionRecallF1}. */
export interface PrecisionRecallF1Result {
  /** Averaged precision (per `average`). */
  readonly precision: number
  /** Averaged recall. */
  readonly recall: number
  /** Averaged F1. */
  readonly f1: number
  /** Every class, in label order. */
  readonly perClass: readonly ClassScores[]
}

/**
 * Precision, recall and F1, per class and averaged, as `sklearn.metrics.precision_recall_fscore_support`.
 *
 * @param yTrue - true labels
 * @param yPred - predicted labels
 * @param options - see {@link PrecisionRecallF1Options}
 * @returns averaged and per-class scores
 * @example
 * ```ts
 * precisionRecallF1([0, 1, 1, 2], [0, 1, 2, 2], { average: 'macro' }) // { precision: 0.833, recall: 0.833, f1: 0.778, perClass: [...] }
 * ```
 */
export function precisionRecallF1(yTrue: readonly Label[], yPred: readonly Label[], options: PrecisionRecallF1Options = {}): PrecisionRecallF1Result {
  const average = options.average ?? 'macro'
  const zero = options.zeroDivision ?? 0
  const { labels, matrix } = confusionMatrix(yTrue, yPred, options.labels === undefined ? {} : { labels: options.labels })
  const ratio = (numerator: number, denominator: number): number => (denominator === 0 ? zero : numerator / denominator)
  const fScore = (tp: number, fp: number, fn: number): number => ratio(2 * tp, 2 * tp + fp + fn)
  const counts = labels.map((_, k) => {
    const tp = (matrix[k] as readonly number[])[k] as number
    const predicted = matrix.reduce((sum, row) => sum + (row[k] as number), 0)
    const support = (matrix[k] as readonly number[]).reduce((sum, value) => sum + value, 0)
    return { tp, fp: predicted - tp, fn: support - tp, support }
  })
  const perClass = counts.map(({ tp, fp, fn, support }, k) => ({
    label: labels[k] as Label,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    f1: fScore(tp, fp, fn),
    support,
  }))
  if (average === 'binary') {
    const positive = options.positiveLabel ?? 1
    const found = perClass.find((scores) => scores.label === positive)
    if (found === undefined || labels.length > 2) {
      throw new VitestMlError(
        'precisionRecallF1',
        `binary labels including the positive label ${describeValue(positive)}`,
        `labels ${labels.map(describeValue).join(', ')}`,
        "Set `positiveLabel`, or use `average: 'macro'` for more than two classes.",
      )
    }
    return { precision: found.precision, recall: found.recall, f1: found.f1, perClass }
  }
  if (average === 'micro') {
    const tp = counts.reduce((sum, c) => sum + c.tp, 0)
    const fp = counts.reduce((sum, c) => sum + c.fp, 0)
    const fn = counts.reduce((sum, c) => sum + c.fn, 0)
    return { precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn), f1: fScore(tp, fp, fn), perClass }
  }
  const totalSupport = counts.reduce((sum, c) => sum + c.support, 0)
  const weights = perClass.map((scores) => (average === 'weighted' ? ratio(scores.support, totalSupport) : 1 / perClass.length))
  const mean = (key: 'precision' | 'recall' | 'f1'): number => perClass.reduce((sum, scores, k) => sum + scores[key] * (weights[k] as number), 0)
  return { precision: mean('precision'), recall: mean('recall'), f1: mean('f1'), perClass }
}

/**
 * Precision (`sklearn.metrics.precision_score`): of the rows predicted as a class, the fraction that are that class.
 *
 * @param yTrue - true labels
 * @param yPred - predicted labels
 * @param options - see {@link PrecisionRecallF1Options}
 * @returns the averaged precision
 * @example
 * ```ts
 * precision([0, 1, 1, 0], [1, 1, 1, 0], { average: 'binary' }) // 0.667
 * ```
 */
export function precision(yTrue: readonly Label[], yPred: readonly Label[], options: PrecisionRecallF1Options = {}): number {
  return precisionRecallF1(yTrue, yPred, options).precision
}

/**
 * Recall (`sklearn.metrics.recall_score`): of the rows of a class, the fraction predicted as that class.
 *
 * @param yTrue - true labels
 * @param yPred - predicted labels
 * @param options - see {@link PrecisionRecallF1Options}
 * @returns the averaged recall
 * @example
 * ```ts
 * recall([0, 1, 1, 0], [1, 1, 0, 0], { average: 'binary' }) // 0.5
 * ```
 */
export function recall(yTrue: readonly Label[], yPred: readonly Label[], options: PrecisionRecallF1Options = {}): number {
  return precisionRecallF1(yTrue, yPred, options).recall
}

/**
 * F1 score (`sklearn.metrics.f1_score`): the harmonic mean of precision and recall.
 *
 * @param yTrue - true labels
 * @param yPred - predicted labels
 * @param options - see {@link PrecisionRecallF1Options}
 * @returns the averaged F1
 * @example
 * ```ts
 * f1Score([0, 1, 1, 0], [1, 1, 0, 0], { average: 'binary' }) // 0.5
 * ```
 */
export function f1Score(yTrue: readonly Label[], yPred: readonly Label[], options: PrecisionRecallF1Options = {}): number {
  return precisionRecallF1(yTrue, yPred, options).f1
}
