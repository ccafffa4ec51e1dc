import { VitestMlError } from '../util/errors.js'
import { type Alternative, checkAlternative } from './alternative.js'
import { finiteSample } from './finite-sample.js'
import { kolmogorovSf } from './kolmogorov-distribution.js'
import { gcd, ksExactProbability } from './ks-exact-probability.js'
import { sortFloat64 } from './sort-float64.js'

export type { Alternative }

/** Options of {@link ksTwoSample}. */
export interface KsTwoSampleOptions {
  /**
   * `exact` uses the exact Smirnov distribution; `asymp` the finite-n Kolmogorov distribution at the effective n;
   * `auto` is exact when both samples have at most 10,000 values.
   * @defaultValue 'auto'
   */
  readonly method?: 'auto' | 'exact' | 'asymp'
  /**
   * `less`: the CDF of `reference` lies below that of `current` somewhere (statistic = max(F_cur - F_ref));
   * `greater`: above (statistic = max(F_ref - F_cur)); `two-sided`: either.
   * @defaultValue 'two-sided'
   */
  readonly alternative?: Alternative
}

/** Result of {@link ksTwoSample}. */
export interface KsTwoSampleResult {
  /** The KS statistic D (the largest ECDF gap in the direction of `alternative`). */
  readonly statistic: number
  /** The p-value. */
  readonly pValue: number
  /** The value at which the largest gap occurs. */
  readonly statisticLocation: number
  /** +1 when F_ref - F_cur is largest there, -1 when F_cur - F_ref is. */
  readonly statisticSign: 1 | -1
  /** The method actually used (`exact` falls back to `asymp` on overflow, as scipy does). */
  readonly method: 'exact' | 'asymp'
  /** Sizes after NaN removal. */
  readonly referenceSize: number
  readonly currentSize: number
  /** NaN values dropped from both samples together. */
  readonly nanDropped: number
}

/**
 * Two-sample Kolmogorov-Smirnov test, a port of `scipy.stats.ks_2samp` (same statistic, same exact and asymptotic
 * p-values, same `auto` rule).
 *
 * The exact p-value counts lattice paths (Hodges 1958); the asymptotic two-sided p-value is the finite-n
 * Kolmogorov distribution `kstwo.sf(D, round(n1 n2 / (n1 + n2)))` and the one-sided one Hodges' approximation
 * (eq. 5.3). These are ported from scipy because no npm package provides them.
 *
 * Degenerate inputs: NaN is dropped and counted in `nanDropped`; ±Infinity and an empty sample (after dropping NaN)
 * throw a `VitestMlError`; one value per sample, constant samples and all-tied samples are valid (identical
 * constant samples give D = 0, p = 1).
 *
 * @param reference - the reference (training / baseline) sample
 * @param current - the current (serving / candidate) sample
 * @param options - method and alternative
 * @returns statistic, p-value, where the gap is, and the method used
 * @example
 * ```ts
 * ksTwoSample([1, 2, 3, 4, 5], [3, 4, 5, 6, 7, 8])
 * // -> { statistic: 0.5, pValue: 0.3571..., method: 'exact', ... }
 * ```
 */
export function ksTwoSample(reference: ArrayLike<number>, current: ArrayLike<number>, options: KsTwoSampleOptions = {}): KsTwoSampleResult {
  const method = options.method ?? 'auto'
  const alternative = checkAlternative('ksTwoSample', options.alternative)
  if (method !== 'auto' && method !== 'exact' && method !== 'asymp') {
    throw new VitestMlError(
      'ksTwoSample',
      "method 'auto', 'exact' or 'asymp'",
      JSON.stringify(method),
      "'asymp' is scipy's spelling; 'auto' is exact up to 10,000 values per sample.",
    )
  }
  const ref = finiteSample('ksTwoSample', 'reference', reference)
  const cur = finiteSample('ksTwoSample', 'current', current)
  const x = sortFloat64(ref.values)
  const y = sortFloat64(cur.values)
  const n1 = x.length
  const n2 = y.length
  let i = 0
  let j = 0
  let maxS = Number.NEGATIVE_INFINITY
  let minS = Number.POSITIVE_INFINITY
  let maxLoc = Number.NaN
  let minLoc = Number.NaN
  while (i < n1 || j < n2) {
    const xi = i < n1 ? (x[i] as number) : Number.POSITIVE_INFINITY
    const yj = j < n2 ? (y[j] as number) : Number.POSITIVE_INFINITY
    const value = xi <= yj ? xi : yj
    while (i < n1 && (x[i] as number) <= value) i++
    while (j < n2 && (y[j] as number) <= value) j++
    const diff = i / n1 - j / n2
    if (diff > maxS) {
      maxS = diff
      maxLoc = value
    }
    if (diff < minS) {
      minS = diff
      minLoc = value
    }
  }
  const minGap = Math.min(Math.max(-minS, 0), 1)
  let d: number
  let location: number
  let sign: 1 | -1
  if (alternative === 'less' || (alternative === 'two-sided' && minGap > maxS)) {
    d = minGap
    location = minLoc
    sign = -1
  } else {
    d = maxS
    location = maxLoc
    sign = 1
  }
  let mode: 'exact' | 'asymp' = method === 'auto' ? (Math.max(n1, n2) <= 10000 ? 'exact' : 'asymp') : method
  if (mode === 'exact' && n1 / gcd(n1, n2) >= 2147483647 / (n2 / gcd(n1, n2))) mode = 'asymp'
  let pValue = Number.NaN
  if (mode === 'exact') {
    const exact = ksExactProbability(n1, n2, d, alternative)
    d = exact.statistic
    if (exact.pValue === undefined) mode = 'asymp'
    else pValue = exact.pValue
  }
  if (mode === 'asymp') {
    const m = Math.max(n1, n2)
    const n = Math.min(n1, n2)
    const en = (m * n) / (m + n)
    if (alternative === 'two-sided') {
      pValue = kolmogorovSf(roundHalfEven(en), d)
    } else {
      const z = Math.sqrt(en) * d
      pValue = Math.exp(-2 * z * z - (2 * z * (m + 2 * n)) / Math.sqrt(m * n * (m + n)) / 3)
    }
  }
  pValue = Math.min(1, Math.max(0, pValue))
  return {
    statistic: d,
    pValue,
    statisticLocation: location,
    statisticSign: sign,
    method: mode,
    referenceSize: n1,
    currentSize: n2,
    nanDropped: ref.nanDropped + cur.nanDropped,
  }
}

function roundHalfEven(value: number): number {
  const r = Math.round(value)
  return Math.abs(value % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r
}
