import { binomialLowerTail, binomialUpperTail, bootstrapConfidenceInterval, studentTSf, wilsonInterval } from '../../stats/index.js'

/** How a segment's rows compare with the bar, and the interval shown for it. */
export interface SegmentTestResult {
  /** The segment's mean row value (accuracy, or the mean loss). */
  readonly mean: number
  /** One-sided p-value of "the segment is beyond the bar" (worse than `bar`). */
  readonly pValue: number
}

/**
 * One-sided test that a segment's mean row value is worse than `bar` (below it when higher is better, above it for
 * losses). 0/1 rows (accuracy) use the exact binomial test, Pr(X <= k) for X ~ Binomial(n, bar) (`scipy.stats.binom.cdf`):
 * the normal approximation of the score test is too liberal in the far tail that a correction over a hundred segments
 * reaches when accuracy is near 1, the exact tail never is. Other rows use a one-sample t test with n - 1 degrees of
 * freedom.
 *
 * @param values - the segment's row values
 * @param bar - the bar on the scale of the mean
 * @param higherIsBetter - direction of the metric
 * @param binary - whether the row values are 0/1
 * @returns the mean and the p-value
 * @example
 * ```ts
 * segmentTest(Float64Array.from([1, 0, 0, 1]), 0.9, true, true) // { mean: 0.5, pValue: 0.0523 }
 * ```
 */
export function segmentTest(values: Float64Array, bar: number, higherIsBetter: boolean, binary: boolean): SegmentTestResult {
  const n = values.length
  let sum = 0
  for (const value of values) sum += value
  const mean = sum / n
  const worse = higherIsBetter ? bar - mean : mean - bar
  if (binary) {
    const k = Math.round(sum)
    return { mean, pValue: higherIsBetter ? binomialLowerTail(k, n, bar) : binomialUpperTail(k, n, bar) }
  }
  let squares = 0
  for (const value of values) squares += (value - mean) ** 2
  const standardError = n > 1 ? Math.sqrt(squares / (n - 1) / n) : 0
  if (standardError === 0) return { mean, pValue: worse > 0 ? 0 : 1 }
  return { mean, pValue: studentTSf(worse / standardError, n - 1) }
}

/**
 * The 95% interval shown for a segment's score: Wilson for 0/1 rows, otherwise a seeded percentile bootstrap of the
 * mean row value; both ends go through `fromMean` (the square root for RMSE).
 *
 * @param values - the segment's row values
 * @param binary - whether the row values are 0/1
 * @param fromMean - turns a mean into the metric
 * @param seed - bootstrap seed
 * @param resamples - bootstrap resamples
 * @returns the interval on the metric's scale
 * @example
 * ```ts
 * segmentInterval(Float64Array.from([1, 1, 0]), true, (m) => m, 1, 1000) // { low: 0.208, high: 0.939 }
 * ```
 */
export function segmentInterval(
  values: Float64Array,
  binary: boolean,
  fromMean: (mean: number) => number,
  seed: number,
  resamples: number,
): { low: number; high: number } {
  if (binary) {
    const { low, high } = wilsonInterval(
      values.reduce((sum, value) => sum + value, 0),
      values.length,
    )
    return { low: fromMean(low), high: fromMean(high) }
  }
  const mean = (sample: Float64Array): number => sample.reduce((sum, value) => sum + value, 0) / sample.length
  const { low, high } = bootstrapConfidenceInterval(values, mean, { seed, resamples })
  return { low: fromMean(low), high: fromMean(high) }
}
