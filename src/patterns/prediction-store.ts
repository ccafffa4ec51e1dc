import { systemClock, type Clock } from './clock.js'

/**
 * Where `cached()` keeps predictions: an async key-value store with a time-to-live per entry. The in-memory store
 * below serves tests and single processes; a shared cache implements the same two methods.
 *
 * @example
 * A Redis-backed store (node-redis v4), JSON for the values, `PX` for a TTL in milliseconds:
 * ```ts
 * import { createClient } from 'redis'
 * const redis = await createClient({ url: process.env.REDIS_URL }).connect()
 * const redisStore: PredictionStore<number[]> = {
 *   async get(key) {
 *     const text = await redis.get(key)
 *     return text === null ? undefined : (JSON.parse(text) as number[])
 *   },
 *   async set(key, value, ttlMs) {
 *     await redis.set(key, JSON.stringify(value), { PX: ttlMs })
 *   },
 * }
 * const served = cached(model, { ttlMs: 3_600_000, store: redisStore })
 * ```
 */
export interface PredictionStore<O = unknown> {
  /** The live value under `key`, or `undefined` when there is none or it has expired. */
  get(key: string): Promise<O | undefined>
  /** Stores `value` under `key` for `ttlMs` milliseconds. */
  set(key: string, value: O, ttlMs: number): Promise<void>
}

/** Options of {@link memoryPredictionStore}. */
export interface MemoryPredictionStoreOptions {
  /** Time source for expiry; share it with `cached()` in tests. @defaultValue the system clock */
  readonly clock?: Clock
  /** Entries kept at most; the oldest insertion is evicted first. @defaultValue 100000 */
  readonly maxEntries?: number
}

/** The in-memory {@link PredictionStore}, with its size for tests. */
export interface MemoryPredictionStore<O = unknown> extends PredictionStore<O> {
  /** Entries stored, expired ones included until they are read or evicted. */
  readonly size: number
}

/**
 * An in-memory {@link PredictionStore} with per-entry expiry on an injectable clock and a size bound.
 *
 * @param options - clock and size bound
 * @returns an empty store
 * @example
 * ```ts
 * const clock = manualClock()
 * const store = memoryPredictionStore<number>({ clock })
 * await store.set('k', 1, 1000)
 * clock.advance(1000)
 * await store.get('k') // undefined: an entry lives for ttlMs, then expires
 * ```
 */
export function memoryPredictionStore<O = unknown>(options: MemoryPredictionStoreOptions = {}): MemoryPredictionStore<O> {
  const clock = options.clock ?? systemClock
  const maxEntries = options.maxEntries ?? 100_000
  const entries = new Map<string, { readonly value: O; readonly expiresAt: number }>()
  return {
    get size() {
      return entries.size
    },
    async get(key) {
      const entry = entries.get(key)
      if (entry === undefined) return undefined
      if (clock.now() >= entry.expiresAt) {
        entries.delete(key)
        return undefined
      }
      return entry.value
    },
    async set(key, value, ttlMs) {
      entries.delete(key)
      entries.set(key, { value, expiresAt: clock.now() + ttlMs })
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string)
    },
  }
}
