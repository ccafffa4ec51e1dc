import seedrandom from 'seedrandom'

/** Result of {@link bootstrapGainInterval}. */
export interface GainInterval {
  /** Lower bound: the (1 - confidence) quantile of the resampled gains (a one-sided bound at `confidence`). */
  readonly low: number
  /** Upper bound: the `confidence` quantile. */
  readonly high: number
  /** Resamples whose statistic was finite. */
  readonly resamples: number
  /** Resamples dropped because the statistic was undefined on them (for example one class only). */
  readonly dropped: number
  /** Share of finite resampled gains at or below `threshold` (a one-sided bootstrap p-value). */
  readonly pValue: number
}

/**
 * Seeded paired bootstrap of a gain: resamples row indices with replacement, evaluates `gain(indices)` on each, and
 * returns the (1 - confidence) and confidence quantiles (numpy's linear interpolation).
 *
 * @param rows - number of rows
 * @param gain - the statistic on a resample of row indices
 * @param options - confidence, number of resamples, seed and the threshold for the p-value
 * @returns the interval and the bootstrap p-value
 * @example
 * ```ts
 * bootstrapGainInterval(100, (indices) => meanGain(indices), { confidence: 0.95, resamples: 2000, seed: 1, threshold: 0 })
 * ```
 */
export function bootstrapGainInterval(
  rows: number,
  gain: (indices: Int32Array) => number,
  options: { confidence: number; resamples: number; seed: number; threshold: number },
): GainInterval {
  const random = seedrandom(`bootstrap:${options.seed}`)
  const gains: number[] = []
  const indices = new Int32Array(rows)
  for (let b = 0; b < options.resamples; b++) {
    for (let i = 0; i < rows; i++) indices[i] = Math.floor(random() * rows)
    const value = gain(indices)
    if (Number.isFinite(value)) gains.push(value)
  }
  gains.sort((left, right) => left - right)
  const atOrBelow = gains.filter((value) => value <= options.threshold).length
  return {
    low: quantile(gains, 1 - options.confidence),
    high: quantile(gains, options.confidence),
    resamples: gains.length,
    dropped: options.resamples - gains.length,
    pValue: (atOrBelow + 1) / (gains.length + 1),
  }
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN
  const position = q * (sorted.length - 1)
  const lower = Math.floor(position)
  const upper = Math.min(lower + 1, sorted.length - 1)
  return (sorted[lower] as number) + (position - lower) * ((sorted[upper] as number) - (sorted[lower] as number))
}

/**
 * One-sided exact McNemar test that the model is right more often than the baseline on the same rows: under the null
 * the discordant pairs split 50/50, so p = P(X >= modelOnly) for X ~ Binomial(modelOnly + baselineOnly, 1/2).
 *
 * @param modelOnly - rows the model gets right and the baseline wrong
 * @param baselineOnly - rows the baseline gets right and the model wrong
 * @returns the one-sided and the two-sided exact p-values
 * @example
 * ```ts
 * mcnemarExact(12, 3) // { oneSided: 0.0176, twoSided: 0.0352 }
 * ```
 */
export function mcnemarExact(modelOnly: number, baselineOnly: number): { oneSided: number; twoSided: number } {
  const n = modelOnly + baselineOnly
  if (n === 0) return { oneSided: 1, twoSided: 1 }
  const upperTail = (k: number): number => {
    let total = 0
    for (let x = k; x <= n; x++) total += Math.exp(logChoose(n, x) - n * Math.LN2)
    return Math.min(1, total)
  }
  const oneSided = upperTail(modelOnly)
  const twoSided = Math.min(1, 2 * upperTail(Math.max(modelOnly, baselineOnly)))
  return { oneSided, twoSided }
}

function logChoose(n: number, k: number): number {
  let total = 0
  for (let i = 1; i <= k; i++) total += Math.log(n - k + i) - Math.log(i)
  return total
}
