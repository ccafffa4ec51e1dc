import { binomialTest, mcnemarTest, pairedBootstrapInterval } from '../stats/index.js'

/** Result of {@link bootstrapGainInterval}. */
export interface GainInterval {
  /** Lower bound: the (1 - confidence) quantile of the resampled gains (a one-sided bound at `confidence`). */
  readonly low: number
  /** Upper bound: the `confidence` quantile; [low, high] is a two-sided (2 confidence - 1) interval. */
  readonly high: number
  /** Resamples drawn. */
  readonly resamples: number
  /** Resamples on which the metric was undefined (for example one class only); they count as the worst gain. */
  readonly undefinedResamples: number
  /** (1 + resampled gains at or below `threshold`) / (1 + resamples): a one-sided bootstrap p-value. */
  readonly pValue: number
}

/**
 * Seeded paired bootstrap of a gain, on `pairedBootstrapInterval` (percentile method): resamples row indices with
 * replacement, evaluates `gain(indices)` on each, and returns the (1 - confidence) and confidence quantiles.
 * A resample on which the gain is undefined counts as the worst possible gain, which can only make the test stricter.
 *
 * @param rows - number of rows
 * @param gain - the gain on a resample of row indices (the array is reused: read it, do not keep it)
 * @param options - confidence (one-sided), number of resamples, seed, and the threshold for the p-value
 * @returns the interval and the bootstrap p-value
 * @example
 * ```ts
 * bootstrapGainInterval(100, (indices) => meanGain(indices), { confidence: 0.95, resamples: 2000, seed: 1, threshold: 0 })
 * // { low: 0.012, high: 0.047, resamples: 2000, undefinedResamples: 0, pValue: 0.003 }
 * ```
 */
export function bootstrapGainInterval(
  rows: number,
  gain: (indices: Uint32Array) => number,
  options: { confidence: number; resamples: number; seed: number; threshold: number },
): GainInterval {
  const worst = -Number.MAX_VALUE
  const atOrBelow = (value: number): boolean => !Number.isFinite(value) || value <= options.threshold
  let calls = 0
  let below = 0
  let undefinedCalls = 0
  const counted = (indices: Uint32Array): number => {
    const value = gain(indices)
    calls++
    if (atOrBelow(value)) below++
    if (Number.isFinite(value)) return value
    undefinedCalls++
    return worst
  }
  const result = pairedBootstrapInterval(rows, counted, {
    confidence: 2 * options.confidence - 1,
    resamples: options.resamples,
    seed: options.seed,
    method: 'percentile',
  })
  // One of the calls is the estimate on all rows, not a resample: take it out of the counts.
  const estimate = result.estimate === worst ? Number.NaN : result.estimate
  const resamples = calls - 1
  const resampledBelow = below - (atOrBelow(estimate) ? 1 : 0)
  return {
    low: result.low,
    high: result.high,
    resamples,
    undefinedResamples: undefinedCalls - (Number.isFinite(estimate) ? 0 : 1),
    pValue: (1 + resampledBelow) / (1 + resamples),
  }
}

/** Result of `mcnemarExact`. */
export interface McnemarExactResult {
  /** Exact one-sided p-value that the model is right more often: P(X >= modelOnly), X ~ Binomial(discordant, 1/2). */
  readonly oneSided: number
  /** Exact two-sided McNemar p-value (`mcnemarTest`, as statsmodels' `mcnemar(table, exact=True)`). */
  readonly twoSided: number
}

/**
 * Exact McNemar test on the discordant pairs of a model and a baseline scored on the same rows.
 *
 * @param modelOnly - rows the model gets right and the baseline wrong
 * @param baselineOnly - rows the baseline gets right and the model wrong
 * @returns the one-sided (model better) and two-sided exact p-values
 * @example
 * ```ts
 * mcnemarExact(12, 3) // { oneSided: 0.0176, twoSided: 0.0352 }
 * ```
 */
export function mcnemarExact(modelOnly: number, baselineOnly: number): McnemarExactResult {
  const discordant = modelOnly + baselineOnly
  if (discordant === 0) return { oneSided: 1, twoSided: 1 }
  const twoSided = mcnemarTest(
    [
      [0, baselineOnly],
      [modelOnly, 0],
    ],
    { exact: true },
  ).pValue
  const oneSided = binomialTest(modelOnly, discordant, { p: 0.5, alternative: 'greater' }).pValue
  return { oneSided, twoSided }
}
