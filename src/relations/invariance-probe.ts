import { describeOutputValue } from '../model/describe-output-value.js'
import { missingOutput } from '../model/missing-output.js'
import { describeOutputPlace, outputDifference } from '../model/output-difference.js'
import { outputLabel } from '../model/output-label.js'
import type { CaseProbe, Violation } from '../properties/case-probe.js'
import { VitestMlError } from '../util/errors.js'

/** A row transform: a pure function from a row to the transformed row. */
export type RowTransform<I> = (row: I) => I

/** One invariance case: a base row and the transform applied to it. */
export type InvarianceCase<I> = readonly [row: I, transform: RowTransform<I>]

/** What "unchanged" means. */
export interface InvarianceCriterion {
  /** Largest absolute difference between two numbers of the outputs. Ignored with `label`; strings and labels have none. */
  readonly tolerance: number
  /** Compare predicted classes (a string or boolean label as it is, the argmax of a row of numbers) instead of outputs. */
  readonly label: boolean
}

/**
 * Judges whether two outputs count as unchanged, comparing them by what they are. With `label`, the predicted classes
 * must be equal: labels as the model gives them (`'cat'`, `true`), the argmax of a row of numbers (see
 * {@link outputLabel}). Otherwise numbers must be within `tolerance` and everything else equal exactly: strings,
 * booleans, bigints, array lengths, record keys. A missing or empty output (`undefined`, `null`, `[]`, `{}`) or, with
 * `label`, an output with no readable class (NaN) is a violation, never "unchanged".
 *
 * @param before - output for the base input
 * @param after - output for the transformed input
 * @param criterion - tolerance or label
 * @returns the violation, or `undefined`
 * @example
 * ```ts
 * judgeUnchanged([0.2, 0.8], [0.6, 0.4], { tolerance: 0, label: true }) // { reason: 'label-changed', detail: 'predicted class changed from 1 to 0' }
 * judgeUnchanged('cat', 'dog', { tolerance: 0, label: true }) // { reason: 'label-changed', detail: "predicted class changed from 'cat' to 'dog'" }
 * judgeUnchanged({}, {}, { tolerance: 0, label: false }) // { reason: 'missing-output', detail: 'the base output is empty ({})' }
 * ```
 */
export function judgeUnchanged(before: unknown, after: unknown, criterion: InvarianceCriterion): Violation | undefined {
  for (const [which, output] of [
    ['base', before],
    ['transformed', after],
  ] as const) {
    const missing = missingOutput(output)
    if (missing !== undefined) return { reason: 'missing-output', detail: `the ${which} output is ${missing}` }
  }
  if (criterion.label) {
    const from = outputLabel(before)
    const to = outputLabel(after)
    if (from === undefined || to === undefined) {
      const [which, output] = from === undefined ? ['base', before] : ['transformed', after]
      return { reason: 'no-label', detail: `the ${which} output has no predicted class: ${describeOutputValue(output)}` }
    }
    return from === to
      ? undefined
      : { reason: 'label-changed', detail: `predicted class changed from ${describeOutputValue(from)} to ${describeOutputValue(to)}` }
  }
  const difference = outputDifference(before, after)
  if (difference.mismatch !== undefined) return { reason: 'output-changed', detail: `output changed: ${describeOutputPlace(difference.mismatch)}` }
  return difference.numeric <= criterion.tolerance
    ? undefined
    : { reason: 'output-changed', detail: `output changed by ${difference.numeric} (max abs difference), tolerance ${criterion.tolerance}` }
}

function transformName(transform: RowTransform<unknown>): string {
  if (typeof transform !== 'function') return `a transform that is not a function (${transform === null ? 'null' : typeof transform})`
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
    throw new VitestMlError(
      source,
      `${transformName(transform as RowTransform<unknown>)} to return a row`,
      `an exception: ${(error as Error)?.message ?? String(error)}`,
      'Fix the transform: it gets one input row and returns the transformed copy.',
      { cause: error },
    )
  }
  if (transformed === undefined || transformed === null) {
    throw new VitestMlError(
      source,
      `${transformName(transform as RowTransform<unknown>)} to return a row`,
      String(transformed),
      'Return the transformed row (a copy), not nothing.',
    )
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
