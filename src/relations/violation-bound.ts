import { clopperPearsonInterval } from '../stats/index.js'
import { VitestMlError } from '../util/errors.js'

/**
 * One-sided upper confidence bound on a violation rate: the Clopper-Pearson (exact binomial) bound `U` with
 * `Pr(X <= violations | p = U) = 1 - confidence`. "The rate is below U with `confidence`". Computed by
 * `clopperPearsonInterval(k, n, { level: confidence, alternative: 'less' })` from `stats/` (scipy's `binomtest(...,
 * alternative='less').proportion_ci(method='exact')`).
 *
 * @param violations - cases that broke the relation
 * @param numRuns - cases judged
 * @param confidence - one-sided confidence level, in (0.5, 1)
 * @returns the upper bound, in (0, 1]
 * @example
 * ```ts
 * violationUpperBound(0, 59, 0.95) // 0.0495 (1 - 0.05^(1/59))
 * violationUpperBound(3, 1000, 0.95) // 0.00775
 * ```
 */
export function violationUpperBound(violations: number, numRuns: number, confidence: number): number {
  if (numRuns === 0) return 1
  if (violations >= numRuns) return 1
  return clopperPearsonInterval(violations, numRuns, { level: confidence, alternative: 'less' }).high
}

/**
 * The fewest cases a statistical check needs to be able to pass at all: with no violation in `n` cases the bound is
 * `1 - (1 - confidence)^(1/n)`, which falls below `maxViolationRate` once `n > ln(1 - confidence) / ln(1 - maxViolationRate)`.
 *
 * @param maxViolationRate - epsilon, in (0, 1)
 * @param confidence - one-sided confidence
 * @example
 * ```ts
 * minimumRunsToPass(0.05, 0.95) // 59
 * ```
 */
export function minimumRunsToPass(maxViolationRate: number, confidence: number): number {
  return Math.floor(Math.log(1 - confidence) / Math.log(1 - maxViolationRate)) + 1
}

/**
 * Validates the statistical options shared by the relation matchers.
 *
 * @param source - public name for errors
 * @param maxViolationRate - epsilon
 * @param confidence - one-sided confidence
 * @example
 * ```ts
 * validateStatisticalOptions('toBeMonotonicIn', 0.01, 0.95) // ok
 * ```
 */
export function validateStatisticalOptions(source: string, maxViolationRate: number, confidence: number): void {
  if (!(maxViolationRate > 0 && maxViolationRate < 1)) {
    throw new VitestMlError(
      source,
      '`maxViolationRate` in (0, 1)',
      String(maxViolationRate),
      'Pass the violation rate you can live with, for example 0.01; leave it out to require no violation at all.',
    )
  }
  if (!(confidence > 0.5 && confidence < 1)) {
    throw new VitestMlError(source, '`confidence` in (0.5, 1)', String(confidence), 'Pass a one-sided confidence level such as 0.95 or 0.99.')
  }
}
