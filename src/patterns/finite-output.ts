import { outputNumbers } from '../model/output-numbers.js'

/**
 * The default validity test of a model answer: it has at least one number and every number is finite (no NaN, no
 * infinity, no string or null where a number should be).
 *
 * @param output - one model output
 * @returns whether the answer can be served
 * @example
 * ```ts
 * isFiniteOutput([0.2, 0.8]) // true
 * isFiniteOutput({ probabilities: [NaN, NaN], label: 0 }) // false
 * ```
 */
export function isFiniteOutput(output: unknown): boolean {
  const numbers = outputNumbers(output)
  return numbers.length > 0 && numbers.every((value) => Number.isFinite(value))
}
