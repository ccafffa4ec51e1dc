// Production patterns 5 (prediction caching) and 6 (delayed feedback) on real infrastructure: penguins-mlp (models/)
// behind a Redis prediction cache and logging every request to an SQLite database, on the held-out Palmer penguins
// rows shipped by vega-datasets.
//
// It starts its own redis-server on a free loopback port (no persistence) and stops it at the end; where none is
// installed (Debian: `apt-get install -y redis-server`) the Redis part is skipped with that message. The SQLite log
// needs the optional peer better-sqlite3 (`npm install better-sqlite3`, version 12 on Node 20).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import seedrandom from 'seedrandom'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  cached,
  type DelayedLabel,
  type FallbackAnswer,
  functionModel,
  logged,
  type Model,
  manualClock,
  onnxModel,
  type RedisPredictionStore,
  type RedisServer,
  redisPredictionStore,
  redisServerAvailable,
  type SqlitePredictionLog,
  sqlitePredictionLog,
  startRedisServer,
  withFallback,
} from 'vitest-ml'
import { loadSplit } from './support/model-split.js'

const split = loadSplit('penguins-mlp')
const inputs = split.test.inputs
const species = split.test.labels.map(String)
const classes = split.classNames
type Row = readonly number[]
const REDIS = redisServerAvailable()
const NO_REDIS = 'skipped: no redis-server on this machine (Debian: apt-get install -y redis-server)'
if (!REDIS) console.warn(`examples/14: the Redis cache tests are ${NO_REDIS}`)

// A rule of thumb that cannot fail, for when the network model cannot answer: long flippers are Gentoo, long beaks Chinstrap.
const heuristic = functionModel((row: Row) => ((row[2] ?? 0) >= 207 ? [0, 0, 1] : (row[0] ?? 0) >= 44 ? [0, 1, 0] : [1, 0, 0]), { name: 'flipper-beak-rule' })
let mlp: Model<Row, number[]>
let redis: RedisServer
let store: RedisPredictionStore<FallbackAnswer<number[]>>
let folder: string
let log: SqlitePredictionLog

beforeAll(async () => {
  mlp = await onnxModel<number[]>('models/penguins-mlp.onnx', { output: 'probabilities', version: '2026.03.1', sessionOptions: { intraOpNumThreads: 1 } })
  folder = await mkdtemp(join(tmpdir(), 'vitest-ml-example-14-'))
  log = sqlitePredictionLog(join(folder, 'predictions.db'))
  if (!REDIS) return
  redis = await startRedisServer()
  // A cache call that takes longer than its timeout is served as a miss; 1 s keeps a loaded test machine from missing.
  store = await redisPredictionStore({ url: redis.url, timeoutMs: 1000 })
})

afterAll(async () => {
  await store?.close()
  await redis?.stop()
  await log.close()
  await mlp.release()
  await rm(folder, { recursive: true, force: true })
})

describe.skipIf(!REDIS)('a Redis prediction cache in front of penguins-mlp', () => {
  test("answers come back from Redis equal to the model's, and expire in real time", async () => {
    const served = cached(withFallback(mlp, heuristic, { timeoutMs: 1000 }), { ttlMs: 60_000, store })
    const fresh = await served.predict(inputs)
    expect((await served.predictServed(inputs)).every((answer) => answer.servedBy === 'cache')).toBe(true)
    expect(await served.predict(inputs)).toEqual(fresh)
    expect(fresh.map((answer) => answer.value)).toEqual(await mlp.predict(inputs))
    // No manual clock: Redis expires entries by its own clock, so the check sleeps through a 2-second TTL (about 3 s).
    const probabilities = await redisPredictionStore<number[]>({ url: redis.url, timeoutMs: 1000 })
    await expect(cached(mlp, { ttlMs: 2000, store: probabilities })).toServeFreshFromCache({ inputs })
    await probabilities.close()
  })

  test('Redis killed and restarted: every request is still answered, the outage costs cache hits only', async () => {
    const served = cached(withFallback(mlp, heuristic, { timeoutMs: 1000 }), { ttlMs: 60_000, store, namespace: 'pred:penguins-outage' })
    const expected = await mlp.predict(inputs)
    await served.predict(inputs)
    await redis.crash()
    expect((await served.predict(inputs)).map((answer) => answer.value)).toEqual(expected)
    await redis.restart()
    for (let wait = 0; wait < 500 && !store.stats().connected; wait++) await new Promise((resolve) => setTimeout(resolve, 20))
    await served.predict(inputs)
    expect((await served.predict(inputs)).map((answer) => answer.value)).toEqual(expected)
    const { hitRate, storeErrors } = served.stats()
    expect(storeErrors).toBeGreaterThan(0)
    expect({ requests: 4 * inputs.length, unanswered: 0, hitRate, storeErrors }).toRaiseNoAlerts({
      rules: [{ metric: 'unanswered', op: 'max', value: 0, severity: 'high' }],
    })
  })
})

// Without redis-server the run lists the skipped Redis part with the reason; with it, nothing is skipped.
if (!REDIS) {
  describe('a Redis prediction cache in front of penguins-mlp', () => {
    test.skip(NO_REDIS, () => {})
  })
}

describe('a day of requests logged to SQLite, labels joined in the database', () => {
  test('every request is one row in the database; hourly accuracy, read with SQL, catches the afternoon unit change', async () => {
    const clock = manualClock('2026-03-02T08:00:00Z')
    const front = REDIS
      ? cached(withFallback(mlp, heuristic, { timeoutMs: 1000 }), { ttlMs: 3_600_000, store, namespace: 'pred:penguins-day' })
      : withFallback(mlp, heuristic, { timeoutMs: 1000 })
    const service = logged(front, { sink: log, modelVersion: '2026.03.1', clock })
    const random = seedrandom('vitest-ml/examples/redis-log-day')
    const labels: DelayedLabel[] = []
    for (let hour = 8; hour < 20; hour++) {
      clock.set(Date.parse(`2026-03-02T${String(hour).padStart(2, '0')}:00:00Z`))
      for (let request = 0; request < 12; request++) {
        const pick = Math.floor(random() * inputs.length)
        const row = inputs[pick] as number[]
        // From 14:00 body mass arrives in kilograms (an upstream unit change).
        const sent = hour >= 14 ? row.map((value, feature) => (feature === 3 ? value / 1000 : value)) : row
        const [answer] = await service.predictLogged([sent])
        if (random() < 0.85) labels.push({ id: answer?.id ?? '', label: species[pick], arrivedAt: clock.now() + (2 + 28 * random()) * 3_600_000 })
        clock.advance(300_000)
      }
    }
    log.flush()
    expect(log.count()).toBe(service.stats().predictions)
    if (REDIS) expect(log.count({ servedBy: 'cache' })).toBeGreaterThan(0)
    log.addLabels(labels)
    await expect({ log, model: service }).not.toMaintainMetric({ metric: 'accuracy', min: 0.85, window: 'hour', classes })
    const hourly = log.joinDelayedLabels({ window: 'hour', classes })
    expect(hourly.windows.filter((window) => (window.metrics['accuracy'] ?? 0) < 0.85).map((window) => window.start.slice(11, 16))).toEqual([
      '14:00',
      '15:00',
      '16:00',
      '17:00',
      '18:00',
      '19:00',
    ])
    expect(log.joinDelayedLabels({ window: 'hour', classes, asOf: '2026-03-02T14:00:00Z' }).overall.labelled).toBeLessThan(hourly.overall.labelled)
  })
})
