import { argmax, probabilityRow } from './probability-row.js'

/** Options of {@link compareOutputs}. */
export interface CompareOutputsOptions {
  /** Largest absolute difference at which two single-number outputs still agree. @defaultValue 0 */
  readonly tolerance?: number
}

/** How two answers to the same input compare. */
export interface OutputComparison {
  /** Same decision: same argmax for rows of several numbers, within `tolerance` for single numbers. */
  readonly agree: boolean
  /** Mean absolute difference over the numbers of the two outputs (Infinity when their sizes differ). */
  readonly absDiff: number
}

/**
 * Compares two models' answers to one input: a probability row (or record of named outputs such as
 * `{ probabilities, label }`) agrees when its argmax is the same, a single number when it is within `tolerance`;
 * `absDiff` measures how far apart the numbers are either way.
 *
 * @param reference - the production (or reference) answer
 * @param candidate - the other model's answer
 * @param options - tolerance for single numbers
 * @returns agreement and mean absolute difference
 * @example
 * ```ts
 * compareOutputs([0.7, 0.2, 0.1], [0.5, 0.4, 0.1]) // { agree: true, absDiff: 0.1333 }
 * compareOutputs([0.7], [0.4], { tolerance: 0.1 }) // { agree: false, absDiff: 0.3 }
 * ```
 */
export function compareOutputs(reference: unknown, candidate: unknown, options: CompareOutputsOptions = {}): OutputComparison {
  const left = probabilityRow(reference)
  const right = probabilityRow(candidate)
  if (left.length !== right.length || left.length === 0) return { agree: false, absDiff: Number.POSITIVE_INFINITY }
  let total = 0
  for (let index = 0; index < left.length; index++) total += Math.abs((left[index] as number) - (right[index] as number))
  const absDiff = total / left.length
  if (left.length === 1) return { agree: absDiff <= (options.tolerance ?? 0), absDiff }
  return { agree: argmax(left) === argmax(right), absDiff }
}
