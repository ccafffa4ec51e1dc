/**
 * soak-100k: 100,000 single-row requests from 32 concurrent clients through
 * `logged(cached(withFallback(model, heuristic), store), sink)` with injected model faults — ours on real infrastructure
 * (a Redis server started here on loopback, killed and restarted half-way; an SQLite log file), against the same
 * pipeline with the in-memory store and sink. Median of 3 runs each, alternating. Skipped with a message when no
 * `redis-server` can be started.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { memoryPredictionSink } from '../src/patterns/prediction-log.js'
import { memoryPredictionStore } from '../src/patterns/prediction-store.js'
import { redisPredictionStore } from '../src/patterns/redis-prediction-store.js'
import { redisServerAvailable, startRedisServer } from '../src/patterns/redis-server.js'
import { sqlitePredictionLog } from '../src/patterns/sqlite-prediction-log.js'
import type { FallbackAnswer } from '../src/patterns/with-fallback.js'
import { runSoak, type SoakResult } from '../test/support/soak-pipeline.js'
import { type BenchEntry, entry } from './bench-entry.js'

const REQUESTS = 100_000
const SHAPE = { requests: REQUESTS, concurrency: 32, distinctRows: 5000 } as const
const median = (values: number[]): number => [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)] ?? Number.NaN

export default async function soakBench(): Promise<BenchEntry[]> {
  if (!redisServerAvailable()) {
    console.log('soak-100k skipped: no redis-server here (Debian: apt-get install -y redis-server)')
    return []
  }
  const folder = mkdtempSync(join(tmpdir(), 'vitest-ml-bench-soak-'))
  const real: SoakResult[] = []
  const memory: SoakResult[] = []
  try {
    for (let run = 0; run < 3; run++) {
      const redis = await startRedisServer()
      const store = await redisPredictionStore<FallbackAnswer<number[]>>({ url: redis.url, timeoutMs: 100 })
      const log = sqlitePredictionLog(join(folder, `run-${run}.db`))
      real.push(await runSoak({ ...SHAPE, store, sink: log, redis }))
      log.flush()
      if (log.count() !== REQUESTS) throw new Error(`soak bench: ${log.count()} rows logged for ${REQUESTS} requests`)
      await Promise.all([store.close(), log.close()])
      await redis.stop()
      memory.push(await runSoak({ ...SHAPE, store: memoryPredictionStore({ maxEntries: 1_000_000 }), sink: memoryPredictionSink() }))
    }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
  const wrong = [...real, ...memory].reduce((sum, result) => sum + result.wrongAnswers + (REQUESTS - result.answered), 0)
  if (wrong > 0) throw new Error(`soak bench: ${wrong} requests unanswered or answered wrongly`)
  const pick = (results: SoakResult[], key: 'p99Ms' | 'hitRate' | 'fallbackRate') => median(results.map((result) => result[key]))
  const note =
    `Redis+SQLite: p99 ${pick(real, 'p99Ms').toFixed(1)} ms, hit rate ${pick(real, 'hitRate').toFixed(3)}, fallback rate ${pick(real, 'fallbackRate').toFixed(4)}, ` +
    `outage ${median(real.map((result) => result.outageMs)).toFixed(0)} ms; memory: p99 ${pick(memory, 'p99Ms').toFixed(1)} ms, hit rate ${pick(memory, 'hitRate').toFixed(3)}`
  return [entry('soak-100k', median(real.map((result) => result.seconds)), median(memory.map((result) => result.seconds)), { note })]
}
