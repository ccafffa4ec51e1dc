import type { Model } from '../model/model.js'

/** Which path of a serving pipeline produced an answer: the primary model, its fallback, or the prediction cache. */
export type ServedBy = 'primary' | 'fallback' | 'cache'

/** One answer with the path that produced it. */
export interface ServedAnswer<O> {
  /** The answer, as `predict` returns it. */
  readonly output: O
  /** Which path produced it. */
  readonly servedBy: ServedBy
}

/** A model that can say, per row, which path answered (a `cached()` model knows which rows were hits). */
export interface ServingModel<I, O> extends Model<I, O> {
  /** Like `predict`, with the path that produced each answer. */
  predictServed(batch: readonly I[]): Promise<ServedAnswer<O>[]>
}

/** The shape of a `withFallback()` answer, read structurally so logging needs no import of the wrapper. */
interface FallbackShaped {
  readonly value: unknown
  readonly servedBy: 'primary' | 'fallback'
}

/**
 * True when `output` is a `withFallback()` answer (`{ value, servedBy: 'primary' | 'fallback' }`).
 *
 * @param output - one model output
 * @returns whether it carries its own provenance
 * @example
 * ```ts
 * isFallbackAnswer({ value: [0.9], servedBy: 'fallback', reason: 'timeout' }) // true
 * isFallbackAnswer([0.9]) // false
 * ```
 */
export function isFallbackAnswer(output: unknown): output is FallbackShaped {
  if (typeof output !== 'object' || output === null || Array.isArray(output)) return false
  const candidate = output as Partial<FallbackShaped>
  return 'value' in candidate && (candidate.servedBy === 'primary' || candidate.servedBy === 'fallback')
}

/**
 * The path that produced a model's own answer: a fallback answer says it, anything else came from the primary.
 *
 * @param output - one model output
 * @returns `'fallback'` for a fallback answer, otherwise `'primary'`
 * @example
 * ```ts
 * servedByOf({ value: 1, servedBy: 'fallback', reason: 'error' }) // 'fallback'
 * servedByOf([0.2, 0.8]) // 'primary'
 * ```
 */
export function servedByOf(output: unknown): 'primary' | 'fallback' {
  return isFallbackAnswer(output) ? output.servedBy : 'primary'
}

/**
 * True when `model` can say which path answered each row (has `predictServed`).
 *
 * @param model - any model
 * @returns whether `predictServed` is there
 * @example
 * ```ts
 * isServingModel(cached(model, { ttlMs: 1000 })) // true
 * isServingModel(model) // false
 * ```
 */
export function isServingModel<I, O>(model: Model<I, O>): model is ServingModel<I, O> {
  return typeof (model as Partial<ServingModel<I, O>>).predictServed === 'function'
}
