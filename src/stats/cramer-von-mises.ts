import { VitestMlError } from '../util/errors.js'
import { averageRanks } from './average-ranks.js'
import { cramerVonMisesExactPValue, cramerVonMisesLimitCdf } from './cramer-von-mises-distribution.js'
import { finiteSample } from './finite-sample.js'
import { sortFloat64 } from './sort-float64.js'

/** Options of {@link cramerVonMises}. */
export interface CramerVonMisesOptions {
  /**
   * `exact` (permutation distribution; slow beyond ~20 values per sample), `asymptotic` (Anderson's normalized
   * statistic against the limiting distribution), or `auto`: exact when both samples have at most 20 values.
   * @defaultValue 'auto'
   */
  readonly method?: 'auto' | 'exact' | 'asymptotic'
}

/** Result of {@link cramerVonMises}. */
export interface CramerVonMisesResult {
  /** The two-sample Cramér-von Mises criterion T (Anderson 1962, eq. 9). */
  readonly statistic: number
  readonly pValue: number
  readonly method: 'exact' | 'asymptotic'
  /** NaN values dropped from both samples together. */
  readonly nanDropped: number
}

/**
 * Two-sample Cramér-von Mises test, a port of `scipy.stats.cramervonmises_2samp(reference, current, method)`:
 * midranks for ties, the exact p-value by scipy's recursion, or the asymptotic one from the limiting distribution
 * (series in Bessel K_{1/4}, as scipy). More sensitive than KS to differences spread over the whole distribution.
 *
 * Degenerate inputs: NaN dropped and counted; ±Infinity or fewer than 2 values in a sample throws `VitestMlError`
 * (scipy requires 2). Identical samples give a large p-value; all-tied pooled values are allowed.
 *
 * @param reference - the reference sample
 * @param current - the current sample
 * @param options - `method`
 * @returns statistic T, p-value and the method used
 * @example
 * ```ts
 * cramerVonMises([1, 2, 3, 4, 5], [3, 4, 5, 6, 7, 8]) // -> { statistic: 0.3977..., pValue: 0.0779..., method: 'exact', ... }
 * ```
 */
export function cramerVonMises(reference: ArrayLike<number>, current: ArrayLike<number>, options: CramerVonMisesOptions = {}): CramerVonMisesResult {
  const requested = options.method ?? 'auto'
  if (requested !== 'auto' && requested !== 'exact' && requested !== 'asymptotic') {
    throw new VitestMlError(
      'cramerVonMises',
      "method 'auto', 'exact' or 'asymptotic'",
      JSON.stringify(requested),
      "'auto' is exact when both samples have at most 20 values.",
    )
  }
  const ref = finiteSample('cramerVonMises', 'reference', reference, 2)
  const cur = finiteSample('cramerVonMises', 'current', current, 2)
  const nx = ref.values.length
  const ny = cur.values.length
  const method = requested === 'auto' ? (Math.max(nx, ny) > 20 ? 'asymptotic' : 'exact') : requested
  const pooled = new Float64Array(nx + ny)
  pooled.set(sortFloat64(ref.values))
  pooled.set(sortFloat64(cur.values), nx)
  const { ranks } = averageRanks(pooled)
  let sx = 0
  for (let i = 0; i < nx; i++) sx += ((ranks[i] as number) - (i + 1)) ** 2
  let sy = 0
  for (let j = 0; j < ny; j++) sy += ((ranks[nx + j] as number) - (j + 1)) ** 2
  const u = nx * sx + ny * sy
  const k = nx * ny
  const total = nx + ny
  const statistic = u / (k * total) - (4 * k - 1) / (6 * total)
  let pValue: number
  if (method === 'exact') {
    pValue = cramerVonMisesExactPValue(u, nx, ny)
  } else {
    const et = (1 + 1 / total) / 6
    const vt = ((total + 1) * (4 * k * total - 3 * (nx * nx + ny * ny) - 2 * k)) / (45 * total * total * 4 * k)
    const tn = 1 / 6 + (statistic - et) / Math.sqrt(45 * vt)
    pValue = tn >= 0.003 ? Math.max(1 - cramerVonMisesLimitCdf(tn), 0) : 1
  }
  return { statistic, pValue, method, nanDropped: ref.nanDropped + cur.nanDropped }
}
