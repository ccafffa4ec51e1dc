import { VitestMlError } from '../util/errors.js'

/** Result of {@link exceedanceTest}. */
export interface ExceedanceTestResult {
  /** The number of new values beyond the reference extreme. */
  readonly statistic: number
  /** Probability of at least that many under exchangeability. */
  readonly pValue: number
}

/**
 * How surprising it is that `k` of `m` new values lie above the largest of `n` reference values (or below the smallest),
 * when all `n + m` values are exchangeable draws from one continuous distribution: the chance that the top `k` of the
 * `n + m` ranks all belong to the new values, `C(m, k) / C(n + m, k)` — `scipy.stats.hypergeom.pmf(k, n + m, m, k)`.
 * A training range learned from `n` rows is exceeded now and then by fresh data from the same source (about
 * `2m / (n + 1)` values per batch of `m`); this says when the exceedances are too many to be sampling. Ties in the data
 * only make exceedances rarer, so the test stays conservative on discrete values.
 *
 * @param k - new values beyond the extreme
 * @param n - reference values the extreme was taken from, >= 1
 * @param m - new values, >= k
 * @returns the count and its upper-tail probability
 * @example
 * ```ts
 * exceedanceTest(1, 249, 84).pValue // 0.2523 (one penguin heavier than every training penguin: common)
 * exceedanceTest(6, 249, 84).pValue // 2.2e-4
 * ```
 */
export function exceedanceTest(k: number, n: number, m: number): ExceedanceTestResult {
  for (const [name, value] of [
    ['k', k],
    ['n', n],
    ['m', m],
  ] as const) {
    if (!Number.isInteger(value) || value < 0) throw new VitestMlError('exceedanceTest', `a whole \`${name}\` >= 0`, String(value), 'k, n and m count values.')
  }
  if (n < 1) throw new VitestMlError('exceedanceTest', 'at least 1 reference value (n >= 1)', String(n), 'The extreme needs a reference sample.')
  if (k > m) throw new VitestMlError('exceedanceTest', `k <= m (${m} new values)`, String(k), 'k counts new values beyond the extreme, so it cannot exceed m.')
  let log = 0
  for (let i = 0; i < k; i++) log += Math.log(m - i) - Math.log(n + m - i)
  return { statistic: k, pValue: Math.exp(log) }
}
