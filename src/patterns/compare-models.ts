import { checkedPredict } from '../model/checked-predict.js'
import type { Model } from '../model/model.js'
import { type CompareOutputsOptions, compareOutputs } from './compare-outputs.js'

/** Options of `compareModels`. */
export interface CompareModelsOptions extends CompareOutputsOptions {
  /** Public name that starts errors (the matcher using it). @defaultValue 'compareModels' */
  readonly source?: string
}

/** One row on which two models disagree. */
export interface Disagreement {
  /** Position of the row in the compared rows. */
  readonly index: number
  /** The input row. */
  readonly input: unknown
  /** The reference model's answer. */
  readonly reference: unknown
  /** The other model's answer. */
  readonly candidate: unknown
  /** Mean absolute difference of their numbers (0 / 1 for labels, Infinity for a missing answer; see `compareOutputs`). */
  readonly absDiff: number
}

/** What `compareModels` found. */
export interface CompareModelsResult {
  /** Rows compared. */
  readonly rows: number
  /** Fraction of rows on which the two agree. */
  readonly agreement: number
  /** Mean over rows of the mean absolute difference of their numbers. */
  readonly meanAbsDiff: number
  /** Largest per-row mean absolute difference. */
  readonly maxAbsDiff: number
  /** Every disagreeing row, largest difference first. */
  readonly disagreements: readonly Disagreement[]
}

/**
 * Runs two models on the same rows (one batch each, concurrently) and compares every answer with `compareOutputs`:
 * the offline half of a shadow deployment, and the engine of `toAgreeWith`. Answers are compared as what they are
 * (labels as labels); a row where either model answers nothing is a disagreement, and a model that returns more or
 * fewer outputs than rows is an error.
 *
 * @param reference - production, or the model to agree with
 * @param candidate - the other model
 * @param rows - input rows
 * @param options - tolerance for single-number outputs, public name for errors
 * @returns agreement, differences and the disagreeing rows
 * @example
 * ```ts
 * const result = await compareModels(mlp, logreg, testRows)
 * result.agreement // 0.977
 * result.disagreements[0] // { index: 12, input: [...], reference: [...], candidate: [...], absDiff: 0.41 }
 * ```
 */
export async function compareModels<I>(
  reference: Model<I, unknown>,
  candidate: Model<I, unknown>,
  rows: readonly I[],
  options: CompareModelsOptions = {},
): Promise<CompareModelsResult> {
  const source = options.source ?? 'compareModels'
  const [left, right] = await Promise.all([checkedPredict(reference, rows, source), checkedPredict(candidate, rows, source)])
  const disagreements: Disagreement[] = []
  let agreeing = 0
  let totalDiff = 0
  let maxAbsDiff = 0
  rows.forEach((input, index) => {
    const comparison = compareOutputs(left[index], right[index], options)
    totalDiff += comparison.absDiff
    maxAbsDiff = Math.max(maxAbsDiff, comparison.absDiff)
    if (comparison.agree) agreeing++
    else disagreements.push({ index, input, reference: left[index], candidate: right[index], absDiff: comparison.absDiff })
  })
  disagreements.sort((first, second) => second.absDiff - first.absDiff || first.index - second.index)
  return { rows: rows.length, agreement: agreeing / rows.length, meanAbsDiff: totalDiff / rows.length, maxAbsDiff, disagreements }
}
