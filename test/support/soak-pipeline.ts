// The soak pipeline, shared by the soak test and the `soak-100k` bench entry:
//   logged(cached(withFallback(model, heuristic), store), sink)
// driven by `concurrency` clients sending single-row requests (rows drawn with a seeded, skewed distribution so that
// popular rows hit the cache), with faults injected into the model (errors, NaN rows, slow calls past the fallback's
// timeout) and, optionally, the Redis server killed and restarted half-way. Loopback only, bounded in count and time.
import seedrandom from 'seedrandom'
import { functionModel } from '../../src/model/function-model.js'
import { cached } from '../../src/patterns/cached.js'
import { corrupt } from '../../src/patterns/corrupt.js'
import { failing } from '../../src/patterns/failing.js'
import { logged } from '../../src/patterns/logged.js'
import { percentile } from '../../src/patterns/percentile.js'
import type { PredictionSink } from '../../src/patterns/prediction-log.js'
import type { PredictionStore } from '../../src/patterns/prediction-store.js'
import type { RedisServer } from '../../src/patterns/redis-server.js'
import { slow } from '../../src/patterns/slow.js'
import { type FallbackAnswer, withFallback } from '../../src/patterns/with-fallback.js'

type Row = readonly [number, number, number]

/** What to run. */
export interface SoakOptions {
  /** Requests in all (one row each). */
  readonly requests: number
  /** Clients sending requests at the same time. */
  readonly concurrency: number
  /** Distinct rows requests are drawn from. */
  readonly distinctRows: number
  /** Where answers are cached. */
  readonly store: PredictionStore<FallbackAnswer<number[]>>
  /** Where every request is logged. */
  readonly sink: PredictionSink
  /** Killed (kill -9) after half the requests and restarted 200 ms later, while requests keep coming (the last 10 % wait for the restart). */
  readonly redis?: RedisServer
  /** Stop early past this many milliseconds (the result says how many requests ran). @defaultValue 120000 */
  readonly maxDurationMs?: number
  /** Seed of the rows and the faults. @defaultValue 'vitest-ml/soak' */
  readonly seed?: string
}

/** What happened. */
export interface SoakResult {
  readonly requests: number
  readonly answered: number
  /** Answers that were not what the path that served them computes for that row (a stale or crossed cache entry). */
  readonly wrongAnswers: number
  readonly seconds: number
  readonly p50Ms: number
  readonly p99Ms: number
  readonly hitRate: number
  /** Share of requests answered by the fallback (a request that waited for another's fallback answer counts). */
  readonly fallbackRate: number
  readonly fallbackAnswers: number
  /** Requests answered from the cache. */
  readonly hits: number
  readonly storeErrors: number
  readonly faults: { readonly errors: number; readonly nanRows: number; readonly slowCalls: number }
  /** Predictions the logged wrapper made (one per request). */
  readonly predictions: number
  readonly logFailures: number
  /** Milliseconds from the crash to the first cache hit after the restart (NaN without a restart). */
  readonly outageMs: number
}

const primaryScore = (row: Row): number => 1 / (1 + Math.exp(-(0.8 * row[0] - 0.5 * row[1] + 0.1 * row[2])))
const heuristicScore = (row: Row): number => (row[0] > row[1] ? 0.7 : 0.3)

/**
 * Runs the soak.
 *
 * @param options - size, store, sink, Redis server to restart
 */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const random = seedrandom(options.seed ?? 'vitest-ml/soak')
  const rows: Row[] = Array.from({ length: options.distinctRows }, (_, index) => [index % 97, Math.floor(index / 97), (index * 7919) % 13])
  const base = functionModel((row: Row) => [primaryScore(row)], { name: 'soak-scorer', version: '2026.11.1' })
  const errors = failing(base, { rate: 0.01, seed: 1 })
  const sluggish = slow(errors, { delayMs: 40, rate: 0.002, seed: 2 })
  const noisy = corrupt(sluggish, { nanRate: 0.01, seed: 3 })
  const heuristic = functionModel((row: Row) => [heuristicScore(row)], { name: 'soak-heuristic' })
  const fallback = withFallback(noisy, heuristic, { timeoutMs: 20 })
  const cache = cached(fallback, { ttlMs: 600_000, store: options.store })
  const service = logged(cache, { sink: options.sink, modelVersion: '2026.11.1' })
  const latencies = new Float64Array(options.requests)
  const deadline = performance.now() + (options.maxDurationMs ?? 120_000)
  let next = 0
  let answered = 0
  let wrongAnswers = 0
  let fallbackAnswers = 0
  let crashedAt = Number.NaN
  let backAt = Number.NaN
  let outage: Promise<void> = Promise.resolve()
  let hitsAtRestart = Number.POSITIVE_INFINITY
  // Skewed popularity: a request picks row floor(n * u^3), so a few rows take most requests.
  const picks = Array.from({ length: options.requests }, () => Math.floor(options.distinctRows * random() ** 3))
  const started = performance.now()

  // The last 10 % of requests wait for the restart, so the cache comes back while requests keep coming even when a loaded
  // machine is slow to start the server again.
  const restartedBy = Math.floor(options.requests * 0.9)

  async function client(): Promise<void> {
    while (next < options.requests && performance.now() < deadline) {
      if (options.redis !== undefined && next >= restartedBy) await outage
      if (next >= options.requests) break
      const request = next++
      if (options.redis !== undefined && request === Math.floor(options.requests / 2)) {
        const server = options.redis
        crashedAt = performance.now()
        outage = (async () => {
          await server.crash()
          await new Promise((resolve) => setTimeout(resolve, 200))
          await server.restart()
          hitsAtRestart = cache.stats().hits
        })()
      }
      const row = rows[picks[request] as number] as Row
      const begin = performance.now()
      const [answer] = await service.predictLogged([row])
      latencies[request] = performance.now() - begin
      if (answer === undefined) continue
      answered++
      const { value, servedBy } = answer.output
      const expected = servedBy === 'primary' ? primaryScore(row) : heuristicScore(row)
      if (value[0] !== expected) wrongAnswers++
      if (servedBy === 'fallback') fallbackAnswers++
      if (Number.isNaN(backAt) && cache.stats().hits > hitsAtRestart) backAt = performance.now()
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, client))
  await outage
  const seconds = (performance.now() - started) / 1000
  const ran = Math.min(next, options.requests)
  const served = latencies.subarray(0, ran)
  const stats = cache.stats()
  return {
    requests: ran,
    answered,
    wrongAnswers,
    seconds,
    p50Ms: percentile(Array.from(served), 0.5),
    p99Ms: percentile(Array.from(served), 0.99),
    hitRate: stats.hitRate,
    fallbackRate: ran === 0 ? 0 : fallbackAnswers / ran,
    fallbackAnswers,
    hits: stats.hits,
    storeErrors: stats.storeErrors,
    faults: { errors: errors.injected, nanRows: noisy.injected, slowCalls: sluggish.injected },
    predictions: service.stats().predictions,
    logFailures: service.stats().logFailures,
    outageMs: backAt - crashedAt,
  }
}
