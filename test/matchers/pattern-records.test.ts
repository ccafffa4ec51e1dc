// The records the pattern matchers leave on the test for the reporter and the gate: kind, checklist item, key metrics.
import { describe, expect, test } from 'vitest'
import { patternMatchers } from '../../matchers/patterns-index.js'
import { functionModel } from '../../src/model/function-model.js'
import { cached } from '../../src/patterns/cached.js'
import { manualClock } from '../../src/patterns/clock.js'
import { ensemble } from '../../src/patterns/ensemble.js'
import { logged } from '../../src/patterns/logged.js'
import { memoryPredictionSink } from '../../src/patterns/prediction-log.js'
import { withFallback } from '../../src/patterns/with-fallback.js'
import { checksFromMeta } from '../../src/record/check-record.js'

expect.extend(patternMatchers)

const rows = Array.from({ length: 10 }, (_, index) => [index / 10])
const model = functionModel((row: number[]) => [1 - (row[0] ?? 0), row[0] ?? 0], { name: 'model' })
const other = functionModel((row: number[]) => [0.9 - (row[0] ?? 0), (row[0] ?? 0) + 0.1], { name: 'other' })

describe('pattern check records', () => {
  test('every pattern matcher records its kind, checklist items and metrics', async ({ task }) => {
    await expect(withFallback(model, other, { timeoutMs: 50 })).toFallBackGracefully({ inputs: rows, numRuns: 5, latencyBudgetMs: 500, seed: 1 })
    await expect(other).toAgreeWith(model, { inputs: rows, minAgreementShare: 0.5 })
    await expect(ensemble([model, other])).toBeAtLeastAsGoodAsBestMember({
      data: { inputs: rows, labels: rows.map(([x]) => ((x ?? 0) >= 0.5 ? 1 : 0)) },
      margin: 0.2,
    })
    await expect(cached(model, { ttlMs: 1000, clock: manualClock() })).toServeFreshFromCache({ inputs: rows })
    const sink = memoryPredictionSink()
    const service = logged(model, { sink, modelVersion: '1', clock: manualClock('2026-03-02T10:00:00Z') })
    const answers = await service.predictLogged(rows)
    await expect({ log: sink.entries, labels: answers.map(({ id }, index) => ({ id, label: index >= 5 ? 1 : 0 })), model: service }).toMaintainMetric({
      min: 0.8,
    })
    await expect(model).toMeetLatency({ inputs: rows, requests: 5, p99Ms: 500 })
    await expect({ accuracy: 0.9, errorRate: 0, p99Ms: 10, driftShare: 0 }).toRaiseNoAlerts()
    const checks = checksFromMeta(task.meta)
    expect(checks.map((check) => [check.kind, check.checklist, check.passed])).toEqual([
      ['fallback', ['fallback-strategy'], true],
      ['shadow', [], true],
      ['ensemble', [], true],
      ['cache', [], true],
      ['logging', ['monitoring-alerting'], true],
      ['feedback', ['monitor-accuracy-daily', 'review-false-positives-negatives'], true],
      ['latency', ['monitoring-alerting'], true],
      ['alerting', ['monitoring-alerting'], true],
    ])
    expect(new Set(checks.map((check) => check.id)).size).toBe(checks.length)
    const latency = checks.find((check) => check.kind === 'latency')
    expect(Object.keys(latency?.metrics ?? {})).toEqual(expect.arrayContaining(['p50Ms', 'p95Ms', 'p99Ms', 'throughputPerSec', 'errorRate']))
    expect(latency?.plots?.[0]?.type).toBe('histogram')
    expect(checks.find((check) => check.kind === 'fallback')?.metrics).toHaveProperty('fallbackRate')
    for (const check of checks) for (const value of Object.values(check.metrics)) expect(Number.isFinite(value)).toBe(true)
    expect(JSON.parse(JSON.stringify(checks))).toEqual(checks)
  })
})
