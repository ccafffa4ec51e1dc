import { VitestMlError } from '../util/errors.js'
import { checkAlternative } from './alternative.js'

/** A confidence interval for a proportion. */
export interface ProportionInterval {
  /** Lower bound (0 for a one-sided upper bound). */
  readonly low: number
  /** Upper bound (1 for a one-sided lower bound). */
  readonly high: number
  /** The confidence level. */
  readonly level: number
}

/** Options shared by {@link wilsonInterval} and {@link clopperPearsonInterval}. */
export interface ProportionIntervalOptions {
  /**
   * Confidence level in (0, 1).
   * @defaultValue 0.95
   */
  readonly level?: number
  /**
   * `two-sided` gives [low, high]; `less` gives a one-sided *upper* bound [0, high] (use it for "the violation
   * rate is below epsilon with 95% confidence": pass when `high < epsilon`); `greater` a one-sided lower bound.
   * Same meaning as scipy's `binomtest(..., alternative).proportion_ci()`.
   * @defaultValue 'two-sided'
   */
  readonly alternative?: 'two-sided' | 'less' | 'greater'
}

/**
 * Validates the `k` successes out of `n` trials and the interval options shared by the proportion intervals.
 *
 * @param source - public name of the caller
 * @param k - successes
 * @param n - trials
 * @param options - level and alternative
 * @returns the resolved level and alternative
 * @example
 * ```ts
 * checkProportion('wilsonInterval', 3, 20, {}) // -> { level: 0.95, alternative: 'two-sided' }
 * ```
 */
export function checkProportion(
  source: string,
  k: number,
  n: number,
  options: ProportionIntervalOptions,
): { level: number; alternative: 'two-sided' | 'less' | 'greater' } {
  if (!Number.isInteger(n) || n < 1) {
    throw new VitestMlError(source, 'a number of trials n that is an integer >= 1', String(n), 'With no trials there is no proportion to estimate.')
  }
  if (!Number.isInteger(k) || k < 0 || k > n) {
    throw new VitestMlError(source, `a success count k that is an integer in [0, ${n}]`, String(k), 'k counts successes (or violations) among the n trials.')
  }
  const level = options.level ?? 0.95
  if (!(level > 0 && level < 1)) {
    throw new VitestMlError(source, 'a confidence level in (0, 1)', String(level), 'Use 0.95 for 95% confidence.')
  }
  const alternative = checkAlternative(source, options.alternative)
  return { level, alternative }
}
