/**
 * Formats a statistic for a drift message: integers as they are, otherwise 4 significant digits, very small values
 * in exponent form (p-values of 1e-300 stay readable).
 *
 * @param value - the number
 * @returns its text
 * @example
 * ```ts
 * num(0.123456) // '0.1235'
 * num(3e-12)    // '3.00e-12'
 * ```
 */
export function num(value: number): string {
  if (Number.isInteger(value) || !Number.isFinite(value)) return String(value)
  return Math.abs(value) >= 1e-4 ? String(Number(value.toPrecision(4))) : value.toExponential(2)
}
