import { VitestMlError } from '../util/errors.js'
import { finiteSample } from './finite-sample.js'
import { linearQuantile } from './linear-quantile.js'
import { selectOrderStatistics } from './select-order-statistics.js'

/** Options of {@link populationStabilityIndex}. */
export interface PopulationStabilityIndexOptions {
  /**
   * Number of quantile bins of the reference sample (edges at the k / bins quantiles, k = 1 .. bins - 1).
   * @defaultValue 10
   */
  readonly bins?: number
  /**
   * Proportion substituted for an empty bin, so that ln(c / r) stays finite.
   * @defaultValue 1e-4
   */
  readonly floor?: number
}

/** Result of {@link populationStabilityIndex}. */
export interface PopulationStabilityIndexResult {
  /** PSI = sum over bins of (c - r) * ln(c / r). Rules of thumb: < 0.1 stable, 0.1-0.25 moderate, > 0.25 shift. */
  readonly statistic: number
  /** The distinct inner bin edges actually used (duplicates from tied quantiles removed). */
  readonly edges: number[]
  /** Reference and current proportions per bin, after flooring empty bins. */
  readonly referenceProportions: number[]
  readonly currentProportions: number[]
  /** NaN values dropped from both samples together. */
  readonly nanDropped: number
}

/**
 * Counts values per bin: bin = number of edges <= value (numpy searchsorted side='right'). Up to 15 edges use a
 * fixed four-step binary search over the edges padded with +Infinity; more edges use a plain binary search.
 * When `strict` is set, NaN values are skipped and counted and infinities rejected (the current sample is binned
 * straight from the caller's array, without a copy).
 */
function countBins(values: ArrayLike<number>, edges: Float64Array, counts: Float64Array, strict: boolean): number {
  let nanDropped = 0
  const padded = new Float64Array(15).fill(Number.POSITIVE_INFINITY)
  padded.set(edges.subarray(0, 15))
  const small = edges.length <= 15
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number
    if (strict) {
      if (Number.isNaN(value)) {
        nanDropped++
        continue
      }
      if (value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY || typeof value !== 'number') {
        throw new VitestMlError(
          'populationStabilityIndex',
          'finite numbers in current',
          `${String(value)} at index ${i}`,
          'Remove or clip infinite values before testing; NaN values are dropped and counted, infinities are not.',
        )
      }
    }
    let b: number
    if (small) {
      b = (padded[7] as number) <= value ? 8 : 0
      b += (padded[b + 3] as number) <= value ? 4 : 0
      b += (padded[b + 1] as number) <= value ? 2 : 0
      b += (padded[b] as number) <= value ? 1 : 0
    } else {
      b = binOf(edges, value)
    }
    counts[b] = (counts[b] as number) + 1
  }
  return nanDropped
}

/** Number of values in `edges` that are <= value (numpy searchsorted side='right'). */
function binOf(edges: Float64Array, value: number): number {
  let lo = 0
  let hi = edges.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((edges[mid] as number) <= value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Population Stability Index of `current` against `reference`, binned at reference quantiles.
 *
 * Definition (fixed, so results are comparable across tools): inner edges are numpy's linear quantiles of the
 * reference at k / bins (k = 1 .. bins - 1), with duplicates removed (`np.unique`); a value v falls in bin
 * `searchsorted(edges, v, side='right')`, so a value equal to an edge goes to the bin above it; proportions of 0 are
 * replaced by `floor` (1e-4); PSI = sum((c - r) * ln(c / r)). This is exactly
 * `np.sum((cp - rp) * np.log(cp / rp))` with those numpy calls; the tests check it against that numpy code.
 *
 * NaN is dropped and counted; ±Infinity and empty samples throw `VitestMlError`. A constant reference keeps one inner
 * edge (the constant) and gives two bins: below the constant, and the constant and above — all reference mass in the
 * second. A current sample at or above the constant then scores 0 however far it moved: PSI cannot see shifts away
 * from a constant reference (compare such features as categories instead).
 *
 * @param reference - the reference sample, whose quantiles define the bins
 * @param current - the current sample
 * @param options - `bins` (10) and the empty-bin `floor` (1e-4)
 * @returns PSI, edges and per-bin proportions
 * @example
 * ```ts
 * populationStabilityIndex(trainingScores, servingScores).statistic // -> 0.031 (stable)
 * ```
 */
export function populationStabilityIndex(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  options: PopulationStabilityIndexOptions = {},
): PopulationStabilityIndexResult {
  const source = 'populationStabilityIndex'
  const bins = options.bins ?? 10
  const floor = options.floor ?? 1e-4
  if (!Number.isInteger(bins) || bins < 2) {
    throw new VitestMlError(source, 'an integer number of bins >= 2', String(bins), 'The usual choice is 10 quantile bins.')
  }
  if (!(floor > 0 && floor < 1)) throw new VitestMlError(source, 'a floor in (0, 1)', String(floor), 'Use a small proportion such as 1e-4.')
  const ref = finiteSample(source, 'reference', reference)
  const referenceValues = ref.values
  const n = referenceValues.length
  const quantiles: number[] = []
  const ranks = new Set<number>()
  for (let k = 1; k < bins; k++) {
    const q = k / bins
    quantiles.push(q)
    const lo = Math.floor((n - 1) * q)
    ranks.add(Math.min(lo, n - 1))
    if (lo + 1 <= n - 1) ranks.add(lo + 1)
  }
  // Only the order statistics next to each quantile are needed: select them (in place, on our copy) instead of sorting.
  const partitioned = selectOrderStatistics(
    referenceValues,
    [...ranks].sort((x, y) => x - y),
  )
  const unique: number[] = []
  for (const q of quantiles) {
    const edge = linearQuantile(partitioned, q)
    if (unique.length === 0 || edge !== unique[unique.length - 1]) unique.push(edge)
  }
  const edges = Float64Array.from(unique)
  const binCount = edges.length + 1
  const refCounts = new Float64Array(binCount)
  countBins(referenceValues, edges, refCounts, false)
  const curCounts = new Float64Array(binCount)
  const currentNanDropped = countBins(current, edges, curCounts, true)
  const currentSize = current.length - currentNanDropped
  if (currentSize === 0) {
    throw new VitestMlError(
      source,
      'at least 1 finite value in current',
      `0${currentNanDropped > 0 ? ` (${currentNanDropped} NaN dropped)` : ''}`,
      currentNanDropped > 0 ? 'Check that current is not empty or all NaN (NaN values are dropped before testing).' : 'Pass a non-empty current sample.',
    )
  }
  const referenceProportions: number[] = []
  const currentProportions: number[] = []
  let statistic = 0
  for (let b = 0; b < binCount; b++) {
    const r = (refCounts[b] as number) / n || floor
    const c = (curCounts[b] as number) / currentSize || floor
    referenceProportions.push(r)
    currentProportions.push(c)
    statistic += (c - r) * Math.log(c / r)
  }
  return { statistic, edges: unique, referenceProportions, currentProportions, nanDropped: ref.nanDropped + currentNanDropped }
}
