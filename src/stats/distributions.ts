import type betaincFunction from '@stdlib/math-base-special-betainc'
import type erfcFunction from '@stdlib/math-base-special-erfc'
import type gammaincFunction from '@stdlib/math-base-special-gammainc'
import type normalQuantileFunction from '@stdlib/stats-base-dists-normal-quantile'
import { lazyRequire } from '../util/lazy-require.js'

/** `@stdlib/math-base-special-betainc`, loaded on first use (see `lazyRequire`). */
const betainc = (...args: Parameters<typeof betaincFunction>): ReturnType<typeof betaincFunction> => betaincModule()(...args)
const betaincModule = lazyRequire<typeof betaincFunction>('@stdlib/math-base-special-betainc')
/** `@stdlib/math-base-special-erfc`, loaded on first use (see `lazyRequire`). */
const erfc = (...args: Parameters<typeof erfcFunction>): ReturnType<typeof erfcFunction> => erfcModule()(...args)
const erfcModule = lazyRequire<typeof erfcFunction>('@stdlib/math-base-special-erfc')
/** `@stdlib/math-base-special-gammainc`, loaded on first use (see `lazyRequire`). */
const gammainc = (...args: Parameters<typeof gammaincFunction>): ReturnType<typeof gammaincFunction> => gammaincModule()(...args)
const gammaincModule = lazyRequire<typeof gammaincFunction>('@stdlib/math-base-special-gammainc')
/** `@stdlib/stats-base-dists-normal-quantile`, loaded on first use (see `lazyRequire`). */
const normalQuantile = (...args: Parameters<typeof normalQuantileFunction>): ReturnType<typeof normalQuantileFunction> => normalQuantileModule()(...args)
const normalQuantileModule = lazyRequire<typeof normalQuantileFunction>('@stdlib/stats-base-dists-normal-quantile')

/**
 * The tail probabilities the tests need, built on the `@stdlib` special functions (regularized incomplete gamma and
 * beta, erfc, the normal quantile) rather than hand-written: those packages are well kept and tested against
 * Boost/Cephes. Upper tails are computed directly (not as `1 - cdf`) so that tiny p-values keep their precision.
 */

/**
 * Chi-square survival function `Pr(X > x)` with `dof` degrees of freedom (scipy.stats.chi2.sf).
 *
 * @param x - the statistic
 * @param dof - degrees of freedom, > 0
 * @returns the upper-tail probability
 * @example
 * ```ts
 * chiSquareSf(3.84, 1) // -> 0.05004...
 * ```
 */
export function chiSquareSf(x: number, dof: number): number {
  if (x <= 0) return 1
  if (x === Number.POSITIVE_INFINITY) return 0
  return gammainc(x / 2, dof / 2, true, true)
}

/**
 * Standard normal survival function `Pr(Z > z)` (scipy.stats.norm.sf).
 *
 * @param z - the standardized statistic
 * @returns the upper-tail probability
 * @example
 * ```ts
 * normalSf(1.96) // -> 0.02499...
 * ```
 */
export function normalSf(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2)
}

/**
 * Standard normal quantile (scipy.stats.norm.ppf).
 *
 * @param p - probability in (0, 1)
 * @returns z with `Pr(Z <= z) = p`
 * @example
 * ```ts
 * normalQuantileStandard(0.975) // -> 1.95996...
 * ```
 */
export function normalQuantileStandard(p: number): number {
  return normalQuantile(p, 0, 1)
}

/**
 * Student t survival function `Pr(T > t)` with `df` degrees of freedom (scipy.stats.t.sf), via the regularized
 * incomplete beta function: `Pr(|T| > |t|) = I_{df / (df + t^2)}(df / 2, 1 / 2)`.
 *
 * @param t - the statistic
 * @param df - degrees of freedom, > 0 (may be fractional, as in Welch's test)
 * @returns the upper-tail probability
 * @example
 * ```ts
 * studentTSf(2.0, 10) // -> 0.03669...
 * ```
 */
export function studentTSf(t: number, df: number): number {
  if (Number.isNaN(t)) return Number.NaN
  if (t === Number.POSITIVE_INFINITY) return 0
  if (t === Number.NEGATIVE_INFINITY) return 1
  const twoSided = betainc(df / (df + t * t), df / 2, 0.5, true, false)
  return t > 0 ? twoSided / 2 : 1 - twoSided / 2
}

/**
 * Binomial upper tail `Pr(X >= k)` for `X ~ Binomial(n, p)` (scipy.stats.binom.sf(k - 1, n, p)), via the
 * regularized incomplete beta function `I_p(k, n - k + 1)`.
 *
 * @param k - threshold count
 * @param n - number of trials
 * @param p - success probability
 * @returns `Pr(X >= k)`
 * @example
 * ```ts
 * binomialUpperTail(8, 10, 0.5) // -> 0.0546875
 * ```
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1
  if (k > n) return 0
  if (p <= 0) return 0
  if (p >= 1) return 1
  return betainc(p, k, n - k + 1, true, false)
}

/**
 * Binomial lower tail `Pr(X <= k)` (scipy.stats.binom.cdf), via `I_{1-p}(n - k, k + 1)`.
 *
 * @param k - threshold count
 * @param n - number of trials
 * @param p - success probability
 * @returns `Pr(X <= k)`
 * @example
 * ```ts
 * binomialLowerTail(2, 10, 0.5) // -> 0.0546875
 * ```
 */
export function binomialLowerTail(k: number, n: number, p: number): number {
  if (k < 0) return 0
  if (k >= n) return 1
  if (p <= 0) return 1
  if (p >= 1) return 0
  return betainc(p, k + 1, n - k, true, true)
}
