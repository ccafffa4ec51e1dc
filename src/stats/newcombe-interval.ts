import { VitestMlError } from '../util/errors.js'
import { wilsonInterval } from './wilson-interval.js'

/** Options of {@link newcombeInterval}. */
export interface NewcombeIntervalOptions {
  /**
   * Two-sided confidence level in (0, 1). A one-sided bound at confidence `c` is the matching side of the two-sided
   * interval at level `2c - 1` (0.9 for a one-sided 95% bound).
   * @defaultValue 0.95
   */
  readonly level?: number
}

/** A confidence interval for the difference of two proportions, `current - reference`. */
export interface NewcombeIntervalResult {
  /** The observed difference `kCurrent / nCurrent - kReference / nReference`. */
  readonly difference: number
  /** Lower bound of the difference. */
  readonly low: number
  /** Upper bound of the difference. */
  readonly high: number
  /** The two-sided confidence level. */
  readonly level: number
}

/**
 * Newcombe's hybrid score interval for the difference of two independent binomial proportions (Newcombe 1998,
 * method 10): the Wilson score interval of each proportion, combined by the square-and-add rule. It keeps close to
 * its nominal coverage for small samples and proportions near 0 or 1, where the Wald interval fails. Same as
 * `statsmodels.stats.proportion.confint_proportions_2indep(kCurrent, nCurrent, kReference, nReference,
 * method='newcomb', compare='diff', alpha=1 - level)`.
 *
 * @param kCurrent - successes in the current sample
 * @param nCurrent - trials in the current sample
 * @param kReference - successes in the reference sample
 * @param nReference - trials in the reference sample
 * @param options - the confidence level
 * @returns the observed difference and its interval
 * @throws VitestMlError when a count is not an integer in [0, n] or the level is outside (0, 1)
 * @example
 * ```ts
 * newcombeInterval(80, 100, 90, 100, { level: 0.9 }) // { difference: -0.1, low: -0.1832, high: -0.0166, level: 0.9 }
 * ```
 */
export function newcombeInterval(
  kCurrent: number,
  nCurrent: number,
  kReference: number,
  nReference: number,
  options: NewcombeIntervalOptions = {},
): NewcombeIntervalResult {
  const level = options.level ?? 0.95
  if (!(level > 0 && level < 1))
    throw new VitestMlError(
      'newcombeInterval',
      'a confidence level in (0, 1)',
      String(level),
      'Use 0.95 for a two-sided 95% interval, 0.9 for a one-sided 95% bound.',
    )
  const current = wilsonInterval(kCurrent, nCurrent, { level })
  const reference = wilsonInterval(kReference, nReference, { level })
  const pCurrent = kCurrent / nCurrent
  const pReference = kReference / nReference
  const difference = pCurrent - pReference
  return {
    difference,
    low: difference - Math.hypot(pCurrent - current.low, reference.high - pReference),
    high: difference + Math.hypot(current.high - pCurrent, pReference - reference.low),
    level,
  }
}
