import { sortFloat64 } from '../stats/sort-float64.js'
import { MISSING_CATEGORY } from './feature-values.js'

/** Counts of two numeric samples over shared bins, with missing values in a bucket of their own. */
export interface HistogramCounts {
  /** Bucket labels: `[low, high)` ranges, then `(missing)`. */
  readonly buckets: string[]
  readonly reference: number[]
  readonly current: number[]
}

/**
 * Counts two numeric samples over equal-frequency bins cut at the reference's quantiles (k / bins, duplicates merged,
 * open-ended first and last bins), plus one bucket for missing values (NaN) and none for infinities (they fall in the
 * end bins). Used by the skew comparator, where the bins must come from training alone.
 *
 * @param reference - reference values (NaN = missing)
 * @param current - current values
 * @param bins - number of quantile bins
 * @returns aligned counts per bucket
 * @example
 * ```ts
 * numericHistogramCounts(Float64Array.of(1, 2, 3, 4), Float64Array.of(3, 4, Number.NaN), 2)
 * // { buckets: ['< 2.5', '>= 2.5', '(missing)'], reference: [2, 2, 0], current: [0, 2, 1] }
 * ```
 */
export function numericHistogramCounts(reference: Float64Array, current: Float64Array, bins: number): HistogramCounts {
  const sorted = sortFloat64(reference.filter((value) => !Number.isNaN(value)))
  const edges: number[] = []
  for (let k = 1; k < bins && sorted.length > 0; k++) {
    const position = (k / bins) * (sorted.length - 1)
    const below = Math.floor(position)
    const lower = sorted[below] ?? 0
    const edge = lower + ((sorted[Math.min(below + 1, sorted.length - 1)] ?? lower) - lower) * (position - below)
    if (edges.length === 0 || edge > (edges[edges.length - 1] ?? Number.NEGATIVE_INFINITY)) edges.push(edge)
  }
  const count = (values: Float64Array): number[] => {
    const counts = new Array<number>(edges.length + 2).fill(0)
    for (const value of values) {
      if (Number.isNaN(value)) {
        counts[edges.length + 1]! += 1
        continue
      }
      let low = 0
      let high = edges.length
      while (low < high) {
        const middle = (low + high) >>> 1
        if ((edges[middle] ?? 0) <= value) low = middle + 1
        else high = middle
      }
      counts[low]! += 1
    }
    return counts
  }
  const format = (value: number): string => String(Number(value.toPrecision(4)))
  const buckets = [
    ...(edges.length === 0
      ? ['all values']
      : [
          `< ${format(edges[0] ?? 0)}`,
          ...edges.slice(1).map((edge, index) => `[${format(edges[index] ?? 0)}, ${format(edge)})`),
          `>= ${format(edges[edges.length - 1] ?? 0)}`,
        ]),
    MISSING_CATEGORY,
  ]
  return { buckets, reference: count(reference), current: count(current) }
}
