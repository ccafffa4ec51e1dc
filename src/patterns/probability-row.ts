import { outputLeaves } from '../model/output-leaves.js'
import { outputNumbers } from '../model/output-numbers.js'

const PROBABILITY_KEYS = ['probabilities', 'probability', 'scores', 'value'] as const

/**
 * The part of an output a decision is read from: the probability output of a record of named outputs
 * (`probabilities`, `probability`, `scores`, `value`), otherwise the whole output.
 *
 * @param output - one model output
 * @returns that part, as it is
 * @example
 * ```ts
 * decisionOutput({ probabilities: [0.1, 0.9], label: 1n }) // [0.1, 0.9]
 * decisionOutput('cat') // 'cat'
 * ```
 */
export function decisionOutput(output: unknown): unknown {
  if (typeof output === 'object' && output !== null && !Array.isArray(output) && !ArrayBuffer.isView(output)) {
    const record = output as Record<string, unknown>
    for (const key of PROBABILITY_KEYS) if (key in record) return record[key]
  }
  return output
}

/**
 * The numbers a decision is read from: the probability row of a record of named outputs (`probabilities`,
 * `probability`, `scores`, `value`), otherwise every number of the output (strings and holes read as NaN).
 *
 * @param output - one model output
 * @returns its probability row (or its numbers)
 * @example
 * ```ts
 * probabilityRow({ probabilities: [0.1, 0.9], label: 1n }) // [0.1, 0.9]
 * probabilityRow([0.3, 0.7]) // [0.3, 0.7]
 * ```
 */
export function probabilityRow(output: unknown): number[] {
  return outputNumbers(decisionOutput(output))
}

/**
 * Like {@link probabilityRow}, but only when every value there really is a number (bigints and booleans count as their
 * numbers): `undefined` for a string label, a hole (`null`, `undefined`) or a record of labels, so a caller can compare
 * such an output as what it is instead of as NaN.
 *
 * @param output - one model output
 * @returns the numbers, or `undefined` when the decision part holds anything else
 * @example
 * ```ts
 * numericRow([0.3, 0.7]) // [0.3, 0.7]
 * numericRow('cat') // undefined
 * ```
 */
export function numericRow(output: unknown): number[] | undefined {
  const numbers: number[] = []
  for (const { value } of outputLeaves(decisionOutput(output))) {
    if (typeof value === 'number') numbers.push(value)
    else if (typeof value === 'bigint' || typeof value === 'boolean') numbers.push(Number(value))
    else return undefined
  }
  return numbers
}

/**
 * Index of the largest value; the first one wins ties, so the result is deterministic.
 *
 * @param values - a probability row or vote counts
 * @returns the index (0 for an empty row)
 * @example
 * ```ts
 * argmax([0.2, 0.5, 0.5]) // 1
 * ```
 */
export function argmax(values: readonly number[]): number {
  let best = 0
  for (let index = 1; index < values.length; index++) if ((values[index] as number) > (values[best] as number)) best = index
  return best
}
