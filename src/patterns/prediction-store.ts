import { type Clock, systemClock } from './clock.js'

/**
 * Where `cached()` keeps predictions: an async key-value store with a time-to-live per entry. The in-memory store
 * below serves tests and single processes; `redisPredictionStore` is the shared one. A store may add the batch methods
 * `getMany` / `setMany` (one round trip per batch); `cached()` uses them when they are there.
 *
 * @example
 * A store is two methods (and optionally their batch forms); values must come back equal to what was stored:
 * ```ts
 * const store: PredictionStore<number[]> = {
 *   async get(key) { return entries.get(key) },
 *   async set(key, value, ttlMs) { entries.set(key, value); setTimeout(() => entries.delete(key), ttlMs).unref() },
 * }
 * const served = cached(model, { ttlMs: 3_600_000, store })
 * ```
 */
export interface PredictionStore<O = unknown> {
  /** The live value under `key`, or `undefined` when there is none or it has expired. */
  get(key: string): Promise<O | undefined>
  /** Stores `value` under `key` for `ttlMs` milliseconds. */
  set(key: string, value: O, ttlMs: number): Promise<void>
  /** The live values under `keys`, in order, in one round trip (`undefined` where there is none). */
  getMany?(keys: readonly string[]): Promise<(O | undefined)[]>
  /** Stores every entry for `ttlMs` milliseconds in one round trip, each value with its TTL in one atomic command. */
  setMany?(entries: readonly StoreEntry<O>[], ttlMs: number): Promise<void>
  /**
   * True when other processes read and write the same entries (a Redis server): `cached()` then refuses a model with
   * neither a SHA-256 nor a version, whose entries another model of the same name could serve.
   */
  readonly shared?: boolean
}

/** One entry of {@link PredictionStore.setMany}. */
export interface StoreEntry<O> {
  /** The full key. */
  readonly key: string
  /** The value. */
  readonly value: O
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
