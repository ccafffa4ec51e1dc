import { VitestMlError } from '../util/errors.js'
import { nonNegativeCount } from './finite-sample.js'

/** Options of {@link jensenShannonDistance}. */
export interface JensenShannonDistanceOptions {
  /**
   * Logarithm base; the distance lies in [0, 1] for base 2 and in [0, sqrt(ln 2)] for the natural log.
   * @defaultValue Math.E (natural logarithm, as scipy)
   */
  readonly base?: number
}

/** Result of {@link jensenShannonDistance}. */
export interface JensenShannonDistanceResult {
  /** The Jensen-Shannon distance: the square root of the Jensen-Shannon divergence. */
  readonly statistic: number
}

function relativeEntropy(x: number, y: number): number {
  if (x > 0 && y > 0) return x * Math.log(x / y)
  if (x === 0 && y >= 0) return 0
  return Number.POSITIVE_INFINITY
}

/**
 * Jensen-Shannon distance between two discrete distributions, as `scipy.spatial.distance.jensenshannon(p, q, base)`:
 * `sqrt((KL(p || m) + KL(q || m)) / 2)` with `m = (p + q) / 2`, after normalizing `p` and `q` to sum to 1.
 *
 * Inputs may be counts or probabilities over the same categories. Zero entries are fine (0 log 0 = 0); identical
 * distributions give 0. Negative or non-finite entries, a length mismatch, no categories, or an all-zero vector
 * throw `VitestMlError`.
 *
 * @param p - first distribution (reference), counts or probabilities
 * @param q - second distribution (current), same categories
 * @param options - `base` of the logarithm
 * @returns the distance
 * @example
 * ```ts
 * jensenShannonDistance([1, 0, 0], [0, 1, 0], { base: 2 }) // -> { statistic: 1 }
 * ```
 */
export function jensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>, options: JensenShannonDistanceOptions = {}): JensenShannonDistanceResult {
  const source = 'jensenShannonDistance'
  if (p.length === 0) throw new VitestMlError(source, 'at least 1 category', '0', 'Pass one weight per category.')
  if (p.length !== q.length) {
    throw new VitestMlError(
      source,
      `q with ${p.length} categories (as p)`,
      `${q.length}`,
      'Count the same categories, in the same order, for both distributions.',
    )
  }
  const base = options.base
  if (base !== undefined && !(base > 0 && base !== 1 && Number.isFinite(base))) {
    throw new VitestMlError(source, 'a logarithm base > 0 and != 1', String(base), 'Use 2 for bits, Math.E for nats.')
  }
  let sumP = 0
  let sumQ = 0
  for (let i = 0; i < p.length; i++) {
    sumP += nonNegativeCount(source, `p[${i}]`, p[i] as number)
    sumQ += nonNegativeCount(source, `q[${i}]`, q[i] as number)
  }
  if (sumP === 0 || sumQ === 0) {
    throw new VitestMlError(
      source,
      'weights with a positive total in p and q',
      `totals ${sumP} and ${sumQ}`,
      'A distribution needs at least one positive weight.',
    )
  }
  let left = 0
  let right = 0
  for (let i = 0; i < p.length; i++) {
    const pi = (p[i] as number) / sumP
    const qi = (q[i] as number) / sumQ
    const m = (pi + qi) / 2
    left += relativeEntropy(pi, m)
    right += relativeEntropy(qi, m)
  }
  let divergence = left + right
  if (base !== undefined) divergence /= Math.log(base)
  return { statistic: Math.sqrt(Math.max(divergence / 2, 0)) }
}
