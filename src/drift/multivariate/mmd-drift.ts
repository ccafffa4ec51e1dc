import { VitestMlError } from '../../util/errors.js'
import { checkCount } from './classifier-drift.js'
import { medianBandwidth, squaredDistances, unbiasedMmd2 } from './mmd-statistic.js'
import { MULTIVARIATE_DEFAULTS, type MultivariateDriftOptions, type MultivariateDriftResult } from './multivariate-drift-types.js'
import { type Random, shuffleInPlace } from './seeded-order.js'

/** Rows of both samples as one row-major matrix, reference rows first. */
export interface PooledRows {
  /** Row-major values, `(referenceRows + currentRows) x width`. */
  readonly values: Float64Array
  /** Number of columns (vector dimension). */
  readonly width: number
  /** Reference rows (the first ones). */
  readonly referenceRows: number
  /** Current rows (the rest). */
  readonly currentRows: number
}

/**
 * The kernel two-sample test with the maximum mean discrepancy (Gretton et al. 2012), as Alibi Detect's `MMDDrift`:
 * RBF kernel with the median-heuristic bandwidth (computed once on the observed split), the unbiased MMD^2 estimate,
 * and a permutation test — the pooled rows are relabelled `permutations` times and
 * p = (1 + #{permuted MMD^2 >= observed}) / (1 + permutations) (Alibi Detect reports the share without the +1s, which
 * can be 0). Works on embedding columns (vectors) and on encoded tabular features alike; cost grows with the square of
 * the rows, so the caller samples at most `maxRows` per side.
 *
 * @param rows - both samples, reference rows first
 * @param what - the tested features, for the result
 * @param random - the seeded random source
 * @param options - threshold, seed, permutations
 * @returns the test result
 * @example
 * ```ts
 * mmdDrift(pooled, { features: ['embedding'], embedding: true }, seededRandom(0), {})
 * // -> { statisticName: 'mmd2', statistic: 0.031, pValue: 0.0099, drifted: true, bandwidth: 3.2, ... }
 * ```
 */
export function mmdDrift(
  rows: PooledRows,
  what: { features: string[]; embedding: boolean },
  random: Random,
  options: MultivariateDriftOptions = {},
): MultivariateDriftResult {
  const seed = options.seed ?? MULTIVARIATE_DEFAULTS.seed
  const permutations = checkCount('permutations', options.permutations ?? MULTIVARIATE_DEFAULTS.permutations, 1)
  const threshold = options.threshold ?? MULTIVARIATE_DEFAULTS.threshold
  if (rows.referenceRows < 2 || rows.currentRows < 2) {
    throw new VitestMlError(
      'mmdDrift',
      'at least 2 rows in each sample',
      `${rows.referenceRows} reference and ${rows.currentRows} current rows`,
      'The unbiased MMD needs two rows per sample; collect more data.',
    )
  }
  const total = rows.referenceRows + rows.currentRows
  const distances = squaredDistances(rows.values, total, rows.width)
  const bandwidth = medianBandwidth(distances, total, rows.referenceRows)
  const warnings: string[] = []
  if (rows.width === 0) warnings.push('mmd: every feature is constant in both samples; nothing to compare')
  const kernel = distances
  const scale = 1 / (2 * bandwidth * bandwidth)
  for (let i = 0; i < kernel.length; i++) kernel[i] = Math.exp(-(kernel[i] as number) * scale)
  const labels = new Uint8Array(total).fill(1, rows.referenceRows)
  const statistic = unbiasedMmd2(kernel, labels)
  let atLeast = 0
  for (let round = 0; round < permutations; round++) {
    shuffleInPlace(labels, random)
    if (unbiasedMmd2(kernel, labels) >= statistic) atLeast++
  }
  const pValue = (1 + atLeast) / (1 + permutations)
  return {
    method: 'mmd',
    ...what,
    statisticName: 'mmd2',
    statistic,
    pValue,
    threshold,
    drifted: pValue < threshold,
    referenceRows: rows.referenceRows,
    currentRows: rows.currentRows,
    seed,
    permutations,
    bandwidth,
    warnings,
  }
}
