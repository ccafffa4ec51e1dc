import type { CaseProbe, Violation } from '../properties/case-probe.js'
import { maxAbsDifference } from '../properties/outputs-differ.js'
import { argmaxLabel } from './output-selector.js'

/** A row transform: a pure function from a row to the transformed row. */
export type RowTransform<I> = (row: I) => I

/** One invariance case: a base row and the transform applied to it. */
export type InvarianceCase<I> = readonly [row: I, transform: RowTransform<I>]

/** What "unchanged" means. */
export interface InvarianceCriterion {
  /** Largest absolute difference between the two outputs' numbers. Ignored with `label`. */
  readonly tolerance: number
  /** Compare predicted classes (argmax) instead of numbers. */
  readonly label: boolean
}

/**
 * Judges whether two outputs count as unchanged: the predicted class is the same (`label`), or every number is within
 * `tolerance`.
 *
 * @param before - output for the base input
 * @param after - output for the transformed input
 * @param criterion - tolerance or label
 * @returns the violation, or `undefined`
 * @example
 * ```ts
 * judgeUnchanged([0.2, 0.8], [0.6, 0.4], { tolerance: 0, label: true }) // { reason: 'label-changed', detail: 'predicted class changed from 1 to 0' }
 * ```
 */
export function judgeUnchanged(before: unknown, after: unknown, criterion: InvarianceCriterion): Violation | undefined {
  if (criterion.label) {
    const from = argmaxLabel(before)
    const to = argmaxLabel(after)
    return from === to && from >= 0 ? undefined : { reason: 'label-changed', detail: `predicted class changed from ${from} to ${to}` }
  }
  const difference = maxAbsDifference(before, after)
  return difference <= criterion.tolerance ? undefined : { reason: 'output-changed', detail: `output changed by ${difference} (max abs difference), tolerance ${criterion.tolerance}` }
}

/**
 * A probe for invariance: predicts the base row and its transform together and requires the outputs to be unchanged.
 *
 * @param criterion - tolerance or label
 * @returns the probe for the batched property engine
 * @example
 * ```ts
 * const probe = invarianceProbe<number[]>({ tolerance: 1e-3, label: false })
 * probe.inputsOf([[1, 2], (row) => [row[0], 0]]) // [[1, 2], [1, 0]]
 * ```
 */
export function invarianceProbe<I, O>(criterion: InvarianceCriterion): CaseProbe<InvarianceCase<I>, I, O> {
  return {
    inputsOf: ([row, transform]) => [row, transform(row)],
    judge: (_testCase, [before, after]) => judgeUnchanged(before, after, criterion),
  }
}
