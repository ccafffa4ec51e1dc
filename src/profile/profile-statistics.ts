import { kolmogorovSf } from '../stats/kolmogorov-distribution.js'
import { ksExactProbability } from '../stats/ks-exact-probability.js'
import { cdfAt, linearQuantileOf, type SummaryCdf } from './numeric-summary.js'

/** A statistic computed from two profiles, with how far it can be from the same statistic on the raw data. */
export interface BoundedStatistic {
  /** The statistic computed from the profiles. */
  readonly value: number
  /** Upper bound on |value - exact value| (0 when both summaries are exact; KLL bounds hold with 99% confidence). */
  readonly error: number
}

/**
 * The two-sample Kolmogorov-Smirnov statistic from two summaries: the largest gap between their step CDFs, read at
 * every summary value (where the steps are). Each CDF is within its rank error of the truth everywhere, so the
 * statistic is within the sum of the two rank errors of the exact D.
 *
 * @param reference - reference CDF
 * @param current - current CDF
 * @returns D and its error bound
 * @example
 * ```ts
 * profileKs(summaryCdf(a), summaryCdf(b)) // { value: 0.062, error: 0.0172 }
 * ```
 */
export function profileKs(reference: SummaryCdf, current: SummaryCdf): BoundedStatistic {
  let d = 0
  for (const cdf of [reference, current]) {
    for (const x of cdf.values) d = Math.max(d, Math.abs(cdfAt(reference, x) - cdfAt(current, x)))
  }
  return { value: d, error: reference.rankError + current.rankError }
}

/**
 * The two-sided KS p-value for D between samples of sizes n1 and n2, chosen as scipy's `ks_2samp(method='auto')`
 * chooses: the exact distribution when D is exact (both summaries hold exact counts) and both samples have at most
 * 10,000 values, otherwise the Kolmogorov distribution `kstwo.sf(D, round(n1 n2 / (n1 + n2)))`.
 *
 * @param d - the statistic
 * @param n1 - reference size
 * @param n2 - current size
 * @param exact - whether D is exact (error 0) @defaultValue false
 * @returns the p-value
 * @example
 * ```ts
 * ksAsymptoticPValue(0.05, 500_000, 500_000) // ~0
 * ```
 */
export function ksAsymptoticPValue(d: number, n1: number, n2: number, exact = false): number {
  const statistic = Math.min(Math.max(d, 0), 1)
  if (exact && Math.max(n1, n2) <= 10_000) {
    const outcome = ksExactProbability(n1, n2, statistic, 'two-sided')
    if (outcome.pValue !== undefined) return Math.min(1, Math.max(0, outcome.pValue))
  }
  const raw = (n1 * n2) / (n1 + n2)
  const rounded = Math.round(raw)
  const en = Math.abs(raw % 1) === 0.5 && rounded % 2 !== 0 ? rounded - 1 : rounded
  return Math.min(1, Math.max(0, kolmogorovSf(Math.max(en, 1), statistic)))
}

/**
 * The Wasserstein-1 distance from two summaries, the area between their step CDFs. Each CDF is off by at most its
 * rank error at every point of the common range [min, max] (exact, from the moments), so the distance is within
 * (rank error sum) x (max - min) of the exact one.
 *
 * @param reference - reference CDF
 * @param current - current CDF
 * @param range - smallest and largest value of both samples
 * @returns W1 and its error bound
 * @example
 * ```ts
 * profileWasserstein(summaryCdf(a), summaryCdf(b), { min: -3, max: 3 }) // { value: 0.41, error: 0 }
 * ```
 */
export function profileWasserstein(reference: SummaryCdf, current: SummaryCdf, range: { min: number; max: number }): BoundedStatistic {
  const points = mergeSorted(reference.values, current.values)
  let area = 0
  for (let i = 0; i + 1 < points.length; i++) {
    const x = points[i] as number
    area += Math.abs(cdfAt(reference, x) - cdfAt(current, x)) * ((points[i + 1] as number) - x)
  }
  return { value: area, error: (reference.rankError + current.rankError) * Math.max(range.max - range.min, 0) }
}

/**
 * The population stability index from two summaries, binned as `populationStabilityIndex` bins raw data: inner edges
 * at the reference's k/bins quantiles (numpy's linear interpolation, duplicates dropped), a value in bin i when
 * edge_i <= value < edge_(i+1), empty bins floored at `floor`. With exact summaries this is the exact PSI. The error
 * bound holds for these bins: each bin proportion is within twice its sample's rank error (two CDF readings), and the
 * PSI term (c - r) ln(c / r) is convex, so its extremes over that box sit at the corners facing away from, and toward,
 * the diagonal c = r.
 *
 * @param reference - reference CDF
 * @param current - current CDF
 * @param bins - quantile bins @defaultValue 10
 * @param floor - proportion substituted for an empty bin @defaultValue 1e-4
 * @returns PSI and its error bound
 * @example
 * ```ts
 * profilePsi(summaryCdf(january), summaryCdf(june)) // { value: 0.0141, error: 0 }
 * ```
 */
export function profilePsi(reference: SummaryCdf, current: SummaryCdf, bins = 10, floor = 1e-4): BoundedStatistic {
  const edges = [...new Set(Array.from({ length: bins - 1 }, (_, index) => linearQuantileOf(reference, (index + 1) / bins)))].sort(
    (left, right) => left - right,
  )
  const proportions = (cdf: SummaryCdf): number[] => {
    const below = [0, ...edges.map((edge) => cdfAt(cdf, edge, false)), 1]
    return below.slice(1).map((value, index) => value - (below[index] as number))
  }
  const r = proportions(reference)
  const c = proportions(current)
  let value = 0
  let low = 0
  let high = 0
  const last = r.length - 1
  r.forEach((share, index) => {
    const edgesTouched = index === 0 || index === last ? 1 : 2
    const rHat = Math.max(share, floor)
    const cHat = Math.max(c[index] as number, floor)
    value += term(rHat, cHat)
    const rBox = [Math.max(share - edgesTouched * reference.rankError, floor), Math.max(share + edgesTouched * reference.rankError, floor)] as const
    const cBox = [
      Math.max((c[index] as number) - edgesTouched * current.rankError, floor),
      Math.max((c[index] as number) + edgesTouched * current.rankError, floor),
    ] as const
    high += Math.max(term(rBox[0], cBox[1]), term(rBox[1], cBox[0]), term(rBox[0], cBox[0]), term(rBox[1], cBox[1]))
    low += cBox[0] > rBox[1] ? term(rBox[1], cBox[0]) : rBox[0] > cBox[1] ? term(rBox[0], cBox[1]) : 0
  })
  return { value, error: Math.max(high - value, value - low, 0) }
}

function term(r: number, c: number): number {
  return (c - r) * Math.log(c / r)
}

function mergeSorted(left: Float64Array, right: Float64Array): Float64Array {
  const out = new Float64Array(left.length + right.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < left.length || j < right.length) {
    if (j >= right.length || (i < left.length && (left[i] as number) <= (right[j] as number))) out[k++] = left[i++] as number
    else out[k++] = right[j++] as number
  }
  return out
}
