import { missingOutput } from '../model/missing-output.js'
import { outputLabel } from '../model/output-label.js'
import { argmax, numericRow } from './probability-row.js'

/** Options of `compareOutputs`. */
export interface CompareOutputsOptions {
  /** Largest absolute difference at which two single-number outputs still agree. @defaultValue 0 */
  readonly tolerance?: number
}

/** How two answers to the same input compare. */
export interface OutputComparison {
  /** Same decision: same argmax for rows of several numbers, within `tolerance` for single numbers, the same label otherwise. */
  readonly agree: boolean
  /**
   * Mean absolute difference over the numbers of the two outputs; for labels (strings, booleans) 0 when they are the
   * same and 1 when not; Infinity when their sizes differ or either answer is missing or empty.
   */
  readonly absDiff: number
}

/**
 * Compares two models' answers to one input, each read as what it is: a probability row (or record of named outputs
 * such as `{ probabilities, label }`) agrees when its argmax is the same, a single number when it is within
 * `tolerance`, a label (`'cat'`, `true`, `{ label: 'cat' }`) when it is the same label. A missing or empty answer
 * (`undefined`, `null`, `[]`, `{}`) never agrees, not even with another missing one.
 *
 * @param reference - the production (or reference) answer
 * @param candidate - the other model's answer
 * @param options - tolerance for single numbers
 * @returns agreement and mean absolute difference
 * @example
 * ```ts
 * compareOutputs([0.7, 0.2, 0.1], [0.5, 0.4, 0.1]) // { agree: true, absDiff: 0.1333 }
 * compareOutputs([0.7], [0.4], { tolerance: 0.1 }) // { agree: false, absDiff: 0.3 }
 * compareOutputs('cat', 'dog') // { agree: false, absDiff: 1 }
 * ```
 */
export function compareOutputs(reference: unknown, candidate: unknown, options: CompareOutputsOptions = {}): OutputComparison {
  if (missingOutput(reference) !== undefined || missingOutput(candidate) !== undefined) return { agree: false, absDiff: Number.POSITIVE_INFINITY }
  const left = numericRow(reference)
  const right = numericRow(candidate)
  if (left === undefined || right === undefined) {
    const label = outputLabel(reference)
    const agree = label !== undefined && label === outputLabel(candidate)
    return { agree, absDiff: agree ? 0 : 1 }
  }
  if (left.length !== right.length || left.length === 0) return { agree: false, absDiff: Number.POSITIVE_INFINITY }
  let total = 0
  for (let index = 0; index < left.length; index++) total += Math.abs((left[index] as number) - (right[index] as number))
  const absDiff = total / left.length
  if (left.length === 1) return { agree: absDiff <= (options.tolerance ?? 0), absDiff }
  return { agree: argmax(left) === argmax(right), absDiff }
}
