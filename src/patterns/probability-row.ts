import { outputNumbers } from '../model/output-numbers.js'

/**
 * The numbers a decision is read from: the probability row of a record of named outputs (`probabilities`,
 * `probability`, `scores`, `value`), otherwise every number of the output.
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
  if (typeof output === 'object' && output !== null && !Array.isArray(output) && !ArrayBuffer.isView(output)) {
    const record = output as Record<string, unknown>
    for (const key of ['probabilities', 'probability', 'scores', 'value']) if (key in record) return outputNumbers(record[key])
  }
  return outputNumbers(output)
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
