import { checkedPredict } from '../model/checked-predict.js'
import type { Model } from '../model/model.js'
import { VitestMlError } from '../util/errors.js'
import { type Clock, systemClock } from './clock.js'
import { featureHash } from './feature-hash.js'
import { memoryPredictionStore, type PredictionStore } from './prediction-store.js'
import { isFallbackAnswer, type ServedAnswer, type ServingModel, servedByOf } from './served-answer.js'

/** Options of {@link cached}. */
export interface CachedOptions<I, O> {
  /** How long an answer may be served from the cache, in milliseconds. */
  readonly ttlMs: number
  /** Cache key of a row. @defaultValue `featureHash` (SHA-256 of the row's canonical JSON) */
  readonly key?: (row: I) => string
  /** Where answers are kept. @defaultValue a new in-memory store on `clock` */
  readonly store?: PredictionStore<O>
  /** Time source of the default store. @defaultValue the system clock */
  readonly clock?: Clock
  /** Prefix of every key. @defaultValue `pred:<model name>@<sha256 or version>`, so a new model never serves old answers */
  readonly namespace?: string
  /**
   * Whether an answer may be stored. @defaultValue every answer except a `withFallback()` fallback answer, so a
   * degraded answer is not served for a whole TTL after the primary has recovered
   */
  readonly cacheable?: (output: O) => boolean
}

/** Counters of a {@link CachedModel}. */
export interface CacheStats {
  /** Rows answered from the cache. */
  readonly hits: number
  /** Rows the model was asked for. */
  readonly misses: number
  /** Missing rows answered by a call already under way for the same key (same batch or a concurrent one). */
  readonly coalesced: number
  /** `hits / rows` (0 before any call). */
  readonly hitRate: number
  /** Store calls that threw or timed out (served as misses, never as errors). */
  readonly storeErrors: number
  /** Answers not stored because `cacheable` refused them (fallback answers by default). */
  readonly uncacheable: number
}

/** A model whose answers are served from a cache while they are fresh. */
export interface CachedModel<I, O> extends ServingModel<I, O> {
  /** The model asked on a miss. */
  readonly source: Model<I, O>
  /** The options it was built with. */
  readonly options: CachedOptions<I, O>
  /** Counters so far. */
  stats(): CacheStats
  /** Like `predict`, saying which rows were served from the cache (`'cache'`) and which by the model. */
  predictServed(batch: readonly I[]): Promise<ServedAnswer<O>[]>
}

/**
 * Prediction caching (production pattern 5): each row is looked up by key; misses are predicted in one batch and
 * stored for `ttlMs`. Rows whose key is already being predicted (a duplicate in the batch, or a concurrent call) wait
 * for that answer instead of asking the model again, so a burst of identical requests costs one prediction. A store
 * that fails is treated as a miss (counted), so a cache outage costs latency, not answers. A store with `getMany` /
 * `setMany` is asked once per batch for all its keys. Coalescing is per process: two processes sharing a Redis server
 * may both ask their model for the same new key, and both store the same answer.
 *
 * @param model - the model to cache
 * @param options - TTL, key function, store, clock, namespace
 * @returns the cached model
 * @example
 * ```ts
 * const clock = manualClock()
 * const served = cached(model, { ttlMs: 60_000, clock })
 * await served.predict(rows) // misses: asks the model
 * await served.predict(rows) // hits
 * clock.advance(60_000)
 * await served.predict(rows) // expired: asks the model again
 * ```
 */
export function cached<I, O>(model: Model<I, O>, options: CachedOptions<I, O>): CachedModel<I, O> {
  if (!(options?.ttlMs > 0) || !Number.isFinite(options.ttlMs)) {
    throw new VitestMlError(
      'cached',
      'a finite `ttlMs` > 0',
      String(options?.ttlMs),
      'Say how long an answer stays valid, for example `{ ttlMs: 3_600_000 }` for an hour.',
    )
  }
  const store = options.store ?? memoryPredictionStore<O>({ clock: options.clock ?? systemClock })
  const keyOf = options.key ?? featureHash
  const { name, sha256, version } = model.identity
  if (store.shared === true && sha256 === undefined && version === undefined && options.namespace === undefined) {
    throw new VitestMlError(
      'cached',
      `a model with a SHA-256 or a version in front of a shared store`,
      `${name} with neither`,
      "Entries in a shared store outlive this process: give the model a version (`functionModel(fn, { version })`) or a `namespace`, so a changed model never serves the old one's answers.",
    )
  }
  const namespace = options.namespace ?? `pred:${name}@${sha256 ?? version ?? 'unversioned'}`
  const cacheable = options.cacheable ?? ((output: O) => !(isFallbackAnswer(output) && output.servedBy === 'fallback'))
  const counters = { hits: 0, misses: 0, coalesced: 0, storeErrors: 0, uncacheable: 0 }
  const inflight = new Map<string, Promise<O>>()

  async function lookup(key: string): Promise<O | undefined> {
    try {
      return await store.get(key)
    } catch {
      counters.storeErrors++
      return undefined
    }
  }

  /** Every key's value: one `getMany` call when the store has it (each distinct key asked once), else one `get` per key. */
  async function lookupAll(keys: readonly string[]): Promise<(O | undefined)[]> {
    const distinct = [...new Set(keys)]
    let values: readonly (O | undefined)[]
    if (store.getMany === undefined) values = await Promise.all(distinct.map(lookup))
    else {
      try {
        values = await store.getMany(distinct)
        if (values.length !== distinct.length) throw new Error(`getMany returned ${values.length} values for ${distinct.length} keys`)
      } catch {
        counters.storeErrors++
        values = []
      }
    }
    const byKey = new Map(distinct.map((key, index) => [key, values[index]]))
    return keys.map((key) => byKey.get(key))
  }

  /** Stores the fresh answers that may be cached: one `setMany` call when the store has it, else one `set` per key. */
  async function storeAll(entries: readonly { key: string; value: O }[]): Promise<void> {
    const kept = entries.filter((entry) => cacheable(entry.value))
    counters.uncacheable += entries.length - kept.length
    if (kept.length === 0) return
    if (store.setMany !== undefined) {
      try {
        await store.setMany(kept, options.ttlMs)
      } catch {
        counters.storeErrors++
      }
      return
    }
    await Promise.all(
      kept.map(async ({ key, value }) => {
        try {
          await store.set(key, value, options.ttlMs)
        } catch {
          counters.storeErrors++
        }
      }),
    )
  }

  async function predictServed(batch: readonly I[]): Promise<ServedAnswer<O>[]> {
    const keys = batch.map((row) => `${namespace}:${keyOf(row)}`)
    const found = await lookupAll(keys)
    const fromCache = found.map((value) => value !== undefined)
    const owner = new Map<string, number>()
    const waits: Promise<void>[] = []
    for (const [index, value] of found.entries()) {
      const key = keys[index] as string
      if (value !== undefined) {
        counters.hits++
        continue
      }
      const pending = inflight.get(key)
      if (pending !== undefined || owner.has(key)) counters.coalesced++
      else counters.misses++
      if (pending !== undefined) {
        waits.push(
          pending.then((answer) => {
            found[index] = answer
          }),
        )
      } else if (!owner.has(key)) owner.set(key, index)
    }
    if (owner.size > 0) {
      const indices = [...owner.values()]
      const call = checkedPredict(
        model,
        indices.map((index) => batch[index] as I),
        'cached',
      )
      for (const [k, index] of indices.entries()) {
        const answer = call.then((fresh) => fresh[k] as O)
        answer.catch(() => undefined)
        inflight.set(keys[index] as string, answer)
      }
      try {
        const fresh = await call
        for (const [k, index] of indices.entries()) found[index] = fresh[k]
        await storeAll(indices.map((index, k) => ({ key: keys[index] as string, value: fresh[k] as O })))
      } finally {
        for (const index of indices) inflight.delete(keys[index] as string)
      }
    }
    await Promise.all(waits)
    return found.map((value, index) => {
      const output = value ?? (found[owner.get(keys[index] as string) as number] as O)
      return { output, servedBy: fromCache[index] === true ? 'cache' : servedByOf(output) }
    })
  }

  return {
    identity: model.identity,
    source: model,
    options,
    predictServed,
    predict: async (batch) => (await predictServed(batch)).map((answer) => answer.output),
    stats: () => {
      const rows = counters.hits + counters.misses + counters.coalesced
      return { ...counters, hitRate: rows === 0 ? 0 : counters.hits / rows }
    },
    release: () => model.release(),
  }
}

/**
 * True when `value` was built by {@link cached}.
 *
 * @param value - anything
 * @returns whether it has a source model and cache options
 * @example
 * ```ts
 * isCachedModel(cached(model, { ttlMs: 1000 })) // true
 * ```
 */
export function isCachedModel(value: unknown): value is CachedModel<unknown, unknown> {
  const candidate = value as Partial<CachedModel<unknown, unknown>> | null
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.predict === 'function' &&
    candidate.source !== undefined &&
    typeof candidate.options?.ttlMs === 'number'
  )
}
