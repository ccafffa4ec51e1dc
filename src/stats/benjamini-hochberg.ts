import { checkPValues, type MultipleTestingOptions, type MultipleTestingResult } from './multiple-testing.js'

/**
 * Benjamini-Hochberg step-up procedure, as `statsmodels.stats.multitest.multipletests(p, alpha, method='fdr_bh')`:
 * with p-values sorted ascending, reject the k smallest where k is the largest rank with p_(k) <= k alpha / m;
 * adjusted p_(i) = min over j >= i of m p_(j) / j, capped at 1. Controls the false discovery rate for independent or
 * positively dependent tests (use it across many drift features). An empty list gives empty results; p-values
 * outside [0, 1] (including NaN) throw `VitestMlError`.
 *
 * @param pValues - one p-value per hypothesis
 * @param options - `alpha` (0.05)
 * @returns adjusted p-values and rejections, in input order
 * @example
 * ```ts
 * benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.5])
 * // -> { adjusted: [0.025, 0.05, 0.05, 0.025, 0.5], rejected: [true, true, true, true, false], alpha: 0.05 }
 * ```
 */
export function benjaminiHochberg(pValues: ArrayLike<number>, options: MultipleTestingOptions = {}): MultipleTestingResult {
  const alpha = checkPValues('benjaminiHochberg', pValues, options)
  const m = pValues.length
  const order = Array.from({ length: m }, (_, i) => i).sort((x, y) => (pValues[x] as number) - (pValues[y] as number) || x - y)
  const adjusted = new Array<number>(m).fill(1)
  const rejected = new Array<boolean>(m).fill(false)
  let lastRejected = -1
  for (let rank = 0; rank < m; rank++) {
    if ((pValues[order[rank] as number] as number) <= ((rank + 1) / m) * alpha) lastRejected = rank
  }
  let running = Number.POSITIVE_INFINITY
  for (let rank = m - 1; rank >= 0; rank--) {
    const index = order[rank] as number
    running = Math.min(running, ((pValues[index] as number) * m) / (rank + 1))
    adjusted[index] = Math.min(1, running)
    rejected[index] = rank <= lastRejected
  }
  return { adjusted, rejected, alpha }
}
