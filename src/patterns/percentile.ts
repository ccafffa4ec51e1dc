import { linearQuantile } from '../stats/linear-quantile.js'

/**
 * The q-th quantile of a sample by linear interpolation between order statistics (numpy's default, `method='linear'`:
 * position `(n - 1) * q` in the sorted sample), as used for latency p50 / p95 / p99.
 *
 * @param values - the sample (any order; NaN is ignored)
 * @param q - quantile in [0, 1]
 * @returns the quantile, or NaN for an empty sample
 * @example
 * ```ts
 * percentile([1, 2, 3, 4], 0.5) // 2.5   (numpy.quantile([1, 2, 3, 4], 0.5) -> 2.5)
 * percentile([10, 20, 30, 40, 50], 0.99) // 49.6
 * ```
 */
export function percentile(values: readonly number[], q: number): number {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((left, right) => left - right)
  if (sorted.length === 0) return Number.NaN
  return linearQuantile(sorted, Math.min(1, Math.max(0, q)))
}

/**
 * Counts values into `bins` equal-width bins between the sample's min and max, as `[binCenter, count]` points: the
 * series of a `PlotSpec` of type `'histogram'`.
 *
 * @param values - the sample (non-finite values are skipped)
 * @param bins - number of bins @defaultValue 20
 * @returns one point per bin (empty for an empty sample)
 * @example
 * ```ts
 * histogramPoints([1, 1, 2, 3], 2) // [[1.5, 2], [2.5, 2]] (numpy.histogram: the last bin includes its right edge)
 * ```
 */
export function histogramPoints(values: readonly number[], bins = 20): [number, number][] {
  const finite = values.filter((value) => Number.isFinite(value))
  if (finite.length === 0) return []
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  for (const value of finite) {
    if (value < min) min = value
    if (value > max) max = value
  }
  if (min === max) return [[min, finite.length]]
  const width = (max - min) / bins
  const counts = new Array<number>(bins).fill(0)
  for (const value of finite) {
    const bin = Math.min(bins - 1, Math.floor((value - min) / width))
    counts[bin] = (counts[bin] ?? 0) + 1
  }
  return counts.map((count, index) => [min + width * (index + 0.5), count])
}
