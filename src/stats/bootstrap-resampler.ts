import seedrandom from 'seedrandom'
import { VitestMlError } from '../util/errors.js'
import { normalQuantileStandard, normalSf } from './distributions.js'
import { linearQuantile } from './linear-quantile.js'

/** Options of {@link bootstrapConfidenceInterval} and {@link pairedBootstrapInterval}. */
export interface BootstrapOptions {
  /**
   * Two-sided confidence level in (0, 1).
   * @defaultValue 0.95
   */
  readonly confidence?: number
  /**
   * Number of bootstrap resamples.
   * @defaultValue 9999
   */
  readonly resamples?: number
  /**
   * Seed of the resampling generator (seedrandom's Alea); the same seed and data give the same interval.
   * @defaultValue 20240601
   */
  readonly seed?: number | string
  /**
   * `percentile` (quantiles of the bootstrap distribution) or `bca` (bias-corrected and accelerated, Efron 1987;
   * needs one jackknife evaluation per observation).
   * @defaultValue 'percentile'
   */
  readonly method?: 'percentile' | 'bca'
}

/** Result of a bootstrap interval. */
export interface BootstrapResult {
  /** Lower bound of the interval. */
  readonly low: number
  /** Upper bound of the interval. */
  readonly high: number
  /** The statistic on the original data (all indices). */
  readonly estimate: number
  /** Standard deviation of the bootstrap distribution (ddof = 1, as scipy's `standard_error`). */
  readonly standardError: number
  readonly confidence: number
  readonly resamples: number
  readonly method: 'percentile' | 'bca'
  /** The seed used; pass it back to reproduce the interval. */
  readonly seed: number | string
}

/** Default seed, so that an unseeded call is still reproducible. */
export const DEFAULT_BOOTSTRAP_SEED = 20240601

/**
 * The engine behind both bootstrap intervals: draws `resamples` index vectors of length `n` with replacement
 * (one reused `Uint32Array`, no per-resample allocation), evaluates the statistic on each, and turns the bootstrap
 * distribution into a percentile or BCa interval like `scipy.stats.bootstrap` does.
 *
 * @param source - public name of the caller, for errors
 * @param n - number of observations (index range 0 .. n - 1)
 * @param evaluate - statistic of the observations at the given indices; the array is reused, do not keep it
 * @param options - confidence, resamples, seed, method
 * @param strata - optional stratum of each observation: each resample then draws, for every position, an observation of
 *   the same stratum, so stratum sizes stay fixed (a stratified bootstrap, for statistics that compare groups)
 * @returns the interval with the estimate, standard error and seed
 * @example
 * ```ts
 * bootstrapIndices('pairedBootstrapInterval', 100, (indices) => meanAt(indices), { seed: 1 })
 * ```
 */
export function bootstrapIndices(
  source: string,
  n: number,
  evaluate: (indices: Uint32Array) => number,
  options: BootstrapOptions,
  strata?: ArrayLike<number>,
): BootstrapResult {
  const confidence = options.confidence ?? 0.95
  const resamples = options.resamples ?? 9999
  const seed = options.seed ?? DEFAULT_BOOTSTRAP_SEED
  const method = options.method ?? 'percentile'
  if (!Number.isInteger(n) || n < 1) {
    throw new VitestMlError(source, 'at least 1 observation', String(n), 'A bootstrap needs data; check the sample is not empty (NaN values are dropped).')
  }
  if (!(confidence > 0 && confidence < 1)) throw new VitestMlError(source, 'a confidence level in (0, 1)', String(confidence), 'Use 0.95 for a 95% interval.')
  if (!Number.isInteger(resamples) || resamples < 2)
    throw new VitestMlError(source, 'an integer number of resamples >= 2', String(resamples), 'Use several thousand resamples (9999 by default).')
  if (method !== 'percentile' && method !== 'bca')
    throw new VitestMlError(
      source,
      "method 'percentile' or 'bca'",
      JSON.stringify(method),
      "'bca' corrects bias and skew; 'percentile' is the plain quantile interval.",
    )
  if (strata !== undefined && strata.length !== n)
    throw new VitestMlError(source, `one stratum per observation (${n})`, String(strata.length), 'Pass the stratum of every observation, in order.')
  const random = seedrandom.alea(String(seed))
  const indices = new Uint32Array(n)
  for (let i = 0; i < n; i++) indices[i] = i
  const estimate = evaluate(indices)
  const distribution = new Float64Array(resamples)
  const members = strata === undefined ? undefined : stratumMembers(strata, n)
  for (let b = 0; b < resamples; b++) {
    if (members === undefined) for (let i = 0; i < n; i++) indices[i] = Math.floor(random() * n)
    else {
      for (let i = 0; i < n; i++) {
        const pool = members.get(strata?.[i] as number) as number[]
        indices[i] = pool[Math.floor(random() * pool.length)] as number
      }
    }
    distribution[b] = evaluate(indices)
  }
  let mean = 0
  for (let b = 0; b < resamples; b++) mean += distribution[b] as number
  mean /= resamples
  let squares = 0
  for (let b = 0; b < resamples; b++) squares += ((distribution[b] as number) - mean) ** 2
  const standardError = Math.sqrt(squares / (resamples - 1))
  const alpha = (1 - confidence) / 2
  let lowQ = alpha
  let highQ = 1 - alpha
  if (method === 'bca') {
    let below = 0
    for (let b = 0; b < resamples; b++) if ((distribution[b] as number) < estimate) below++
    const z0 = normalQuantileStandard(below / resamples)
    const jackknife = new Float64Array(n)
    const leaveOut = new Uint32Array(Math.max(n - 1, 0))
    for (let skip = 0; skip < n; skip++) {
      for (let i = 0, j = 0; i < n; i++) if (i !== skip) leaveOut[j++] = i
      jackknife[skip] = evaluate(leaveOut)
    }
    let jackMean = 0
    for (let i = 0; i < n; i++) jackMean += jackknife[i] as number
    jackMean /= n
    let num = 0
    let den = 0
    for (let i = 0; i < n; i++) {
      const d = jackMean - (jackknife[i] as number)
      num += d * d * d
      den += d * d
    }
    const acceleration = den === 0 ? 0 : num / (6 * den ** 1.5)
    const adjust = (q: number): number => {
      const zq = normalQuantileStandard(q)
      return standardNormalCdf(z0 + (z0 + zq) / (1 - acceleration * (z0 + zq)))
    }
    lowQ = adjust(alpha)
    highQ = adjust(1 - alpha)
    if (!Number.isFinite(z0) || !(lowQ >= 0 && highQ <= 1)) {
      throw new VitestMlError(
        source,
        'a bootstrap distribution on both sides of the estimate for BCa',
        `${below} of ${resamples} resamples below the estimate`,
        "The statistic is (nearly) constant under resampling; use method 'percentile'.",
      )
    }
  }
  const sorted = distribution.sort()
  return { low: linearQuantile(sorted, lowQ), high: linearQuantile(sorted, highQ), estimate, standardError, confidence, resamples, method, seed }
}

function stratumMembers(strata: ArrayLike<number>, n: number): Map<number, number[]> {
  const members = new Map<number, number[]>()
  for (let i = 0; i < n; i++) {
    const stratum = strata[i] as number
    const list = members.get(stratum)
    if (list === undefined) members.set(stratum, [i])
    else list.push(i)
  }
  return members
}

function standardNormalCdf(z: number): number {
  return normalSf(-z)
}
