import type gammalnFunction from '@stdlib/math-base-special-gammaln'
import { lazyRequire } from '../util/lazy-require.js'

/** `@stdlib/math-base-special-gammaln`, loaded on first use (see `lazyRequire`). */
const gammaln = (...args: Parameters<typeof gammalnFunction>): ReturnType<typeof gammalnFunction> => gammalnModule()(...args)
const gammalnModule = lazyRequire<typeof gammalnFunction>('@stdlib/math-base-special-gammaln')

/**
 * Modified Bessel function of the second kind K_nu(x) for x > 0, from its integral representation
 * K_nu(x) = int_0^inf exp(-x cosh t) cosh(nu t) dt, by the trapezoidal rule with step 0.1 (the integrand is analytic
 * in a strip of half-width pi/2, so the error is below exp(-pi^2 / 0.1), far under double precision). Hand-written
 * because no maintained npm package offers K for fractional order; only K_{1/4} is needed here.
 */
function besselK(nu: number, x: number): number {
  const h = 0.1
  let sum = 0.5 * Math.exp(-x)
  for (let k = 1; ; k++) {
    const t = k * h
    const term = Math.exp(-x * Math.cosh(t)) * Math.cosh(nu * t)
    sum += term
    if (term < 1e-18 * sum || term === 0) break
  }
  return sum * h
}

/**
 * CDF of the limiting Cramér-von Mises distribution, a port of scipy's `_cdf_cvm_inf` (Csörgő and Faraway 1996,
 * eq. 1.2), adding series terms until one is below 1e-7 exactly as scipy does.
 *
 * @param x - the (normalized) statistic, > 0
 * @returns Pr(T_inf <= x)
 * @example
 * ```ts
 * cramerVonMisesLimitCdf(0.461) // -> 0.95 (approximately)
 * ```
 */
export function cramerVonMisesLimitCdf(x: number): number {
  let total = 0
  for (let k = 0; ; k++) {
    const u = Math.exp(gammaln(k + 0.5) - gammaln(k + 1)) / (Math.PI ** 1.5 * Math.sqrt(x))
    const y = 4 * k + 1
    const q = (y * y) / (16 * x)
    const term = u * Math.sqrt(y) * Math.exp(-q) * besselK(0.25, q)
    total += term
    if (!(Math.abs(term) >= 1e-7)) break
  }
  return total
}

/**
 * Exact p-value of the two-sample Cramér-von Mises statistic U for sample sizes m and n, a port of scipy's
 * `_pval_cvm_2samp_exact` (Xiao, Gordon and Yakovlev 2006 recursion over the frequency tables of partial sums).
 *
 * @param s - the U statistic (eq. 10 of Anderson 1962)
 * @param m - size of the first sample
 * @param n - size of the second sample
 * @returns Pr(U >= s)
 * @example
 * ```ts
 * cramerVonMisesExactPValue(214, 8, 10) // -> a p-value in [0, 1]
 * ```
 */
export function cramerVonMisesExactPValue(s: number, m: number, n: number): number {
  let g = m
  let r = n
  while (r !== 0) [g, r] = [r, g % r]
  const lcm = (m / g) * n
  const a = lcm / m
  const b = lcm / n
  const mn = m * n
  const zeta = Math.floor((lcm ** 2 * (m + n) * (6 * s - mn * (4 * mn - 1))) / (6 * mn ** 2))
  let gs: Array<Map<number, number>> = [new Map([[0, 1]])]
  for (let v = 1; v <= m; v++) gs.push(new Map())
  for (let u = 0; u <= n; u++) {
    const next: Array<Map<number, number>> = []
    let tmp = new Map<number, number>()
    for (let v = 0; v <= m; v++) {
      // merge this column's table into the running one, then shift every value by (a v - b u)^2
      const res = (a * v - b * u) ** 2
      const shifted = new Map<number, number>()
      for (const [value, freq] of tmp) shifted.set(value + res, freq)
      for (const [value, freq] of gs[v] as Map<number, number>) shifted.set(value + res, (shifted.get(value + res) ?? 0) + freq)
      tmp = shifted
      next.push(shifted)
    }
    gs = next
  }
  let combinations = 1
  for (let i = 1; i <= m; i++) combinations = (combinations * (n + i)) / i
  let tail = 0
  for (const [value, freq] of gs[m] as Map<number, number>) if (value >= zeta) tail += freq
  return tail / Math.round(combinations)
}
