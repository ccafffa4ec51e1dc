import { outputNumbers } from '../model/output-numbers.js'

/**
 * The largest absolute difference between two outputs' numbers (NaN equals NaN; a length mismatch is Infinity).
 *
 * @param reference - one output
 * @param current - the output to compare
 * @returns 0 for identical outputs
 * @example
 * ```ts
 * maxAbsDifference([0.2, 0.8], [0.25, 0.75]) // 0.05
 * ```
 */
export function maxAbsDifference(reference: unknown, current: unknown): number {
  const left = outputNumbers(reference)
  const right = outputNumbers(current)
  if (left.length !== right.length) return Number.POSITIVE_INFINITY
  let worst = 0
  for (let j = 0; j < left.length; j++) {
    const l = left[j] as number
    const r = right[j] as number
    if (Number.isNaN(l) && Number.isNaN(r)) continue
    const diff = Math.abs(l - r)
    if (Number.isNaN(diff)) return Number.POSITIVE_INFINITY
    if (diff > worst) worst = diff
  }
  return worst
}
