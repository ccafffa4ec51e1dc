import { highlightTextChange } from '../arbitraries/text/highlight-text-change.js'
import { isTextPerturbation } from '../arbitraries/text/text-perturbation.js'

/** The text parts of a transform relation's counterexample. */
export interface TextChangeRecord {
  /** The change highlighted word by word, in git's word-diff notation (`The mic is {+not +}great.`). */
  readonly change?: string
  /** The edits a vitest-ml text perturbation made, one phrase each. */
  readonly edits?: string[]
}

/**
 * For text inputs, what a counterexample shows beside the two inputs: the change highlighted word by word and, for
 * vitest-ml's text perturbations, the edits they made. Empty for inputs that are not text.
 *
 * @param transform - the case's transform
 * @param base - the base input
 * @param transformed - the transformed input
 * @returns `{ change, edits }`, or `{}`
 * @example
 * ```ts
 * textChange(negate, 'The mic is great.', 'The mic is not great.')
 * // { change: 'The mic is {+not +}great.', edits: ['negation added: "The mic is great" -> "The mic is not great"'] }
 * ```
 */
export function textChange(transform: unknown, base: unknown, transformed: unknown): TextChangeRecord {
  const change = highlightTextChange(base, transformed)
  if (change === undefined) return {}
  const edits = isTextPerturbation(transform) && typeof base === 'string' ? transform.explain(base).edits.map((edit) => edit.description) : undefined
  return { change, ...(edits === undefined || edits.length === 0 ? {} : { edits }) }
}
