import { describe, expect, test } from 'vitest'
import { DEFAULT_ALERT_THRESHOLDS, evaluateAlerts } from '../../../src/patterns/evaluate-alerts.js'

describe('evaluateAlerts', () => {
  test('no alerts on a healthy snapshot', () => {
    expect(evaluateAlerts({ accuracy: 0.9, errorRate: 0.01, p99Ms: 120, driftShare: 0.05 })).toEqual({ alerts: [], missing: [], checked: 4 })
  })

  test('fires breached rules, most severe first, and rules of unreported metrics', () => {
    const result = evaluateAlerts({ accuracy: 0.8, errorRate: 0.01, p99Ms: 250 })
    expect(result.alerts.map((alert) => alert.message)).toEqual(['accuracy 0.8 < 0.85 (high)', 'p99Ms 250 > 200 (medium)', 'driftShare not reported (medium)'])
    expect(result.missing).toEqual(['driftShare'])
    expect(evaluateAlerts({ accuracy: 0.8 }, DEFAULT_ALERT_THRESHOLDS, { allowMissing: true }).alerts.map((alert) => alert.metric)).toEqual(['accuracy'])
    expect(evaluateAlerts({ accuracy: Number.NaN }, [{ metric: 'accuracy', op: 'min', value: 0.5, severity: 'low' }]).alerts[0]?.message).toBe(
      'accuracy NaN < 0.5 (low)',
    )
  })

  test('thresholds sit on the boundary: equal values do not fire', () => {
    expect(evaluateAlerts({ accuracy: 0.85, errorRate: 0.05, p99Ms: 200, driftShare: 0.1 }).alerts).toEqual([])
  })

  test('malformed rules are refused', () => {
    expect(() => evaluateAlerts({}, [{ metric: 'accuracy', op: 'above' as never, value: 1, severity: 'high' }])).toThrow(
      /evaluateAlerts: expected thresholds of \{ metric, op: 'min' \| 'max', value, severity/,
    )
  })
})
