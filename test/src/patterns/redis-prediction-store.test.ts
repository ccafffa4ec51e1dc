import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { patternMatchers } from '../../../matchers/patterns-index.js'
import { functionModel } from '../../../src/model/function-model.js'
import type { Model } from '../../../src/model/model.js'
import { cached } from '../../../src/patterns/cached.js'
import { featureHash } from '../../../src/patterns/feature-hash.js'
import { type RedisPredictionStore, redisPredictionStore } from '../../../src/patterns/redis-prediction-store.js'
import { type RedisServer, startRedisServer } from '../../../src/patterns/redis-server.js'
import { checksFromMeta } from '../../../src/record/check-record.js'

expect.extend(patternMatchers)

// Every test talks to a real redis-server started here on a free loopback port (no persistence), stopped in afterAll.
let redis: RedisServer
let raw: Redis
const opened: RedisPredictionStore[] = []
// A generous per-call timeout unless a test is about timeouts: this machine is shared, and a late call is a miss.
async function store<O>(options: { timeoutMs?: number } = {}): Promise<RedisPredictionStore<O>> {
  const created = await redisPredictionStore<O>({ url: redis.url, timeoutMs: 5000, ...options })
  opened.push(created as RedisPredictionStore)
  return created
}

beforeAll(async () => {
  redis = await startRedisServer()
  raw = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => 50 })
  raw.on('error', () => undefined)
  await raw.connect()
})

afterAll(async () => {
  await Promise.all(opened.map((each) => each.close()))
  raw?.disconnect()
  await redis?.stop()
})

/** A model that counts the rows it is asked for. */
function countingModel(version: string, shift = 0) {
  const asked: number[][] = []
  const model = functionModel((batch: readonly number[][]) => (asked.push(...batch), batch.map((row) => [(row[0] ?? 0) * 10 + shift])), {
    batched: true,
    name: 'scorer',
    version,
  })
  return { model, asked }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('redisPredictionStore on a real Redis server', () => {
  test('stores JSON with the TTL in the same SET command, one MGET and one pipeline per batch', async () => {
    await raw.config('RESETSTAT')
    const cache = await store<number[]>()
    const { model, asked } = countingModel('1')
    const served = cached(model, { ttlMs: 60_000, store: cache })
    const rows = Array.from({ length: 50 }, (_, index) => [index])
    expect(await served.predict(rows)).toEqual(rows.map((row) => [(row[0] ?? 0) * 10]))
    expect(await served.predict(rows)).toEqual(rows.map((row) => [(row[0] ?? 0) * 10]))
    expect(asked).toHaveLength(50)
    expect(cache.stats()).toMatchObject({ calls: 3, errors: 0, timeouts: 0 })
    const stats = await raw.info('commandstats')
    expect(stats).toMatch(/cmdstat_mget:calls=2,/)
    expect(stats).toMatch(/cmdstat_set:calls=50,/)
    expect(stats).not.toMatch(/cmdstat_(setex|expire|pexpire):/)
    const key = `pred:scorer@1:${featureHash([7])}`
    expect(await raw.get(key)).toBe('[70]')
    const ttl = await raw.pttl(key)
    expect(ttl).toBeGreaterThan(50_000)
    expect(ttl).toBeLessThanOrEqual(60_000)
  })

  test('entries expire in real time: after the TTL the model is asked again', async () => {
    const { model, asked } = countingModel('ttl')
    const served = cached(model, { ttlMs: 1000, store: await store<number[]>() })
    await served.predict([[1], [2]])
    await served.predict([[1], [2]])
    expect(asked).toEqual([[1], [2]])
    await sleep(1100)
    await served.predict([[1], [2]])
    expect(asked).toEqual([[1], [2], [1], [2]])
    expect(served.stats()).toMatchObject({ hits: 2, misses: 4 })
  })

  test('toServeFreshFromCache in real time: own answers within the TTL, the updated model after it (no manual clock)', async ({ task }) => {
    const rows = Array.from({ length: 20 }, (_, index) => [index, index % 3])
    // A 2-second TTL: the within-TTL reads (at 1 s) must finish inside it even on a loaded machine, or the check throws.
    const served = cached(countingModel('fresh').model, { ttlMs: 2000, store: await store<number[]>() })
    await expect(served).toServeFreshFromCache({ inputs: rows })
    expect(checksFromMeta(task.meta).at(-1)?.metrics).toMatchObject({ hitRateWithinTtl: 1, stale: 0, collisions: 0, storeErrors: 0, ttlMs: 2000 })
    // A key built from the first feature alone serves one row the answer of another, on Redis as in memory.
    const byFirst = cached(countingModel('fresh').model, { ttlMs: 2000, store: await store<number[]>(), key: (row: number[]) => String((row[0] ?? 0) % 5) })
    await expect(byFirst).not.toServeFreshFromCache({ inputs: rows })
  })

  test('keys are distinct per row and per model: no collision over 5,000 rows, and a new SHA-256 never reads old entries', async () => {
    const rows = Array.from({ length: 5000 }, (_, index) => [index % 100, Math.floor(index / 100), 0.5])
    const shared = await store<number[]>()
    const identity = (sha256: string): Model<number[], number[]> => ({
      identity: { name: 'scorer.onnx', sha256 },
      predict: async (batch) => batch.map((row) => [row[0] ?? 0, row[1] ?? 0, sha256 === 'a'.repeat(64) ? 1 : 2]),
      release: async () => {},
    })
    const old = cached(identity('a'.repeat(64)), { ttlMs: 60_000, store: shared })
    const renewed = cached(identity('b'.repeat(64)), { ttlMs: 60_000, store: shared })
    await old.predict(rows)
    // One key per distinct row under the model's namespace (other tests' entries expire meanwhile: count these alone).
    const keys = await raw.keys(`pred:scorer.onnx@${'a'.repeat(64)}:*`)
    expect(keys).toHaveLength(5000)
    expect(new Set(keys).size).toBe(5000)
    expect(keys.every((key) => /^pred:scorer\.onnx@a{64}:[0-9a-f]{64}$/.test(key))).toBe(true)
    expect(await old.predict(rows)).toEqual(rows.map((row) => [row[0], row[1], 1]))
    expect(await renewed.predict(rows)).toEqual(rows.map((row) => [row[0], row[1], 2]))
    expect(old.stats()).toMatchObject({ hits: 5000, misses: 5000 })
    expect(renewed.stats()).toMatchObject({ hits: 0, misses: 5000 })
    expect(await raw.exists(`pred:scorer.onnx@${'a'.repeat(64)}:${featureHash(rows[0])}`, `pred:scorer.onnx@${'b'.repeat(64)}:${featureHash(rows[0])}`)).toBe(2)
  })

  test('values that do not survive JSON are not stored (counted), and text that is not JSON reads as a miss', async () => {
    const cache = await store<unknown>()
    await cache.setMany(
      [
        { key: 'odd:nan', value: [Number.NaN] },
        { key: 'odd:typed', value: new Float32Array([1]) },
        { key: 'odd:fine', value: { scores: [0.5] } },
      ],
      10_000,
    )
    expect(await raw.exists('odd:nan', 'odd:typed', 'odd:fine')).toBe(1)
    await raw.set('odd:garbage', 'not json{')
    expect(await cache.getMany(['odd:fine', 'odd:garbage', 'odd:missing'])).toEqual([{ scores: [0.5] }, undefined, undefined])
    expect(cache.stats()).toMatchObject({ skipped: 2, unreadable: 1, errors: 0, lastError: 'not stored: value is a Float32Array (JSON writes an object)' })
  })

  test('a store call past its timeout is a miss, counted, and the answer still comes', async () => {
    const cache = await store<number[]>({ timeoutMs: 40 })
    const served = cached(countingModel('slow-redis').model, { ttlMs: 60_000, store: cache })
    await raw.call('CLIENT', 'PAUSE', '1000', 'ALL')
    expect(await served.predict([[4]])).toEqual([[40]])
    expect(cache.stats()).toMatchObject({ timeouts: 2, errors: 2 })
    expect(served.stats()).toMatchObject({ storeErrors: 2, misses: 1 })
    await raw.call('CLIENT', 'UNPAUSE')
  })

  test("a server slow to answer while the store connects: it still connects (the per-call timeout is not the ready check's)", async () => {
    // A loaded machine answers the connection's INFO late; a 50 ms call budget must not turn that into no connection.
    await raw.call('CLIENT', 'PAUSE', '500', 'ALL')
    const cache = await store<number[]>({ timeoutMs: 50 })
    expect(cache.stats()).toMatchObject({ connected: true, calls: 0, errors: 0 })
    expect(await cache.getMany(['slow-connect:missing'])).toEqual([undefined])
  })

  test('a wrong URL fails at once with a clear error; an unversioned model is refused in front of the shared store', async () => {
    await expect(redisPredictionStore({ url: 'redis://127.0.0.1:1', connectTimeoutMs: 500 })).rejects.toThrow(
      /redisPredictionStore: expected a Redis server at redis:\/\/127\.0\.0\.1:1, received no connection \(.*ECONNREFUSED.*\)\.\nHint: Check the URL/,
    )
    await expect(redisPredictionStore({ timeoutMs: 0 })).rejects.toThrow(
      /redisPredictionStore: expected `timeoutMs` and `connectTimeoutMs` > 0, received 0 and 2000/,
    )
    const shared = await store<number[]>()
    expect(() =>
      cached(
        functionModel((row: number[]) => row, { name: 'anonymous' }),
        { ttlMs: 1000, store: shared },
      ),
    ).toThrow(/cached: expected a model with a SHA-256 or a version in front of a shared store/)
  })
})

describe('redisPredictionStore when the server is killed and restarted mid-run', () => {
  test('answers keep coming and stay right; the outage shows in the counters and in the report', async ({ task }) => {
    const { model, asked } = countingModel('outage')
    const cache = await store<number[]>({ timeoutMs: 1000 })
    const served = cached(model, { ttlMs: 60_000, store: cache })
    const rows = Array.from({ length: 20 }, (_, index) => [index])
    const phase = async (rounds: number) => {
      for (let round = 0; round < rounds; round++) expect(await served.predict(rows)).toEqual(rows.map((row) => [(row[0] ?? 0) * 10]))
      return served.stats()
    }
    const warm = await phase(5)
    expect(warm).toMatchObject({ misses: 20, hits: 80, storeErrors: 0 })
    await redis.crash()
    const down = await phase(5)
    expect(down.storeErrors - warm.storeErrors).toBeGreaterThanOrEqual(10)
    expect(down.hits).toBe(warm.hits)
    await redis.restart()
    // The client retries at most 500 ms apart; wait up to 10 s for it on a loaded machine (polled, not slept through).
    for (let wait = 0; wait < 500 && !cache.stats().connected; wait++) await sleep(20)
    const back = await phase(5)
    expect(back.hits - down.hits).toBeGreaterThanOrEqual(60)
    expect(back.storeErrors).toBe(down.storeErrors)
    expect(asked.length).toBe(20 + 100 + 20)
    expect(cache.stats()).toMatchObject({ connected: true })
    // The report: the cache's counters as a monitoring snapshot, with the outage in it and no request unanswered.
    const requests = 15 * rows.length
    expect({ requests, unanswered: 0, hitRate: back.hitRate, storeErrors: back.storeErrors, storeErrorRate: back.storeErrors / requests }).toRaiseNoAlerts({
      rules: [
        { metric: 'unanswered', op: 'max', value: 0, severity: 'high' },
        { metric: 'storeErrorRate', op: 'max', value: 0.5, severity: 'medium' },
      ],
    })
    expect(checksFromMeta(task.meta).at(-1)?.metrics).toMatchObject({ storeErrors: back.storeErrors, unanswered: 0 })
  })
})

describe('two processes sharing one Redis server', () => {
  const client = (version: string, offset: number) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'test/support/redis-cache-client.ts', redis.url, version, String(offset), '30', '20'], {
      timeout: 90_000,
    }).then(
      ({ stdout }) =>
        JSON.parse(stdout.trim().split('\n').at(-1) as string) as {
          perRow: number[][]
          predictedRows: number
          cache: { hits: number; misses: number; coalesced: number }
        },
    )

  // Each client is a new Node process loading the sources through tsx: seconds each on a loaded machine, hence the budgets.
  test('each process coalesces its own burst, versions never see each other, and a later process reads the shared entries', { timeout: 200_000 }, async () => {
    const [first, second] = await Promise.all([client('v1', 0), client('v2', 1000)])
    // 30 rows x 20 concurrent requests each: one prediction per row in each process, the other 19 wait for it.
    expect(first.predictedRows).toBe(30)
    expect(second.predictedRows).toBe(30)
    expect(first.cache).toMatchObject({ misses: 30, coalesced: 570 })
    expect(first.perRow).toEqual(Array.from({ length: 30 }, (_, row) => [row * 10]))
    expect(second.perRow).toEqual(Array.from({ length: 30 }, (_, row) => [row * 10 + 1000]))
    const third = await client('v1', 0)
    expect(third.predictedRows).toBe(0)
    expect(third.cache).toMatchObject({ hits: 600, misses: 0 })
    expect(third.perRow).toEqual(first.perRow)
  })
})
