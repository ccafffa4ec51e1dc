// Type-level tests of the production-pattern matchers (see model-matchers.types.ts for how they are checked).
import { expect } from 'vitest'
import { cached, ensemble, functionModel, manualClock, withFallback } from 'vitest-ml'

const model = functionModel((row: number[]) => [(row[0] ?? 0) / 2])
const heuristic = functionModel((row: number[]) => [0.5 + 0 * (row[0] ?? 0)])
const rows = [[0.1], [0.5], [0.9]]

export async function fallbackAndShadow(): Promise<void> {
  await expect(withFallback(model, heuristic, { timeoutMs: 10 })).toFallBackGracefully({ inputs: rows, latencyBudgetMs: 100, faults: { errorRate: 0.2 } })
  await expect(heuristic).toAgreeWith(model, { inputs: rows, minAgreementShare: 0.95 })
  // @ts-expect-error misspelt option in the fault plan (errorRatio)
  await expect(withFallback(model, heuristic, { timeoutMs: 10 })).toFallBackGracefully({ inputs: rows, faults: { errorRatio: 0.2 } })
  // @ts-expect-error misspelt matcher
  await expect(model).toAgree(heuristic, { inputs: rows })
  // @ts-expect-error misspelt option (minAgreements)
  await expect(heuristic).toAgreeWith(model, { inputs: rows, minAgreementsShare: 0.95 })
}

export async function ensembleAndCache(): Promise<void> {
  await expect(ensemble([model, heuristic])).toBeAtLeastAsGoodAsBestMember({ data: { inputs: rows, labels: [0, 0, 1] }, metric: 'accuracy' })
  await expect(cached(model, { ttlMs: 1000, clock: manualClock() })).toServeFreshFromCache({ inputs: rows, ttlMs: 1000 })
  // @ts-expect-error misspelt option (metrics)
  await expect(ensemble([model, heuristic])).toBeAtLeastAsGoodAsBestMember({ data: { inputs: rows, labels: [0, 0, 1] }, metrics: 'accuracy' })
  // @ts-expect-error misspelt option (rows for inputs)
  await expect(cached(model, { ttlMs: 1000 })).toServeFreshFromCache({ rows })
}

export async function monitoring(): Promise<void> {
  await expect({ log: [], labels: [] }).toMaintainMetric({ metric: 'accuracy', min: 0.85, window: 'day' })
  await expect(model).toMeetLatency({ inputs: rows, requests: 20, p99Ms: 50, throughputPerSec: 100 })
  await expect({ accuracy: 0.93, p99Ms: 41 }).toRaiseNoAlerts({ rules: [{ metric: 'p99Ms', op: 'max', value: 50, severity: 'high' }] })
  // @ts-expect-error not a window
  await expect({ log: [], labels: [] }).toMaintainMetric({ min: 0.85, window: 'week' })
  // @ts-expect-error misspelt budget (p99)
  await expect(model).toMeetLatency({ inputs: rows, p99: 50 })
  // @ts-expect-error misspelt field of an alert rule (operator)
  await expect({ p99Ms: 41 }).toRaiseNoAlerts({ rules: [{ metric: 'p99Ms', operator: 'max', value: 50, severity: 'high' }] })
}
