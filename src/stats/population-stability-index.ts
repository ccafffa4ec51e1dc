import { VitestMlError } from '../errors.js'
import { finiteSample } from './finite-sample.js'
import { sortFloat64 } from './sort-float64.js'

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

/** numpy's linear-interpolation quantile (`np.quantile(x, q)`, method 'linear', its `_lerp`) on sorted data. */
function linearQuantile(sorted: Float64Array, q: number): number {
  const n = sorted.length
  const virtual = (n - 1) * q
  const lo = Math.floor(virtual)
  if (lo >= n - 1) return sorted[n - 1] as number
  const a = sorted[lo] as number
  const b = sorted[lo + 1] as number
  const t = virtual - lo
  const diff = b - a
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t
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
 * NaN is dropped and counted; ±Infinity and empty samples throw `VitestMlError`. A constant reference has no inner
 * edges after de-duplication and gives two bins (<= the constant, above it) — all reference mass in the first.
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
  const cur = finiteSample(source, 'current', current)
  const sorted = sortFloat64(ref.values)
  const raw: number[] = []
  for (let k = 1; k < bins; k++) raw.push(linearQuantile(sorted, k / bins))
  const unique: number[] = []
  for (const edge of raw) if (unique.length === 0 || edge !== unique[unique.length - 1]) unique.push(edge)
  const edges = Float64Array.from(unique)
  const binCount = edges.length + 1
  const refCounts = new Float64Array(binCount)
  // Sorted reference: bin b holds the values in [edges[b - 1], edges[b]), so each boundary is a lower-bound search.
  let start = 0
  for (let b = 0; b < edges.length; b++) {
    const edge = edges[b] as number
    let lo = start
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((sorted[mid] as number) < edge) lo = mid + 1
      else hi = mid
    }
    refCounts[b] = lo - start
    start = lo
  }
  refCounts[binCount - 1] = sorted.length - start
  const curCounts = new Float64Array(binCount)
  const values = cur.values
  if (edges.length <= 32) {
    // Few edges: a branch-free linear count beats a binary search.
    const edgeCount = edges.length
    for (let i = 0; i < values.length; i++) {
      const value = values[i] as number
      let b = 0
      for (let e = 0; e < edgeCount; e++) b += (edges[e] as number) <= value ? 1 : 0
      curCounts[b] = (curCounts[b] as number) + 1
    }
  } else {
    for (let i = 0; i < values.length; i++) {
      const b = binOf(edges, values[i] as number)
      curCounts[b] = (curCounts[b] as number) + 1
    }
  }
  const referenceProportions: number[] = []
  const currentProportions: number[] = []
  let statistic = 0
  for (let b = 0; b < binCount; b++) {
    const r = (refCounts[b] as number) / sorted.length || floor
    const c = (curCounts[b] as number) / values.length || floor
    referenceProportions.push(r)
    currentProportions.push(c)
    statistic += (c - r) * Math.log(c / r)
  }
  return { statistic, edges: unique, referenceProportions, currentProportions, nanDropped: ref.nanDropped + cur.nanDropped }
}
