import { VitestMlError } from '../util/errors.js'
import { jsonMismatch } from './cache-json.js'
import type { PredictionStore, StoreEntry } from './prediction-store.js'

/** A pipeline of the client: the `SET key value PX ttl` commands of one batch, sent in one round trip. */
export interface RedisPipelineLike {
  /** Queues `SET key value PX ttlMs`. */
  set(key: string, value: string, mode: 'PX', ttlMs: number): unknown
  /** Sends the queued commands; one `[error, reply]` pair per command. */
  exec(): Promise<[Error | null, unknown][] | null>
}

/** The calls the store makes on an ioredis client, typed by shape so ioredis stays an optional peer dependency. */
export interface RedisClientLike {
  /** `GET key`. */
  get(key: string): Promise<string | null>
  /** `MGET key...`. */
  mget(keys: string[]): Promise<(string | null)[]>
  /** `SET key value PX ttlMs`: the value and its TTL in one atomic command. */
  set(key: string, value: string, mode: 'PX', ttlMs: number): Promise<unknown>
  /** A new pipeline. */
  pipeline(): RedisPipelineLike
  /** Closes the connection politely. */
  quit(): Promise<unknown>
  /** Closes the connection at once. */
  disconnect(): void
  /** Connection errors are emitted here. */
  on(event: 'error', listener: (error: Error) => void): unknown
  /** `'ready'` while connected. */
  readonly status: string
}

/** Options of {@link redisPredictionStore}. */
export interface RedisPredictionStoreOptions {
  /** Server to connect to (ignored with `client`). @defaultValue `'redis://127.0.0.1:6379'` */
  readonly url?: string
  /** A connected ioredis client (or cluster) to use instead of opening one; `close()` leaves it open. */
  readonly client?: RedisClientLike
  /** Budget of one store call (one round trip), in milliseconds; past it the call fails and is served as a miss. @defaultValue 100 */
  readonly timeoutMs?: number
  /** Budget of the first connection, in milliseconds. @defaultValue 2000 */
  readonly connectTimeoutMs?: number
}

/** Counters of a {@link RedisPredictionStore}. */
export interface RedisStoreStats {
  /** Store calls made; each is one round trip (`GET`, `MGET`, `SET` or one pipeline of `SET`s). */
  readonly calls: number
  /** Calls that failed: server down, connection lost, an error reply, or a timeout. */
  readonly errors: number
  /** Of `errors`, calls that got no answer within `timeoutMs`. */
  readonly timeouts: number
  /** Values not stored because they do not survive JSON (NaN, typed arrays...); they are predicted again next time. */
  readonly skipped: number
  /** Stored texts that were not JSON (written by something else): served as misses. */
  readonly unreadable: number
  /** Whether the client is connected now. */
  readonly connected: boolean
  /** The last error or skip reason, if any. */
  readonly lastError?: string
}

/** The Redis {@link PredictionStore}: batch methods, counters, and `close()`. */
export interface RedisPredictionStore<O = unknown> extends PredictionStore<O> {
  /** The live values under `keys` with one `MGET`. */
  getMany(keys: readonly string[]): Promise<(O | undefined)[]>
  /** Every entry as `SET key json PX ttl` in one pipeline (one round trip). */
  setMany(entries: readonly StoreEntry<O>[], ttlMs: number): Promise<void>
  /** Always true: other processes share the entries. */
  readonly shared: true
  /** Counters so far. */
  stats(): RedisStoreStats
  /** Closes the connection the store opened (a client passed in stays open). */
  close(): Promise<void>
}

const SOURCE = 'redisPredictionStore'

/** Loads ioredis on first use, so projects that never use the Redis store need not install it. */
async function loadIoredis(): Promise<new (url: string, options: Record<string, unknown>) => RedisClientLike & { connect(): Promise<void> }> {
  try {
    const module = (await import('ioredis')) as unknown as { Redis?: unknown; default?: unknown }
    return (module.Redis ?? module.default) as new (
      url: string,
      options: Record<string, unknown>,
    ) => RedisClientLike & { connect(): Promise<void> }
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw error
    throw new VitestMlError(
      SOURCE,
      'the ioredis package (an optional peer dependency of vitest-ml)',
      'a project without it',
      'Install it next to vitest-ml with `npm install ioredis`, or pass a connected client as `{ client }`.',
      { cause: error },
    )
  }
}

/**
 * A {@link PredictionStore} on a Redis server (production pattern 5 as teams run it), through ioredis: values as JSON
 * (never a language-specific pickle), `SET key json PX ttl` so the TTL is set atomically with the value, one `MGET`
 * per batch of lookups and one pipeline per batch of writes. Every call has a timeout; a failed or late call rejects,
 * which `cached()` counts in `storeErrors` and serves as a miss: a cache outage costs latency, never answers. While the
 * server is down the client does not queue commands (they fail at once) and reconnects by itself within half a second
 * of the server's return. Keys come from `cached()` (`pred:<model>@<sha256 or version>:<feature hash>`), so a new model
 * never reads an old model's entries, and a model without a SHA-256 or version is refused in front of this shared store.
 *
 * @param options - server URL or client, per-call timeout, connect timeout
 * @returns the connected store; rejects when the first connection fails (a wrong URL is a deployment error)
 * @example
 * ```ts
 * const store = await redisPredictionStore<number[]>({ url: process.env.REDIS_URL, timeoutMs: 50 })
 * const served = cached(model, { ttlMs: 3_600_000, store })
 * await served.predict(rows)
 * store.stats() // { calls: 2, errors: 0, timeouts: 0, skipped: 0, unreadable: 0, connected: true }
 * await store.close()
 * ```
 */
export async function redisPredictionStore<O = unknown>(options: RedisPredictionStoreOptions = {}): Promise<RedisPredictionStore<O>> {
  const timeoutMs = options.timeoutMs ?? 100
  const connectTimeoutMs = options.connectTimeoutMs ?? 2000
  if (!(timeoutMs > 0) || !(connectTimeoutMs > 0))
    throw new VitestMlError(
      SOURCE,
      '`timeoutMs` and `connectTimeoutMs` > 0',
      `${timeoutMs} and ${connectTimeoutMs}`,
      'A cache call should cost a few milliseconds: `{ timeoutMs: 50 }`.',
    )
  const counters = { calls: 0, errors: 0, timeouts: 0, skipped: 0, unreadable: 0, lastError: undefined as string | undefined }
  const owned = options.client === undefined
  const client = options.client ?? (await connect(options.url ?? 'redis://127.0.0.1:6379', connectTimeoutMs))
  client.on('error', (error) => {
    counters.lastError = error.message
  })

  async function timed<T>(work: () => Promise<T>): Promise<T> {
    counters.calls++
    let timer: NodeJS.Timeout | undefined
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        counters.timeouts++
        reject(
          new VitestMlError(
            SOURCE,
            `an answer from Redis within ${timeoutMs} ms`,
            'none',
            'The call is served as a miss; raise `timeoutMs` if the server is far away.',
          ),
        )
      }, timeoutMs)
      timer.unref()
    })
    try {
      return await Promise.race([work(), expired])
    } catch (error) {
      counters.errors++
      counters.lastError = (error as Error)?.message ?? String(error)
      throw error
    } finally {
      clearTimeout(timer)
    }
  }

  const decode = (text: string | null | undefined): O | undefined => {
    if (text === null || text === undefined) return undefined
    try {
      return JSON.parse(text) as O
    } catch {
      counters.unreadable++
      return undefined
    }
  }
  const encode = (value: O): string | undefined => {
    const problem = jsonMismatch(value)
    if (problem === undefined) return JSON.stringify(value)
    counters.skipped++
    counters.lastError = `not stored: ${problem}`
    return undefined
  }
  const ttl = (ttlMs: number): number => Math.max(1, Math.ceil(ttlMs))

  return {
    shared: true,
    get: async (key) => decode(await timed(() => client.get(key))),
    getMany: async (keys) => (keys.length === 0 ? [] : (await timed(() => client.mget([...keys]))).map(decode)),
    async set(key, value, ttlMs) {
      const text = encode(value)
      if (text !== undefined) await timed(() => client.set(key, text, 'PX', ttl(ttlMs)))
    },
    async setMany(entries, ttlMs) {
      const pipeline = client.pipeline()
      let queued = 0
      for (const { key, value } of entries) {
        const text = encode(value)
        if (text !== undefined) queued += (pipeline.set(key, text, 'PX', ttl(ttlMs)), 1)
      }
      if (queued === 0) return
      const replies = await timed(() => pipeline.exec())
      const failed = replies?.find(([error]) => error !== null)?.[0]
      if (failed !== undefined && failed !== null) {
        counters.errors++
        counters.lastError = failed.message
        throw failed
      }
    },
    stats: () => ({
      calls: counters.calls,
      errors: counters.errors,
      timeouts: counters.timeouts,
      skipped: counters.skipped,
      unreadable: counters.unreadable,
      connected: client.status === 'ready',
      ...(counters.lastError === undefined ? {} : { lastError: counters.lastError }),
    }),
    async close() {
      if (!owned) return
      await Promise.race([client.quit().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1000).unref())])
      client.disconnect()
    },
  }
}

/** Opens an ioredis connection that fails fast while the server is away and comes back by itself. */
async function connect(url: string, connectTimeoutMs: number): Promise<RedisClientLike> {
  const Redis = await loadIoredis()
  const client = new Redis(url, {
    lazyConnect: true,
    // While disconnected, commands fail at once instead of waiting in a queue: the caller serves a miss.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    // No `commandTimeout`: ioredis would apply it to its own ready check (INFO) on every (re)connection, so a busy
    // machine that answers INFO in more than `timeoutMs` could never connect. The store times each call itself.
    connectTimeout: connectTimeoutMs,
    // Reconnect quickly (25, 50, 100... ms, at most 500 ms apart) and forever: a restarted server is found again.
    retryStrategy: (times: number) => Math.min(25 * 2 ** Math.min(times - 1, 5), 500),
    // Commands issued in the same tick (concurrent requests) share one write to the socket.
    enableAutoPipelining: true,
  })
  let refused: string | undefined
  client.on('error', (error) => {
    refused ??= error.message
  })
  try {
    await client.connect()
  } catch (error) {
    client.disconnect()
    throw new VitestMlError(
      SOURCE,
      `a Redis server at ${url}`,
      `no connection (${refused ?? (error as Error)?.message ?? String(error)})`,
      'Check the URL and that the server runs (`redis-cli -u <url> ping`); in tests, start one with `startRedisServer()`.',
      { cause: error },
    )
  }
  return client
}
