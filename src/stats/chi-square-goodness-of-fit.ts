import { VitestMlError } from '../util/errors.js'
import { chiSquareSf } from './distributions.js'
import { nonNegativeCount } from './finite-sample.js'

/** Options of {@link chiSquareGoodnessOfFit}. */
export interface ChiSquareGoodnessOfFitOptions {
  /**
   * Delta degrees of freedom: the p-value uses `k - 1 - ddof` degrees of freedom (subtract fitted parameters).
   * @defaultValue 0
   */
  readonly ddof?: number
}

/** Result of {@link chiSquareGoodnessOfFit}. */
export interface ChiSquareGoodnessOfFitResult {
  /** Pearson's statistic, sum((observed - expected)^2 / expected). */
  readonly statistic: number
  /** Upper-tail chi-square p-value at `dof`. */
  readonly pValue: number
  /** Degrees of freedom used, k - 1 - ddof. */
  readonly dof: number
}

/**
 * Pearson's chi-square goodness-of-fit test, as `scipy.stats.chisquare(observed, expected, ddof)`.
 *
 * Without `expected`, every category is expected equally often. As in scipy, observed and expected totals must agree
 * (relative 1e-8): rescale expected proportions to counts first. An observation in a category whose expected count is
 * 0 answers as scipy does — statistic `Infinity`, p-value 0 — because a category the reference never had is drift,
 * not an error. A category expected 0 times and observed 0 times is dropped (scipy returns NaN for it: 0/0); it does
 * not count in the degrees of freedom. Malformed inputs throw `VitestMlError`: no categories, a length mismatch,
 * negative or non-finite counts, no observation, or dof < 1.
 *
 * @param observed - observed counts per category
 * @param expected - expected counts per category (same total as observed); uniform when omitted
 * @param options - `ddof`
 * @returns statistic, p-value and dof
 * @example
 * ```ts
 * chiSquareGoodnessOfFit([16, 18, 16, 14, 12, 12])
 * // -> { statistic: 2, pValue: 0.8491..., dof: 5 }
 * chiSquareGoodnessOfFit([3, 2, 1], [3, 3, 0])
 * // -> { statistic: Infinity, pValue: 0, dof: 2 } (scipy.stats.chisquare: inf, 0.0)
 * ```
 */
export function chiSquareGoodnessOfFit(
  observed: ArrayLike<number>,
  expected?: ArrayLike<number>,
  options: ChiSquareGoodnessOfFitOptions = {},
): ChiSquareGoodnessOfFitResult {
  const source = 'chiSquareGoodnessOfFit'
  const k = observed.length
  if (k === 0) throw new VitestMlError(source, 'at least 1 category in observed', '0', 'Pass one count per category.')
  let observedTotal = 0
  for (let i = 0; i < k; i++) observedTotal += nonNegativeCount(source, `observed[${i}]`, observed[i] as number)
  const expectedCounts = new Float64Array(k)
  if (expected === undefined) {
    expectedCounts.fill(observedTotal / k)
  } else {
    if (expected.length !== k) {
      throw new VitestMlError(
        source,
        `${k} expected counts (one per observed category)`,
        `${expected.length}`,
        'Give expected counts for the same categories, in the same order.',
      )
    }
    let expectedTotal = 0
    for (let i = 0; i < k; i++) {
      const e = nonNegativeCount(source, `expected[${i}]`, expected[i] as number)
      expectedCounts[i] = e
      expectedTotal += e
    }
    if (Math.abs(observedTotal - expectedTotal) > 1e-8 * Math.min(observedTotal, expectedTotal)) {
      throw new VitestMlError(
        source,
        `expected counts summing to the observed total ${observedTotal}`,
        `a total of ${expectedTotal}`,
        'Scale expected proportions by the observed total: expected = proportions * sum(observed).',
      )
    }
  }
  if (observedTotal === 0) throw new VitestMlError(source, 'at least one observation', 'all counts 0', 'Check that the sample was counted.')
  // Categories expected 0 times and observed 0 times say nothing: dropped (scipy: NaN), not counted in dof.
  let kept = 0
  for (let i = 0; i < k; i++) if ((expectedCounts[i] as number) > 0 || (observed[i] as number) > 0) kept++
  const dof = kept - 1 - (options.ddof ?? 0)
  if (dof < 1) {
    const dropped = k - kept
    throw new VitestMlError(
      source,
      'at least 1 degree of freedom (k - 1 - ddof >= 1)',
      `${dof} (k = ${kept}${dropped > 0 ? ` after dropping ${dropped} categories expected and observed 0 times` : ''}, ddof = ${options.ddof ?? 0})`,
      'Use more categories or a smaller ddof.',
    )
  }
  let statistic = 0
  for (let i = 0; i < k; i++) {
    const e = expectedCounts[i] as number
    const o = observed[i] as number
    if (e === 0) {
      // An observation where none was expected: scipy.stats.chisquare gives statistic inf, p 0.
      if (o > 0) return { statistic: Number.POSITIVE_INFINITY, pValue: 0, dof }
      continue
    }
    const d = o - e
    statistic += (d * d) / e
  }
  return { statistic, pValue: chiSquareSf(statistic, dof), dof }
}
