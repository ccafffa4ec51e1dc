import { formatNumber as num } from '../util/format-number.js'
import type { DeterminismResult } from './check-determinism.js'

/**
 * Says how many rows of a determinism check failed and how: by a number beyond the tolerance, by a value compared
 * exactly (a string, label, boolean or bigint) or a shape, or by getting no output at all. Numbers-only failures keep
 * the short form.
 *
 * @param result - what `checkDeterminism` found
 * @param tolerance - the tolerance the numbers were held to
 * @param distribution - what the rows were drawn from (see `casesDistribution`)
 * @returns the phrase for the failure message
 * @example
 * ```ts
 * determinismCounts(result, 0) // '50 of 50 rows (violation rate 1) fail: 50 differ in a value compared exactly (string, label, boolean, bigint) or in shape'
 * ```
 */
export function determinismCounts(result: DeterminismResult<unknown>, tolerance: number, distribution?: string): string {
  const under = distribution === undefined ? '' : ` under ${distribution}`
  const rows = `${result.violations} of ${result.numRuns} rows (violation rate ${num(result.violationRate)}${under})`
  const missing = result.reasons['missing-output'] ?? 0
  if (missing === 0 && result.valueMismatches === 0) return `${rows} differ by more than ${num(tolerance)}`
  const byNumber = result.violations - missing - result.valueMismatches
  const parts = [
    byNumber > 0 ? `${byNumber} differ by more than ${num(tolerance)}` : undefined,
    result.valueMismatches > 0 ? `${result.valueMismatches} differ in a value compared exactly (string, label, boolean, bigint) or in shape` : undefined,
    missing > 0 ? `${missing} got no output (undefined, null, [] or {})` : undefined,
  ]
  return `${rows} fail: ${parts.filter((part) => part !== undefined).join(', ')}`
}
