import { VitestMlError } from '../util/errors.js'
import { type Alternative, checkAlternative } from './alternative.js'
import { averageRanks } from './average-ranks.js'
import { normalSf } from './distributions.js'
import { finiteSample } from './finite-sample.js'

/** Options of {@link mannWhitneyU}. */
export interface MannWhitneyUOptions {
  /**
   * `greater`: reference tends to be larger than current; `less`: smaller; `two-sided`: either.
   * @defaultValue 'two-sided'
   */
  readonly alternative?: Alternative
  /**
   * `exact` (permutation distribution, no tie correction), `asymptotic` (normal approximation with tie correction),
   * or `auto`: exact when one sample has at most 8 values and there are no ties (scipy's rule).
   * @defaultValue 'auto'
   */
  readonly method?: 'auto' | 'exact' | 'asymptotic'
  /**
   * Continuity correction of the normal approximation.
   * @defaultValue true
   */
  readonly continuity?: boolean
}

/** Result of {@link mannWhitneyU}. */
export interface MannWhitneyUResult {
  /** U1, the Mann-Whitney statistic of `reference` (as scipy reports it). */
  readonly statistic: number
  readonly pValue: number
  /** The method used. */
  readonly method: 'exact' | 'asymptotic'
  /** NaN values dropped from both samples together. */
  readonly nanDropped: number
}

/**
 * Pr(U >= k) under the null, by scipy's recursion (`_MWU.build_u_freqs_array`): the number of arrangements with
 * U = u satisfies c(u) = sum_{i < u} c(i) sigma(u - i) / u, with sigma(a) = sum of divisors d of a with d <= n1 minus
 * those with n2 < d <= n1 + n2 (n1 <= n2). Only the smaller tail (u <= n1 n2 / 2) is built. O(k^2).
 */
function exactSf(k: number, size1: number, size2: number): number {
  const n1 = Math.min(size1, size2)
  const n2 = Math.max(size1, size2)
  const complement = n1 * n2 - k
  const maxu = Math.min(k, complement)
  const sigma = new Float64Array(maxu + 1)
  for (let d = 1; d <= n1; d++) for (let a = d; a <= maxu; a += d) sigma[a] = (sigma[a] as number) + d
  for (let d = n2 + 1; d <= n1 + n2; d++) for (let a = d; a <= maxu; a += d) sigma[a] = (sigma[a] as number) - d
  const counts = new Float64Array(maxu + 1)
  counts[0] = 1
  for (let u = 1; u <= maxu; u++) {
    let dot = 0
    for (let i = 0; i < u; i++) dot += (counts[i] as number) * (sigma[u - i] as number)
    counts[u] = dot / u
  }
  let total = 1
  for (let i = 1; i <= n1; i++) total = (total * (n2 + i)) / i
  let cdf = 0
  for (let u = 0; u <= maxu; u++) cdf += (counts[u] as number) / total
  return k < complement ? 1 - cdf + (counts[maxu] as number) / total : cdf
}

/**
 * Mann-Whitney U (Wilcoxon rank-sum) test, as `scipy.stats.mannwhitneyu(reference, current, use_continuity,
 * alternative, method)`; the statistic is U1 = R1 - n1 (n1 + 1) / 2 for `reference`.
 *
 * Degenerate inputs: NaN dropped and counted; ±Infinity or an empty sample throws `VitestMlError`. When every value
 * is tied the asymptotic variance is 0 and the p-value is 1 (scipy returns NaN there).
 *
 * @param reference - the reference sample
 * @param current - the current sample
 * @param options - alternative, method, continuity
 * @returns U1, p-value and the method used
 * @example
 * ```ts
 * mannWhitneyU([1, 2, 3, 4], [3, 5, 6, 7, 8]) // -> { statistic: 1.5, pValue: 0.0490..., method: 'asymptotic', ... }
 * ```
 */
export function mannWhitneyU(reference: ArrayLike<number>, current: ArrayLike<number>, options: MannWhitneyUOptions = {}): MannWhitneyUResult {
  const alternative = checkAlternative('mannWhitneyU', options.alternative)
  const requested = options.method ?? 'auto'
  if (requested !== 'auto' && requested !== 'exact' && requested !== 'asymptotic') {
    throw new VitestMlError(
      'mannWhitneyU',
      "method 'auto', 'exact' or 'asymptotic'",
      JSON.stringify(requested),
      "'auto' is exact for small samples without ties, as scipy.",
    )
  }
  const ref = finiteSample('mannWhitneyU', 'reference', reference)
  const cur = finiteSample('mannWhitneyU', 'current', current)
  const n1 = ref.values.length
  const n2 = cur.values.length
  const pooled = new Float64Array(n1 + n2)
  pooled.set(ref.values)
  pooled.set(cur.values, n1)
  const { ranks, tieCounts } = averageRanks(pooled)
  let r1 = 0
  for (let i = 0; i < n1; i++) r1 += ranks[i] as number
  const u1 = r1 - (n1 * (n1 + 1)) / 2
  const u2 = n1 * n2 - u1
  const u = alternative === 'greater' ? u1 : alternative === 'less' ? u2 : Math.max(u1, u2)
  const factor = alternative === 'two-sided' ? 2 : 1
  const ties = tieCounts.some((count) => count > 1)
  const method = requested === 'auto' ? ((n1 > 8 && n2 > 8) || ties ? 'asymptotic' : 'exact') : requested
  let p: number
  if (method === 'exact') {
    p = exactSf(Math.trunc(u), n1, n2)
  } else {
    const n = n1 + n2
    let tieTerm = 0
    for (const t of tieCounts) tieTerm += t * t * t - t
    const s = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))))
    const numerator = u - (n1 * n2) / 2 - ((options.continuity ?? true) ? 0.5 : 0)
    p = s === 0 ? 1 : normalSf(numerator / s)
  }
  const pValue = Math.min(1, Math.max(0, p * factor))
  return { statistic: u1, pValue, method, nanDropped: ref.nanDropped + cur.nanDropped }
}
