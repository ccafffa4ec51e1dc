import { type BootstrapOptions, type BootstrapResult, bootstrapIndices } from './bootstrap-resampler.js'
import { finiteSample } from './finite-sample.js'

/** Result of {@link bootstrapConfidenceInterval}. */
export interface BootstrapConfidenceIntervalResult extends BootstrapResult {
  /** NaN values dropped from `samples` before resampling. */
  readonly nanDropped: number
}

/**
 * Seeded bootstrap confidence interval for any statistic of one sample, in the manner of `scipy.stats.bootstrap`
 * (percentile or BCa). Intervals are reproducible for a given seed but are not bit-equal to scipy's, whose
 * generator differs.
 *
 * The statistic receives a reused `Float64Array` holding one resample: compute from it, do not keep it. BCa also
 * evaluates the n leave-one-out jackknife samples. NaN values are dropped and counted; ±Infinity and an empty sample
 * throw `VitestMlError`. A constant sample gives a zero-width percentile interval (BCa throws, as its bias correction
 * is undefined there).
 *
 * @param samples - the observations
 * @param statistic - the statistic to bound, for example the mean
 * @param options - confidence (0.95), resamples (9999), seed, method ('percentile' | 'bca')
 * @returns the interval, the estimate on the full sample, the bootstrap standard error and the seed
 * @example
 * ```ts
 * const mean = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / x.length
 * bootstrapConfidenceInterval(latenciesMs, mean, { seed: 7 })
 * // -> { low: 11.8, high: 13.1, estimate: 12.4, standardError: 0.33, seed: 7, method: 'percentile', ... }
 * ```
 */
export function bootstrapConfidenceInterval(
  samples: ArrayLike<number>,
  statistic: (resample: Float64Array) => number,
  options: BootstrapOptions = {},
): BootstrapConfidenceIntervalResult {
  const { values, nanDropped } = finiteSample('bootstrapConfidenceInterval', 'samples', samples)
  const full = new Float64Array(values.length)
  const short = new Float64Array(Math.max(values.length - 1, 0))
  const result = bootstrapIndices(
    'bootstrapConfidenceInterval',
    values.length,
    (indices) => {
      const buffer = indices.length === full.length ? full : short
      for (let i = 0; i < indices.length; i++) buffer[i] = values[indices[i] as number] as number
      return statistic(buffer)
    },
    options,
  )
  return { ...result, nanDropped }
}
