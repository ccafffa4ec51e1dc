import type betaincinvFunction from '@stdlib/math-base-special-betaincinv'
import { lazyRequire } from '../util/lazy-require.js'
import { checkProportion, type ProportionInterval, type ProportionIntervalOptions } from './proportion-interval.js'

/** `@stdlib/math-base-special-betaincinv`, loaded on first use (see `lazyRequire`). */
const betaincinv = (...args: Parameters<typeof betaincinvFunction>): ReturnType<typeof betaincinvFunction> => betaincinvModule()(...args)
const betaincinvModule = lazyRequire<typeof betaincinvFunction>('@stdlib/math-base-special-betaincinv')

/**
 * Clopper-Pearson ("exact") confidence interval for a binomial proportion, as
 * `scipy.stats.binomtest(k, n, alternative=...).proportion_ci(level, method='exact')`.
 *
 * The bounds are beta quantiles, `low = B^-1(alpha; k, n - k + 1)` and `high = B^-1(1 - alpha; k + 1, n - k)`
 * (alpha = (1 - level) / 2 two-sided, 1 - level one-sided), computed with @stdlib's inverse incomplete beta.
 * It never undercovers, so it is the conservative choice for a "violation rate below epsilon" gate. Edge cases:
 * k = 0 gives low = 0, k = n gives high = 1. Invalid k, n or level throws `VitestMlError`.
 *
 * @param k - successes (for example, observed violations)
 * @param n - trials
 * @param options - `level` (0.95) and `alternative` (`less` for a one-sided upper bound)
 * @returns the interval
 * @example
 * ```ts
 * clopperPearsonInterval(0, 3000, { alternative: 'less' }) // -> { low: 0, high: 0.000998..., level: 0.95 }
 * ```
 */
export function clopperPearsonInterval(k: number, n: number, options: ProportionIntervalOptions = {}): ProportionInterval {
  const { level, alternative } = checkProportion('clopperPearsonInterval', k, n, options)
  const alpha = alternative === 'two-sided' ? (1 - level) / 2 : 1 - level
  const low = alternative === 'less' || k === 0 ? 0 : betaincinv(alpha, k, n - k + 1, false)
  const high = alternative === 'greater' || k === n ? 1 : betaincinv(alpha, k + 1, n - k, true)
  return { low, high, level }
}
