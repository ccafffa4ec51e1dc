import { normalQuantileStandard } from './distributions.js'
import { checkProportion, type ProportionInterval, type ProportionIntervalOptions } from './proportion-interval.js'

/** Options of {@link wilsonInterval}. */
export interface WilsonIntervalOptions extends ProportionIntervalOptions {
  /**
   * Apply the continuity correction (scipy's `method='wilsoncc'`).
   * @defaultValue false
   */
  readonly correction?: boolean
}

/**
 * Wilson score confidence interval for a binomial proportion, as
 * `scipy.stats.binomtest(k, n, alternative=...).proportion_ci(level, method='wilson' | 'wilsoncc')`
 * (Newcombe 1998 formulas).
 *
 * Narrower than Clopper-Pearson and close to nominal coverage; for a one-sided upper bound use
 * `alternative: 'less'`. k = 0 gives low = 0 and k = n gives high = 1. Invalid k, n or level throws `VitestMlError`.
 *
 * @param k - successes
 * @param n - trials
 * @param options - `level`, `alternative`, `correction`
 * @returns the interval
 * @example
 * ```ts
 * wilsonInterval(3, 20) // -> { low: 0.0523..., high: 0.3604..., level: 0.95 }
 * ```
 */
export function wilsonInterval(k: number, n: number, options: WilsonIntervalOptions = {}): ProportionInterval {
  const { level, alternative } = checkProportion('wilsonInterval', k, n, options)
  const p = k / n
  const z = normalQuantileStandard(alternative === 'two-sided' ? 0.5 + 0.5 * level : level)
  const denom = 2 * (n + z * z)
  const center = (2 * n * p + z * z) / denom
  const q = 1 - p
  let low: number
  let high: number
  if (options.correction === true) {
    low = alternative === 'less' || k === 0 ? 0 : center - (1 + z * Math.sqrt(z * z - 2 - 1 / n + 4 * p * (n * q + 1))) / denom
    high = alternative === 'greater' || k === n ? 1 : center + (1 + z * Math.sqrt(z * z + 2 - 1 / n + 4 * p * (n * q - 1))) / denom
  } else {
    const delta = (z / denom) * Math.sqrt(4 * n * p * q + z * z)
    low = alternative === 'less' || k === 0 ? 0 : center - delta
    high = alternative === 'greater' || k === n ? 1 : center + delta
  }
  return { low, high, level }
}
