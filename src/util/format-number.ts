/**
 * Formats a rate or statistic for a sentence: whole numbers as they are, otherwise up to 4 significant digits
 * (exponent notation below 1e-4), so failure messages and summaries print numbers the same way everywhere.
 *
 * @param value - the number
 * @returns the text
 * @example
 * ```ts
 * formatNumber(0.031234) // '0.03123'
 * formatNumber(1.2e-141) // '1.20e-141'
 * ```
 */
export function formatNumber(value: number): string {
  if (Number.isInteger(value) || !Number.isFinite(value)) return String(value)
  return Math.abs(value) >= 1e-4 ? String(Number(value.toPrecision(4))) : value.toExponential(2)
}
