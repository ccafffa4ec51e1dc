import { checkPValues, type MultipleTestingOptions, type MultipleTestingResult } from './multiple-testing.js'

/**
 * Bonferroni correction, as `statsmodels.stats.multitest.multipletests(p, alpha, method='bonferroni')`:
 * adjusted p = min(1, m p); reject when p <= alpha / m. Controls the family-wise error rate under any dependence.
 * An empty list gives empty results; p-values outside [0, 1] (including NaN) throw `VitestMlError`.
 *
 * @param pValues - one p-value per hypothesis
 * @param options - `alpha` (0.05)
 * @returns adjusted p-values and rejections, in input order
 * @example
 * ```ts
 * bonferroni([0.01, 0.04, 0.03]) // -> { adjusted: [0.03, 0.12, 0.09], rejected: [true, false, false], alpha: 0.05 }
 * ```
 */
export function bonferroni(pValues: ArrayLike<number>, options: MultipleTestingOptions = {}): MultipleTestingResult {
  const alpha = checkPValues('bonferroni', pValues, options)
  const m = pValues.length
  const adjusted: number[] = []
  const rejected: boolean[] = []
  for (let i = 0; i < m; i++) {
    const p = pValues[i] as number
    adjusted.push(Math.min(1, p * m))
    rejected.push(p <= alpha / m)
  }
  return { adjusted, rejected, alpha }
}
