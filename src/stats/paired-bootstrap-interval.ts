import { type BootstrapOptions, type BootstrapResult, bootstrapIndices } from './bootstrap-resampler.js'

/**
 * Seeded paired bootstrap confidence interval: resamples *row indices* 0 .. n - 1 with replacement and hands each
 * index vector to `statistic`, so any metric over aligned arrays (labels, baseline predictions, candidate
 * predictions) can be resampled jointly. The usual use is "model beats baseline": return
 * `metric(candidate at indices) - metric(baseline at indices)` and require `low > 0`.
 *
 * The index array is reused between calls: read it, do not keep it. `method: 'bca'` also evaluates the n
 * leave-one-out index vectors (length n - 1). n < 1 throws `VitestMlError`.
 *
 * @param n - number of aligned rows
 * @param statistic - the statistic of the rows at `indices` (indices repeat: it is a resample)
 * @param options - confidence (0.95), resamples (9999), seed, method ('percentile' | 'bca')
 * @returns the interval, the estimate on all rows, the bootstrap standard error and the seed
 * @example
 * ```ts
 * const accuracyGain = (indices: Uint32Array) => {
 *   let gain = 0
 *   for (const i of indices) gain += Number(candidate[i] === labels[i]) - Number(baseline[i] === labels[i])
 *   return gain / indices.length
 * }
 * pairedBootstrapInterval(labels.length, accuracyGain, { seed: 1 })
 * // -> { low: 0.012, high: 0.047, estimate: 0.03, seed: 1, ... }  (the candidate is better: low > 0)
 * ```
 */
export function pairedBootstrapInterval(n: number, statistic: (indices: Uint32Array) => number, options: BootstrapOptions = {}): BootstrapResult {
  return bootstrapIndices('pairedBootstrapInterval', n, statistic, options)
}
