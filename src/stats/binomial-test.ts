import type binomialPmfFunction from '@stdlib/stats-base-dists-binomial-pmf'
import { VitestMlError } from '../util/errors.js'
import { lazyRequire } from '../util/lazy-require.js'
import { type Alternative, checkAlternative } from './alternative.js'
import { clopperPearsonInterval } from './clopper-pearson-interval.js'
import { binomialLowerTail, binomialUpperTail } from './distributions.js'
import type { ProportionInterval } from './proportion-interval.js'

/** `@stdlib/stats-base-dists-binomial-pmf`, loaded on first use (see `lazyRequire`). */
const binomialPmf = (...args: Parameters<typeof binomialPmfFunction>): ReturnType<typeof binomialPmfFunction> => binomialPmfModule()(...args)
const binomialPmfModule = lazyRequire<typeof binomialPmfFunction>('@stdlib/stats-base-dists-binomial-pmf')

/** Options of {@link binomialTest}. */
export interface BinomialTestOptions {
  /**
   * Success probability under the null hypothesis.
   * @defaultValue 0.5
   */
  readonly p?: number
  /**
   * `less`: the true proportion is below `p`; `greater`: above; `two-sided`: different.
   * @defaultValue 'two-sided'
   */
  readonly alternative?: Alternative
}

/** Result of {@link binomialTest}. */
export interface BinomialTestResult {
  /** The observed proportion k / n. */
  readonly statistic: number
  /** Exact p-value. */
  readonly pValue: number
  readonly k: number
  readonly n: number
  /**
   * Clopper-Pearson interval for the proportion, sided like the test (scipy's `proportion_ci(method='exact')`).
   * @param level - confidence level, default 0.95
   */
  confidenceInterval(level?: number): ProportionInterval
}

/** Largest i in [lo, hi] with a(i) <= d (scipy's _binary_search_for_binom_tst). */
function binarySearch(a: (x: number) => number, d: number, lo0: number, hi0: number): number {
  let lo = lo0
  let hi = hi0
  while (lo < hi) {
    const mid = lo + Math.floor((hi - lo) / 2)
    const midval = a(mid)
    if (midval < d) lo = mid + 1
    else if (midval > d) hi = mid - 1
    else return mid
  }
  return a(lo) <= d ? lo : lo - 1
}

/**
 * Exact binomial test, as `scipy.stats.binomtest(k, n, p, alternative)`: one-sided p-values are binomial tails; the
 * two-sided p-value sums the probabilities of all outcomes no more likely than `k` (with scipy's 1e-7 relative
 * tolerance), found by binary search on the other side of the mode.
 *
 * Degenerate inputs: n < 1, k outside [0, n], non-integers or p outside [0, 1] throw `VitestMlError`.
 *
 * @param k - successes
 * @param n - trials
 * @param options - null proportion `p` (0.5) and `alternative`
 * @returns proportion, p-value and a Clopper-Pearson `confidenceInterval(level)`
 * @example
 * ```ts
 * const result = binomialTest(7, 20, { p: 0.5 })
 * // -> { statistic: 0.35, pValue: 0.2631..., ... }
 * result.confidenceInterval(0.95) // -> { low: 0.1539..., high: 0.5921..., level: 0.95 }
 * ```
 */
export function binomialTest(k: number, n: number, options: BinomialTestOptions = {}): BinomialTestResult {
  const p = options.p ?? 0.5
  const alternative = checkAlternative('binomialTest', options.alternative)
  if (!Number.isInteger(n) || n < 1) throw new VitestMlError('binomialTest', 'n that is an integer >= 1', String(n), 'n is the number of trials.')
  if (!Number.isInteger(k) || k < 0 || k > n) {
    throw new VitestMlError('binomialTest', `k that is an integer in [0, ${n}]`, String(k), 'k is the number of successes among the n trials.')
  }
  if (!(p >= 0 && p <= 1))
    throw new VitestMlError(
      'binomialTest',
      'a null proportion p in [0, 1]',
      String(p),
      'p is the success probability under the null hypothesis, for example 0.5.',
    )
  const pmf = (x: number): number => binomialPmf(x, n, p)
  let pValue: number
  if (alternative === 'less') {
    pValue = binomialLowerTail(k, n, p)
  } else if (alternative === 'greater') {
    pValue = binomialUpperTail(k, n, p)
  } else {
    const d = pmf(k)
    const rerr = 1 + 1e-7
    if (k === p * n) {
      pValue = 1
    } else if (k < p * n) {
      const ix = binarySearch((x) => -pmf(x), -d * rerr, Math.ceil(p * n), n)
      const y = n - ix + (d * rerr === pmf(ix) ? 1 : 0)
      pValue = binomialLowerTail(k, n, p) + binomialUpperTail(n - y + 1, n, p)
    } else {
      const ix = binarySearch(pmf, d * rerr, 0, Math.floor(p * n))
      const y = ix + 1
      pValue = binomialLowerTail(y - 1, n, p) + binomialUpperTail(k, n, p)
    }
    pValue = Math.min(1, pValue)
  }
  return {
    statistic: k / n,
    pValue,
    k,
    n,
    confidenceInterval: (level = 0.95) => clopperPearsonInterval(k, n, { level, alternative }),
  }
}
