import type gammalnFunction from '@stdlib/math-base-special-gammaln'
import { lazyRequire } from '../util/lazy-require.js'

/** `@stdlib/math-base-special-gammaln`, loaded on first use (see `lazyRequire`). */
const gammaln = (...args: Parameters<typeof gammalnFunction>): ReturnType<typeof gammalnFunction> => gammalnModule()(...args)
const gammalnModule = lazyRequire<typeof gammalnFunction>('@stdlib/math-base-special-gammaln')

/**
 * Exact null distribution of the two-sample Kolmogorov-Smirnov statistic, ported from scipy's `ks_2samp`
 * (`_attempt_exact_2kssamp`, `_compute_prob_outside_square`, `_compute_outer_prob_inside_method`,
 * `_count_paths_outside_method`; Hodges 1958 lattice-path counting, Viehmann 2021 recursion for the complement).
 * Hand-written because no npm package has the exact two-sample Smirnov distribution.
 */

/** scipy.special.binom for non-negative integers: a product for small k, the beta function otherwise. */
function binomial(n: number, k: number): number {
  let kk = k
  if (kk > n / 2 && n > 0) kk = n - kk
  if (kk < 0) return 0
  if (kk < 20) {
    let num = 1
    let den = 1
    for (let i = 1; i <= kk; i++) {
      num *= i + n - kk
      den *= i
      if (Math.abs(num) > 1e50) {
        num /= den
        den = 1
      }
    }
    return num / den
  }
  return Math.exp(gammaln(n + 1) - gammaln(kk + 1) - gammaln(n - kk + 1))
}

/** Pr(D_{n,n} >= h/n), both sides. */
function probOutsideSquare(n: number, h: number): number {
  let p = 0
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let p1 = 1
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1)
    p = p1 * (1 - p)
  }
  return 2 * p
}

/** Proportion of lattice paths that leave the band |x/m - y/n| < h / lcm(m, n). */
function outerProbInside(m0: number, n0: number, g: number, h: number): number {
  const m = Math.max(m0, n0)
  const n = Math.min(m0, n0)
  const mg = m / g
  const ng = n / g
  let minj = 0
  let maxj = Math.min(Math.ceil(h / mg), n + 1)
  let curlen = maxj - minj
  const lenA = Math.min(2 * maxj + 2, n + 1)
  const values = new Float64Array(lenA).fill(1)
  values.fill(0, minj, maxj)
  for (let i = 1; i <= m; i++) {
    const lastminj = minj
    const lastlen = curlen
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n)
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1)
    if (maxj <= minj) return 1
    let val = minj === 0 ? 0 : 1
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj
      val = ((values[jj + minj - lastminj] as number) * i + val * j) / (i + j)
      values[jj] = val
    }
    curlen = maxj - minj
    if (lastlen > curlen) values.fill(1, maxj - minj, maxj - minj + (lastlen - curlen))
  }
  return values[maxj - minj - 1] as number
}

/** Number of lattice paths that go below the diagonal by h (one-sided, m != n). */
function countPathsOutside(m0: number, n0: number, g: number, h: number): number {
  const m = Math.max(m0, n0)
  const n = Math.min(m0, n0)
  const mg = m / g
  const ng = n / g
  const lxj = n + Math.floor((mg - h) / mg)
  if (lxj <= 0) return binomial(m + n, n)
  const xj = new Float64Array(lxj)
  for (let j = 0; j < lxj; j++) xj[j] = Math.floor((h + mg * j + ng - 1) / ng)
  const b = new Float64Array(lxj)
  b[0] = 1
  for (let j = 1; j < lxj; j++) {
    const xjj = xj[j] as number
    let bj = binomial(xjj + j, j)
    for (let i = 0; i < j; i++) bj -= binomial(xjj - (xj[i] as number) + j - i, j - i) * (b[i] as number)
    b[j] = bj
  }
  let paths = 0
  for (let j = 0; j < lxj; j++) paths += (b[j] as number) * binomial(m - (xj[j] as number) + (n - j), n - j)
  return paths
}

/** The outcome of an exact attempt: the statistic snapped to the lattice, and the p-value or `undefined`. */
export interface KsExactOutcome {
  readonly statistic: number
  readonly pValue: number | undefined
}

/**
 * Exact p-value of the two-sample KS statistic `d` for sample sizes `n1`, `n2`, as scipy's `_attempt_exact_2kssamp`.
 * Returns `pValue: undefined` when the computation overflows (scipy then falls back to the asymptotic distribution).
 *
 * @param n1 - size of the first sample
 * @param n2 - size of the second sample
 * @param d - the observed statistic
 * @param alternative - `two-sided`, `less` or `greater`
 * @returns the statistic rounded to a multiple of 1/lcm(n1, n2) and its exact p-value
 * @example
 * ```ts
 * ksExactProbability(5, 5, 0.6, 'two-sided') // -> { statistic: 0.6, pValue: 0.3571... }
 * ```
 */
export function ksExactProbability(n1: number, n2: number, d: number, alternative: string): KsExactOutcome {
  const g = gcd(n1, n2)
  const lcm = (n1 / g) * n2
  const h = roundHalfEven(d * lcm)
  const statistic = h / lcm
  if (h === 0) return { statistic, pValue: 1 }
  let prob: number
  if (alternative === 'two-sided') {
    prob = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInside(n1, n2, g, h)
  } else if (n1 === n2) {
    prob = 1
    for (let j = 0; j < h; j++) prob *= (n1 - j) / (n1 + j + 1)
  } else {
    const paths = countPathsOutside(n1, n2, g, h)
    const total = binomial(n1 + n2, n1)
    if (!Number.isFinite(paths) || !Number.isFinite(total) || paths > total) return { statistic, pValue: undefined }
    prob = paths / total
  }
  if (!(prob >= 0 && prob <= 1)) return { statistic, pValue: undefined }
  return { statistic, pValue: prob }
}

/** Greatest common divisor of two positive integers. */
export function gcd(x: number, y: number): number {
  let p = x
  let q = y
  while (q !== 0) [p, q] = [q, p % q]
  return p
}

function roundHalfEven(value: number): number {
  const r = Math.round(value)
  return Math.abs(value % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r
}
