import { checkedPredict } from '../model/checked-predict.js'
import type { Model } from '../model/model.js'
import { withTimeout } from '../model/with-timeout.js'
import { ModelTimeoutError, OutputCountError, VitestMlError } from '../util/errors.js'
import { isUsableOutput } from './usable-output.js'

/** Why an answer came from the fallback. */
export type FallbackReason = 'timeout' | 'error' | 'invalid-output'

/** One answer of a {@link FallbackModel}: the value and the path that served it. */
export interface FallbackAnswer<O> {
  /** The answer. */
  readonly value: O
  /** Which model answered. */
  readonly servedBy: 'primary' | 'fallback'
  /** Why the primary's answer was not used (fallback answers only). */
  readonly reason?: FallbackReason
}

/** Options of {@link withFallback}. */
export interface FallbackOptions<O> {
  /** Budget for the primary per call, in milliseconds; past it the fallback answers. */
  readonly timeoutMs: number
  /** Whether a primary answer may be served. @defaultValue `isUsableOutput` (a value, no holes, finite numbers; labels are fine) */
  readonly isValid?: (output: O) => boolean
  /** Name in reports. @defaultValue `primary|fallback` */
  readonly name?: string
}

/** Counters of a {@link FallbackModel}, the numbers a dashboard would plot. */
export interface FallbackStats {
  /** `predict` calls. */
  readonly calls: number
  /** Rows answered. */
  readonly rows: number
  /** Rows answered by the fallback. */
  readonly fallbackRows: number
  /** `fallbackRows / rows` (0 before any call). */
  readonly fallbackRate: number
  /** Fallback rows per reason. */
  readonly reasons: Readonly<Record<FallbackReason, number>>
  /** Message of the last primary failure, if any. */
  readonly lastError?: string
}

/** A model that always answers: the primary when it is fast and valid, the fallback otherwise. */
export interface FallbackModel<I, O> extends Model<I, FallbackAnswer<O>> {
  /** The primary model. */
  readonly primary: Model<I, O>
  /** The fallback model. */
  readonly fallback: Model<I, O>
  /** The options it was built with. */
  readonly options: FallbackOptions<O>
  /** Counters so far. */
  stats(): FallbackStats
}

/**
 * Graceful degradation (production pattern 1): asks the primary within `timeoutMs`; when it times out or throws, the
 * whole batch is answered by the fallback, and when single rows come back invalid (NaN, nothing, `{}` by default) only
 * those rows are. A primary that returns more or fewer outputs than rows has failed the call (reason `error`); a
 * fallback that does so, or throws, makes `predict` reject. Every answer says which path served it, and the counters
 * give the fallback rate to monitor. Its identity carries the primary's SHA-256 and version, so a cache in front of it is keyed by
 * the primary (only primary answers are cached by default).
 *
 * @param primary - the model to use when it works
 * @param fallback - a simple, dependable model (a heuristic, a smaller model, a constant)
 * @param options - timeout, validity test, name
 * @returns the combined model; a failing fallback rejects with a {@link VitestMlError}
 * @example
 * ```ts
 * const service = withFallback(vad, energyThreshold, { timeoutMs: 20 })
 * await service.predict([window]) // [{ value: [0.93], servedBy: 'primary' }] or [{ value: [1], servedBy: 'fallback', reason: 'timeout' }]
 * service.stats().fallbackRate // 0.04
 * ```
 */
export function withFallback<I, O>(primary: Model<I, O>, fallback: Model<I, O>, options: FallbackOptions<O>): FallbackModel<I, O> {
  if (!(options?.timeoutMs > 0)) {
    throw new VitestMlError(
      'withFallback',
      'a `timeoutMs` > 0',
      String(options?.timeoutMs),
      'Give the primary a latency budget, for example `{ timeoutMs: 100 }`.',
    )
  }
  const isValid = options.isValid ?? isUsableOutput
  const name = options.name ?? `${primary.identity.name}|${fallback.identity.name}`
  const counters = { calls: 0, rows: 0, fallbackRows: 0, reasons: { timeout: 0, error: 0, 'invalid-output': 0 }, lastError: undefined as string | undefined }

  async function askFallback(rows: readonly I[], reason: FallbackReason): Promise<FallbackAnswer<O>[]> {
    let values: O[]
    try {
      values = await checkedPredict(fallback, rows, name)
    } catch (error) {
      if (error instanceof OutputCountError) throw error
      throw new VitestMlError(
        name,
        'the fallback to answer',
        `an exception: ${(error as Error)?.message ?? String(error)} (after the primary failed: ${reason})`,
        'The fallback is the last line of defence: make it a heuristic that cannot fail (no I/O, no model).',
        { cause: error },
      )
    }
    counters.fallbackRows += rows.length
    counters.reasons[reason] += rows.length
    return values.map((value) => ({ value, servedBy: 'fallback', reason }))
  }

  async function predict(batch: readonly I[]): Promise<FallbackAnswer<O>[]> {
    counters.calls++
    counters.rows += batch.length
    let values: O[]
    try {
      values = await withTimeout(checkedPredict(primary, batch, name), options.timeoutMs, primary.identity.name)
    } catch (error) {
      counters.lastError = (error as Error)?.message ?? String(error)
      return askFallback(batch, error instanceof ModelTimeoutError ? 'timeout' : 'error')
    }
    const invalid = values.flatMap((value, index) => (isValid(value) ? [] : [index]))
    const answers: FallbackAnswer<O>[] = values.map((value) => ({ value, servedBy: 'primary' }))
    if (invalid.length > 0) {
      const replaced = await askFallback(
        invalid.map((index) => batch[index] as I),
        'invalid-output',
      )
      for (const [k, index] of invalid.entries()) answers[index] = replaced[k] as FallbackAnswer<O>
    }
    return answers
  }

  return {
    identity: {
      name,
      ...(primary.identity.sha256 === undefined ? {} : { sha256: primary.identity.sha256 }),
      ...(primary.identity.version === undefined ? {} : { version: primary.identity.version }),
    },
    primary,
    fallback,
    options,
    predict,
    stats: () => ({
      calls: counters.calls,
      rows: counters.rows,
      fallbackRows: counters.fallbackRows,
      fallbackRate: counters.rows === 0 ? 0 : counters.fallbackRows / counters.rows,
      reasons: { ...counters.reasons },
      ...(counters.lastError === undefined ? {} : { lastError: counters.lastError }),
    }),
    async release() {
      await Promise.all([primary.release(), fallback.release()])
    },
  }
}

/**
 * True when `value` was built by {@link withFallback}.
 *
 * @param value - anything
 * @returns whether it has a primary, a fallback and fallback options
 * @example
 * ```ts
 * isFallbackModel(withFallback(model, heuristic, { timeoutMs: 50 })) // true
 * ```
 */
export function isFallbackModel(value: unknown): value is FallbackModel<unknown, unknown> {
  const candidate = value as Partial<FallbackModel<unknown, unknown>> | null
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.predict === 'function' &&
    typeof candidate.stats === 'function' &&
    candidate.primary !== undefined &&
    candidate.fallback !== undefined
  )
}
