import { outputDifference } from '../model/output-difference.js'

/**
 * The largest absolute difference between two outputs' numbers, comparing the outputs by what they are: numbers at the
 * same place by absolute difference (NaN equals NaN, NaN against a number is Infinity), and anything else exactly. A
 * different string, label, boolean or bigint, a different kind of value, or a different shape (length, keys) is
 * Infinity: no tolerance makes `'cat'` equal `'dog'`.
 *
 * @param reference - one output
 * @param current - the output to compare
 * @returns 0 for identical outputs
 * @example
 * ```ts
 * maxAbsDifference([0.2, 0.8], [0.25, 0.75]) // 0.05
 * maxAbsDifference('cat', 'dog') // Infinity
 * maxAbsDifference({ label: 'cat' }, { label: 'cat' }) // 0
 * ```
 */
export function maxAbsDifference(reference: unknown, current: unknown): number {
  const difference = outputDifference(reference, current)
  return difference.mismatch === undefined ? difference.numeric : Number.POSITIVE_INFINITY
}
