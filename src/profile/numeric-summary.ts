import { type KllSketch, kllCreate, kllMerge, kllRankError, kllUpdate, kllUpdateWeighted, kllWeightedItems } from './kll-sketch.js'

/**
 * The quantile summary of a numeric column, as plain JSON data: exact value counts while the column has at most
 * `exactLimit` distinct values (rank error 0), a KLL sketch beyond that. `binnedRankError` counts rank error that does
 * not come from the sketch: values a warehouse counted per bin and stored at the bin's upper edge.
 */
export interface NumericSummary {
  /** Exact counts of each distinct value, values sorted. */
  readonly exact?: { readonly values: number[]; readonly counts: number[] }
  /** The KLL sketch, once the column had more than `exactLimit` distinct values. */
  readonly kll?: KllSketch
  /** Absolute rank error (in values) from binning before the summary; 0 for values counted one by one. */
  readonly binnedRankError: number
}

/** Settings of a numeric summary. */
export interface NumericSummarySettings {
  /** KLL accuracy parameter. */
  readonly k: number
  /** Distinct values kept exactly before switching to KLL. */
  readonly exactLimit: number
  /** Seed of KLL's compaction coins. */
  readonly seed: number
}

/** A numeric summary while values are added: a Map of counts, or a KLL sketch. */
export class NumericSummaryBuilder {
  private counts: Map<number, number> | undefined = new Map()
  private sketch: KllSketch | undefined
  private binned = 0

  /**
   * @param settings - k, exactLimit, seed
   */
  constructor(private readonly settings: NumericSummarySettings) {}

  /**
   * Adds finite values.
   *
   * @param values - the values
   * @param length - how many of them (a prefix of `values`)
   */
  add(values: Float64Array, length = values.length): void {
    if (this.counts !== undefined) {
      const counts = this.counts
      for (let i = 0; i < length; i++) {
        const value = values[i] as number
        counts.set(value, (counts.get(value) ?? 0) + 1)
      }
      if (counts.size > this.settings.exactLimit) this.toSketch()
      return
    }
    kllUpdate(this.sketch as KllSketch, length === values.length ? values : values.subarray(0, length))
  }

  /**
   * Adds a value standing for `count` values (a warehouse's value count or bin count).
   *
   * @param value - the value (a bin's upper edge when binned)
   * @param count - how many values
   * @param binnedError - rank error this adds (the bin's count when the values were spread over the bin)
   */
  addCount(value: number, count: number, binnedError = 0): void {
    this.binned += binnedError
    if (this.counts !== undefined) {
      this.counts.set(value, (this.counts.get(value) ?? 0) + count)
      if (this.counts.size > this.settings.exactLimit) this.toSketch()
      return
    }
    kllUpdateWeighted(this.sketch as KllSketch, value, count)
  }

  /** The summary as plain data. */
  finish(): NumericSummary {
    if (this.counts === undefined) return { kll: structuredClone(this.sketch as KllSketch), binnedRankError: this.binned }
    const values = [...this.counts.keys()].sort((left, right) => left - right)
    return { exact: { values, counts: values.map((value) => this.counts?.get(value) ?? 0) }, binnedRankError: this.binned }
  }

  private toSketch(): void {
    const sketch = kllCreate(this.settings.k, this.settings.seed)
    for (const [value, count] of this.counts ?? []) kllUpdateWeighted(sketch, value, count)
    this.sketch = sketch
    this.counts = undefined
  }
}

/**
 * Merges two numeric summaries: exact counts add while the union stays within `exactLimit` distinct values; otherwise
 * both become KLL sketches and merge. Binned rank errors add.
 *
 * @param left - one summary
 * @param right - the other
 * @param settings - k, exactLimit, seed
 * @returns the merged summary (the inputs are unchanged)
 * @example
 * ```ts
 * mergeNumericSummaries(a, b, { k: 400, exactLimit: 2048, seed: 0 })
 * ```
 */
export function mergeNumericSummaries(left: NumericSummary, right: NumericSummary, settings: NumericSummarySettings): NumericSummary {
  if (left.exact !== undefined && right.exact !== undefined) {
    const builder = new NumericSummaryBuilder(settings)
    for (const side of [left.exact, right.exact]) for (const [index, value] of side.values.entries()) builder.addCount(value, side.counts[index] ?? 0)
    const merged = builder.finish()
    return { ...merged, binnedRankError: left.binnedRankError + right.binnedRankError }
  }
  const sketch = asSketch(left, settings)
  kllMerge(sketch, asSketch(right, settings))
  return { kll: sketch, binnedRankError: left.binnedRankError + right.binnedRankError }
}

function asSketch(summary: NumericSummary, settings: NumericSummarySettings): KllSketch {
  if (summary.kll !== undefined) return structuredClone(summary.kll)
  const sketch = kllCreate(settings.k, settings.seed)
  for (const [index, value] of (summary.exact?.values ?? []).entries()) kllUpdateWeighted(sketch, value, summary.exact?.counts[index] ?? 0)
  return sketch
}

/** A summary's values in order with cumulative counts, for rank and quantile queries. */
export interface SummaryCdf {
  /** Distinct item values, sorted. */
  readonly values: Float64Array
  /** Cumulative weight of the items up to and including each value. */
  readonly cumulative: Float64Array
  /** Total weight (values summarised). */
  readonly n: number
  /** Normalised rank error: every CDF value is within this of the truth (KLL: with 99% confidence). */
  readonly rankError: number
}

/**
 * The summary as a step CDF with its rank error.
 *
 * @param summary - the summary
 * @returns sorted values, cumulative weights, n and the rank error
 * @example
 * ```ts
 * summaryCdf({ exact: { values: [1, 2], counts: [3, 1] }, binnedRankError: 0 }) // { values: [1, 2], cumulative: [3, 4], n: 4, rankError: 0 }
 * ```
 */
export function summaryCdf(summary: NumericSummary): SummaryCdf {
  const items =
    summary.exact !== undefined
      ? { values: Float64Array.from(summary.exact.values), weights: Float64Array.from(summary.exact.counts) }
      : kllWeightedItems(summary.kll as KllSketch)
  const values: number[] = []
  const cumulative: number[] = []
  let total = 0
  for (let i = 0; i < items.values.length; i++) {
    total += items.weights[i] as number
    if (values.length > 0 && values[values.length - 1] === items.values[i]) cumulative[cumulative.length - 1] = total
    else {
      values.push(items.values[i] as number)
      cumulative.push(total)
    }
  }
  const sketchError = summary.kll === undefined ? 0 : kllRankError(summary.kll.k)
  return {
    values: Float64Array.from(values),
    cumulative: Float64Array.from(cumulative),
    n: total,
    rankError: sketchError + (total === 0 ? 0 : summary.binnedRankError / total),
  }
}

/**
 * The share of summarised values at most `x` (`inclusive`) or below `x`.
 *
 * @param cdf - the summary CDF
 * @param x - the point
 * @param inclusive - count values equal to x @defaultValue true
 * @returns the share in [0, 1]
 * @example
 * ```ts
 * cdfAt(cdf, 1) // 0.75 for values [1, 1, 1, 2]
 * ```
 */
export function cdfAt(cdf: SummaryCdf, x: number, inclusive = true): number {
  let low = 0
  let high = cdf.values.length
  while (low < high) {
    const mid = (low + high) >> 1
    const value = cdf.values[mid] as number
    if (inclusive ? value <= x : value < x) low = mid + 1
    else high = mid
  }
  return low === 0 || cdf.n === 0 ? 0 : (cdf.cumulative[low - 1] as number) / cdf.n
}

/**
 * The q-quantile with numpy's default linear interpolation (`np.quantile(x, q)`), read from the summary: exact for an
 * exact summary, within the rank error otherwise.
 *
 * @param cdf - the summary CDF
 * @param q - the probability in [0, 1]
 * @returns the quantile
 * @example
 * ```ts
 * linearQuantileOf(cdf, 0.5) // 1 for values [1, 1, 1, 2]
 * ```
 */
export function linearQuantileOf(cdf: SummaryCdf, q: number): number {
  const virtual = (cdf.n - 1) * q
  const lo = Math.floor(virtual)
  const a = orderStatistic(cdf, lo)
  if (lo >= cdf.n - 1) return a
  const b = orderStatistic(cdf, lo + 1)
  const t = virtual - lo
  return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t
}

function orderStatistic(cdf: SummaryCdf, index: number): number {
  let low = 0
  let high = cdf.values.length - 1
  while (low < high) {
    const mid = (low + high) >> 1
    if ((cdf.cumulative[mid] as number) > index) high = mid
    else low = mid + 1
  }
  return cdf.values[low] as number
}
