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
 * (relative 1e-8): rescale expected proportions to counts first. Degenerate inputs throw `VitestMlError`: no
 * categories, a length mismatch, negative or non-finite counts, an expected count of 0, or dof < 1.
 *
 * @param observed - observed counts per category
 * @param expected - expected counts per category (same total as observed); uniform when omitted
 * @param options - `ddof`
 * @returns statistic, p-value and dof
 * @example
 * ```ts
 * chiSquareGoodnessOfFit([16, 18, 16, 14, 12, 12])
 * // -> { statistic: 2, pValue: 0.8491..., dof: 5 }
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
      throw new VitestMlError(source, `${k} expected counts (one per observed category)`, `${expected.length}`, 'Give expected counts for the same categories, in the same order.')
    }
    let expectedTotal = 0
    for (let i = 0; i < k; i++) {
      const e = nonNegativeCount(source, `expected[${i}]`, expected[i] as number)
      if (e === 0) throw new VitestMlError(source, `expected[${i}] > 0`, '0', 'Merge or drop categories that are impossible under the expected distribution.')
      expectedCounts[i] = e
      expectedTotal += e
    }
    if (Math.abs(observedTotal - expectedTotal) > 1e-8 * Math.min(observedTotal, expectedTotal)) {
      throw new VitestMlError(source, `expected counts summing to the observed total ${observedTotal}`, `a total of ${expectedTotal}`, 'Scale expected proportions by the observed total: expected = proportions * sum(observed).')
    }
  }
  const dof = k - 1 - (options.ddof ?? 0)
  if (dof < 1) {
    throw new VitestMlError(source, 'at least 1 degree of freedom (k - 1 - ddof >= 1)', `${dof} (k = ${k}, ddof = ${options.ddof ?? 0})`, 'Use more categories or a smaller ddof.')
  }
  if (observedTotal === 0) throw new VitestMlError(source, 'at least one observation', 'all counts 0', 'Check that the sample was counted.')
  let statistic = 0
  for (let i = 0; i < k; i++) {
    const e = expectedCounts[i] as number
    const d = (observed[i] as number) - e
    statistic += (d * d) / e
  }
  return { statistic, pValue: chiSquareSf(statistic, dof), dof }
}
