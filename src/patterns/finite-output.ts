import { outputNumbers } from '../model/output-numbers.js'

/**
 * A strict validity test for numeric models: the answer has at least one number and every number is finite (no NaN,
 * no infinity, no string or null where a number should be). `withFallback` defaults to `isUsableOutput`, which
 * also serves label answers; pass `isValid: isFiniteOutput` to a fallback whose primary must answer numbers only.
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
