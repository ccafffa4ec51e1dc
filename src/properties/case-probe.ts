/** Why one generated case broke a property. */
export interface Violation {
  /** Short machine-friendly category, for example `out-of-range` or `batch-composition`. */
  readonly reason: string
  /** One sentence with the numbers, for the failure message. */
  readonly detail: string
}

/**
 * How a property talks to the model for one generated case: which inputs to predict (all cases' inputs are predicted
 * together in large batches) and how to judge the outputs.
 *
 * @typeParam C - a generated case (an input row, or a pair such as base row + step)
 * @typeParam I - a model input
 * @typeParam O - a model output
 */
export interface CaseProbe<C, I, O> {
  /** The model inputs this case needs, for example `[row]`, or `[base, transformed]` for a metamorphic relation. */
  inputsOf(testCase: C): readonly I[]
  /** Judges the outputs (same order as `inputsOf`): a violation, or `undefined` when the property holds. */
  judge(testCase: C, outputs: readonly O[]): Violation | undefined
}
