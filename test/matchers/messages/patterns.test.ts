import { describe, expect, test } from 'vitest'
import { functionModel } from '../../../src/model/function-model.js'
import { cached } from '../../../src/patterns/cached.js'
import { manualClock } from '../../../src/patterns/clock.js'
import { ensemble } from '../../../src/patterns/ensemble.js'
import { failing } from '../../../src/patterns/failing.js'
import { logged } from '../../../src/patterns/logged.js'
import { memoryPredictionSink } from '../../../src/patterns/prediction-log.js'
import type { PredictionStore } from '../../../src/patterns/prediction-store.js'
import { slow } from '../../../src/patterns/slow.js'
import { withFallback } from '../../../src/patterns/with-fallback.js'
import { failureSnapshot, mask } from '../../support/mask-message.js'

// Whole failure messages of the production-pattern matchers, pinned. Seeds are fixed and time runs on manual clocks;
// only what a real clock measures (latencies, throughput, memory) is masked.

const rows = Array.from({ length: 50 }, (_, index) => [index / 50, 1 - index / 50])
const scorer = functionModel((row: number[]) => [1 / (1 + Math.exp(-(row[0] ?? 0) + (row[1] ?? 0)))], { name: 'scorer' })
const half = functionModel((): number[] => [0.5], { name: 'half' })
// Injected timeouts last 300 ms against a 60 ms timeout: far apart, so no un-injected call times out on a busy machine.
const faults = { timeoutRate: 0.2, errorRate: 0.2, nanRate: 0.2, delayMs: 300 }
const unitRows = Array.from({ length: 100 }, (_, index) => [index / 100])
const production = functionModel((row: number[]) => [row[0] ?? 0, 1 - (row[0] ?? 0)], { name: 'production' })
const flipped = functionModel((row: number[]) => [1 - (row[0] ?? 0), row[0] ?? 0], { name: 'flipped' })
const inputs = Array.from({ length: 10 }, (_, index) => [index])
const labels = inputs.map(([x]) => ((x ?? 0) >= 5 ? 1 : 0))
const memberWrongOn = (name: string, wrong: readonly number[]) =>
  functionModel(
    (row: number[]) => {
      const truth = (row[0] ?? 0) >= 5 ? 1 : 0
      return (wrong.includes(row[0] ?? -1) ? 1 - truth : truth) === 1 ? [0.3, 0.7] : [0.7, 0.3]
    },
    { name },
  )
/** Always wrong, and very sure of itself. */
const contrarian = functionModel((row: number[]) => ((row[0] ?? 0) >= 5 ? [0.99, 0.01] : [0.01, 0.99]), { name: 'contrarian' })
const score = functionModel((row: number[]) => [(row[0] ?? 0) * 10 + (row[1] ?? 0)], { name: 'score' })
/** A store that ignores the TTL: entries live forever. */
const neverExpires = (): PredictionStore<number[]> => {
  const entries = new Map<string, number[]>()
  return { get: async (key) => entries.get(key), set: async (key, value) => void entries.set(key, value) }
}
const fast = functionModel((row: number[]) => [row[0] ?? 0], { name: 'fast' })

/** Two days of 10 logged predictions each; right on day one, right on only 4 of 10 on day two unless `rightTwice`. */
async function twoDays(rightTwice = false) {
  const clock = manualClock('2026-03-01T08:00:00Z')
  const sink = memoryPredictionSink()
  const service = logged(
    functionModel((row: number[]) => [1 - (row[0] ?? 0), row[0] ?? 0], { name: 'threshold' }),
    { sink, modelVersion: '3.1', clock },
  )
  const given: { id: string; label: number }[] = []
  for (const day of [0, 1]) {
    for (let index = 0; index < 10; index++) {
      const [answer] = await service.predictLogged([[index % 2 === 0 ? 0.9 : 0.1]])
      const predicted = index % 2 === 0 ? 1 : 0
      given.push({ id: answer?.id ?? '', label: !rightTwice && day === 1 && index >= 4 ? 1 - predicted : predicted })
      clock.advance(3_600_000)
    }
    clock.set(Date.parse('2026-03-02T08:00:00Z'))
  }
  return { log: sink.entries, labels: given, model: service }
}

test('the mask replaces measured numbers only: budgets, limits and TTLs stay literal', () => {
  const measured =
    '\u001b[31mp99 31.4 ms\u001b[39m, expected <= 10 ms; budget 500 ms; TTL 1000 ms; 1234.5 rows/s; RSS -0.5 MiB, heap 2 MiB; answered in 12 ms, over the 20 ms budget'
  expect(mask(measured)).toBe(
    'p99 <ms>, expected <= 10 ms; budget 500 ms; TTL 1000 ms; <n> rows/s; RSS <MiB>, heap <MiB>; answered in <ms>, over the 20 ms budget',
  )
})

describe('toFallBackGracefully messages', () => {
  test('the fallback itself breaks', async () => {
    const brittle = withFallback(scorer, failing(half, { rate: 1, error: 'heuristic needs the feature store' }), { timeoutMs: 60 })
    expect(
      await failureSnapshot(() => expect(brittle).toFallBackGracefully({ inputs: rows, faults, latencyBudgetMs: 1000, numRuns: 12, seed: 3, maxListed: 3 })),
    ).toMatchInlineSnapshot(`
      "expect(model).toFallBackGracefully(options)

      scorer|half+failing did not fall back gracefully: 7 unanswered requests, 0 non-finite answers, 0 over budget.
      Faults: injected 2 timeouts, 4 exceptions, 1 NaN rows over 12 requests.
      Served: fallback share 0 (timeout 0, error 0, invalid-output 0 rows), expected <= 1.
      Latency: p50 <ms>, p99 <ms>, max <ms>, budget 1000 ms.
        request 1: no answer: scorer+slow+failing+corrupt|half+failing: expected the fallback to answer, received an exception: heuristic needs the feature store (after the primary failed: error); input [0.14,0.86]
        request 4: no answer: scorer+slow+failing+corrupt|half+failing: expected the fallback to answer, received an exception: heuristic needs the feature store (after the primary failed: error); input [0.34,0.6599999999999999]
        request 6: no answer: scorer+slow+failing+corrupt|half+failing: expected the fallback to answer, received an exception: heuristic needs the feature store (after the primary failed: error); input [0.7,0.30000000000000004]
        ... and 2 more failed requests (raise maxListed to list them)
      Replay: { seed: 3, numRuns: 12 }"
    `)
  })

  test('.not', async () => {
    expect(
      await failureSnapshot(() =>
        expect(withFallback(scorer, half, { timeoutMs: 60 })).not.toFallBackGracefully({ inputs: rows, faults, latencyBudgetMs: 1000, numRuns: 10, seed: 7 }),
      ),
    ).toMatchInlineSnapshot(`
      "expect(model).not.toFallBackGracefully(options)

      Expected scorer|half to fail under injected faults, but every request got a finite answer in time (injected 3 timeouts, 3 exceptions, 0 NaN rows over 10 requests; fallback share 0.6 (timeout 3, error 3, invalid-output 0 rows), expected <= 1; p50 <ms>, p99 <ms>, max <ms>, budget 1000 ms).
      Replay: { seed: 7, numRuns: 10 }"
    `)
  })
})

describe('toAgreeWith messages', () => {
  test('a candidate that flips every decision', async () => {
    expect(
      await failureSnapshot(() => expect(flipped).toAgreeWith(production, { inputs: unitRows, minAgreementShare: 0.9, maxListed: 2, seed: 1 })),
    ).toMatchInlineSnapshot(`
      "expect(candidate).toAgreeWith(production)

      production and flipped disagree: agreement share 0.01 (1 of 100 rows), expected >= 0.9.
      Top 2 of 99 disagreements (largest difference first):
        row 0: input [0]
          production: [0,1]
          flipped: [1,0] (mean |diff| 1)
        row 1: input [0.01]
          production: [0.01,0.99]
          flipped: [0.99,0.01] (mean |diff| 0.98)
      Replay: { seed: 1, numRuns: 100 }"
    `)
  })

  test('.not', async () => {
    expect(await failureSnapshot(() => expect(production).not.toAgreeWith(production, { inputs: unitRows, seed: 2 }))).toMatchInlineSnapshot(`
      "expect(candidate).not.toAgreeWith(production)

      Expected production and production to disagree, but they agree: agreement share 1 (100 of 100 rows), expected >= 0.95.
      Replay: { seed: 2, numRuns: 100 }"
    `)
  })
})

describe('toBeAtLeastAsGoodAsBestMember messages', () => {
  test('a confident bad member drags the ensemble down', async () => {
    expect(
      await failureSnapshot(() =>
        expect(ensemble([memberWrongOn('first', [0, 1]), contrarian], { name: 'first+contrarian' })).toBeAtLeastAsGoodAsBestMember({
          data: { inputs, labels },
          metric: 'accuracy',
        }),
      ),
    ).toMatchInlineSnapshot(`
      "expect(ensemble).toBeAtLeastAsGoodAsBestMember(options)

      first+contrarian is worse than its best member: accuracy 0 vs best member first 0.8 (gain -0.8, margin 0; higher is better; 10 rows).
      Member scores:
        first: 0.8 (best)
        contrarian: 0
      Hint: serve the best member alone, or change the voting or the weights."
    `)
  })

  test('.not', async () => {
    const members = [memberWrongOn('first', [0, 1]), memberWrongOn('second', [2, 3]), memberWrongOn('third', [4, 5])]
    expect(
      await failureSnapshot(() =>
        expect(ensemble(members, { voting: 'hard' })).not.toBeAtLeastAsGoodAsBestMember({ data: { inputs, labels }, metric: 'accuracy' }),
      ),
    ).toMatchInlineSnapshot(`
      "expect(ensemble).not.toBeAtLeastAsGoodAsBestMember(options)

      Expected ensemble(first, second, third) to be worse than its best member, but it is not: accuracy 1 vs best member first 0.8 (gain 0.2, margin 0; higher is better; 10 rows)."
    `)
  })
})

describe('toServeFreshFromCache messages', () => {
  test('a store that never expires', async () => {
    expect(
      await failureSnapshot(() =>
        expect(cached(score, { ttlMs: 1000, clock: manualClock(), store: neverExpires() })).toServeFreshFromCache({
          inputs: [
            [1, 0],
            [1, 1],
            [2, 0],
          ],
          maxListed: 2,
        }),
      ),
    ).toMatchInlineSnapshot(`
      "expect(cached model).toServeFreshFromCache(options)

      The cache of score does not serve fresh answers: 0 collisions, 3 stale answers, 0 uncached answers over 3 rows (hit rate within the TTL 1, TTL 1000 ms).
        row 0 (after-ttl): served a stale answer after the TTL (entry never expired); input [1,0], served [10], expected [1010]
        row 1 (after-ttl): served a stale answer after the TTL (entry never expired); input [1,1], served [11], expected [1011]
        ... and 1 more problem (raise maxListed to list them)
      (The check updates the model half-way through the TTL, every output number + 1000: answers after the TTL must be the updated ones.)
      Hint: a key must identify the whole input (the default is a SHA-256 of its canonical JSON), and the store must expire entries after ttlMs."
    `)
  })

  test('.not', async () => {
    expect(
      await failureSnapshot(() =>
        expect(cached(score, { ttlMs: 1000, clock: manualClock() })).not.toServeFreshFromCache({
          inputs: [
            [1, 0],
            [1, 1],
          ],
        }),
      ),
    ).toMatchInlineSnapshot(`
      "expect(cached model).not.toServeFreshFromCache(options)

      Expected the cache of score to serve a wrong or stale answer, but it served fresh ones: 0 collisions, 0 stale answers, 0 uncached answers over 2 rows (hit rate within the TTL 1, TTL 1000 ms)."
    `)
  })
})

describe('toMaintainMetric messages', () => {
  test('the day accuracy drops', async () => {
    const { log, labels } = await twoDays()
    expect(await failureSnapshot(() => expect({ log, labels }).toMaintainMetric({ metric: 'accuracy', min: 0.85 }))).toMatchInlineSnapshot(`
      "expect(feedback).toMaintainMetric(options)

      accuracy left >= 0.85 in 1 of 2 daily windows:
        2026-03-02T00:00:00.000Z .. 2026-03-03T00:00:00.000Z: accuracy 0.4 (10 labelled of 10, coverage 1)
      Overall: 2026-03-01T00:00:00.000Z .. 2026-03-03T00:00:00.000Z: accuracy 0.7 (20 labelled of 20, coverage 1); 0 windows skipped (fewer than 1 labels); 0 labels matched no prediction.
      Logging: 20 entries, complete."
    `)
  })

  test('.not', async () => {
    const days = await twoDays(true)
    expect(await failureSnapshot(() => expect(days).not.toMaintainMetric({ metric: 'accuracy', min: 0.85, classes: [0, 1] }))).toMatchInlineSnapshot(`
      "expect(feedback).not.toMaintainMetric(options)

      Expected accuracy to leave >= 0.85 in some daily window, but it held in all 2.
      Overall: 2026-03-01T00:00:00.000Z .. 2026-03-03T00:00:00.000Z: accuracy 1 (20 labelled of 20, coverage 1); 0 windows skipped (fewer than 1 labels); 0 labels matched no prediction."
    `)
  })
})

describe('toMeetLatency messages', () => {
  test('a model slowed past the budget', async () => {
    expect(
      await failureSnapshot(() => expect(slow(fast, { delayMs: 30 })).toMeetLatency({ inputs: rows, requests: 4, warmup: 0, seed: 1, p99Ms: 10 })),
    ).toMatchInlineSnapshot(`
      "expect(model).toMeetLatency(options)

      fast+slow misses its latency objective: p99 <ms>, expected <= 10 ms.
        batch 1: p50 <ms>, p95 <ms>, p99 <ms>, <n> rows/s, 0 errors of 4
      Memory: RSS <MiB>, heap <MiB> growth.
      Replay: { seed: 1, requests: 4 }"
    `)
  })

  test('errors, even when fast', async () => {
    expect(
      await failureSnapshot(() => expect(failing(fast, { rate: 1, error: 'overloaded' })).toMeetLatency({ inputs: rows, requests: 5, seed: 2, p99Ms: 200 })),
    ).toMatchInlineSnapshot(`
      "expect(model).toMeetLatency(options)

      fast+failing misses its latency objective: error rate 1 (5 of 5 requests, rows sampled from the 50 given rows), expected <= 0.
        batch 1: p50 <ms>, p95 <ms>, p99 <ms>, <n> rows/s, 5 errors of 5
      Memory: RSS <MiB>, heap <MiB> growth. Last error: overloaded
      Replay: { seed: 2, requests: 5 }"
    `)
  })

  test('.not', async () => {
    expect(await failureSnapshot(() => expect(fast).not.toMeetLatency({ inputs: rows, requests: 5, seed: 3, p99Ms: 500 }))).toMatchInlineSnapshot(`
      "expect(model).not.toMeetLatency(options)

      Expected fast to miss its latency objective, but it met it: p99 <ms>, expected <= 500 ms; error rate 0 (0 of 5 requests, rows sampled from the 50 given rows), expected <= 0.
        batch 1: p50 <ms>, p95 <ms>, p99 <ms>, <n> rows/s, 0 errors of 5
      Replay: { seed: 3, requests: 5 }"
    `)
  })
})

describe('toRaiseNoAlerts messages', () => {
  test('alerts by severity, and a metric not reported', async () => {
    expect(await failureSnapshot(() => expect({ accuracy: 0.81, p99Ms: 250, errorRate: 0.2 }).toRaiseNoAlerts())).toMatchInlineSnapshot(`
      "expect(metrics).toRaiseNoAlerts(options)

      4 of 4 alert rules fired:
        [high] accuracy 0.81 < 0.85
        [high] errorRate 0.2 > 0.05
        [medium] p99Ms 250 > 200
        [medium] driftShare not reported
      Hint: report every monitored metric, or pass { allowMissing: true } to skip the rules of absent ones."
    `)
  })

  test('.not', async () => {
    expect(await failureSnapshot(() => expect({ accuracy: 0.9, p99Ms: 1, errorRate: 0, driftShare: 0 }).not.toRaiseNoAlerts())).toMatchInlineSnapshot(`
      "expect(metrics).not.toRaiseNoAlerts(options)

      Expected an alert, but all 4 rules held:
        [high] accuracy 0.9 >= 0.85
        [high] errorRate 0 <= 0.05
        [medium] p99Ms 1 <= 200
        [medium] driftShare 0 <= 0.1"
    `)
  })
})
