import { VitestMlError } from '../errors.js'
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

function transformName(transform: RowTransform<unknown>): string {
  const label = (transform as { label?: unknown }).label
  const name = typeof label === 'string' ? label : transform.name
  return name === '' ? 'the transform' : `the transform ${name}`
}

/**
 * Applies a transform to a row; a transform that throws or returns nothing is a usage error that names the transform,
 * rather than a bad row handed to the model (which would then be blamed).
 *
 * @param transform - the row transform
 * @param row - the base row
 * @param source - public name for errors
 * @returns the transformed row
 * @example
 * ```ts
 * transformRow((row: number[]) => [row[0], 0], [1, 2], 'toBeInvariantUnder') // [1, 0]
 * ```
 */
export function transformRow<I>(transform: RowTransform<I>, row: I, source: string): I {
  let transformed: I
  try {
    transformed = transform(row)
  } catch (error) {
    throw new VitestMlError(source, `${transformName(transform as RowTransform<unknown>)} to return a row`, `an exception: ${(error as Error)?.message ?? String(error)}`, 'Fix the transform: it gets one input row and returns the transformed copy.', { cause: error })
  }
  if (transformed === undefined || transformed === null) {
    throw new VitestMlError(source, `${transformName(transform as RowTransform<unknown>)} to return a row`, String(transformed), 'Return the transformed row (a copy), not nothing.')
  }
  return transformed
}

/**
 * A probe for invariance: predicts the base row and its transform together and requires the outputs to be unchanged.
 *
 * @param criterion - tolerance or label
 * @param source - public name for errors @defaultValue 'toBeInvariantUnder'
 * @returns the probe for the batched property engine
 * @example
 * ```ts
 * const probe = invarianceProbe<number[]>({ tolerance: 1e-3, label: false })
 * probe.inputsOf([[1, 2], (row) => [row[0], 0]]) // [[1, 2], [1, 0]]
 * ```
 */
export function invarianceProbe<I, O>(criterion: InvarianceCriterion, source = 'toBeInvariantUnder'): CaseProbe<InvarianceCase<I>, I, O> {
  return {
    inputsOf: ([row, transform]) => [row, transformRow(transform, row, source)],
    judge: (_testCase, [before, after]) => judgeUnchanged(before, after, criterion),
  }
}
