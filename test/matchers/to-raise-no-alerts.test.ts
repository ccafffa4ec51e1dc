import { describe, expect, test } from 'vitest'
import { patternMatchers } from '../../matchers/patterns-index.js'
import { failureOf } from '../support/failure-of.js'

expect.extend(patternMatchers)

describe('toRaiseNoAlerts', () => {
  test('passes on a healthy snapshot with the default rules, or custom ones', async () => {
    await expect({ accuracy: 0.93, p99Ms: 41, errorRate: 0, driftShare: 0.03 }).toRaiseNoAlerts()
    await expect({ p99Ms: 41 }).toRaiseNoAlerts({ rules: [{ metric: 'p99Ms', op: 'max', value: 50, severity: 'high' }] })
    await expect({ accuracy: 0.93 }).toRaiseNoAlerts({ allowMissing: true })
  })

  test('fails listing the alerts by severity, pinned', async () => {
    const failure = await failureOf(() => expect({ accuracy: 0.81, p99Ms: 250, errorRate: 0.2 }).toRaiseNoAlerts())
    expect(failure?.message.split('\n').slice(2).join('\n')).toBe(
      [
        '4 of 4 alert rules fired:',
        '  [high] accuracy 0.81 < 0.85',
        '  [high] errorRate 0.2 > 0.05',
        '  [medium] p99Ms 250 > 200',
        '  [medium] driftShare not reported',
        'Hint: report every monitored metric, or pass { allowMissing: true } to skip the rules of absent ones.',
      ].join('\n'),
    )
  })

  test('.not passes when an alert fires', async () => {
    await expect({ accuracy: 0.5, p99Ms: 1, errorRate: 0, driftShare: 0 }).not.toRaiseNoAlerts()
    // The failure of `.not` on a healthy snapshot is pinned in test/matchers/messages/patterns.test.ts.
  })

  test('bad input gives clear errors', async () => {
    expect(() => expect([0.9]).toRaiseNoAlerts()).toThrow(
      /toRaiseNoAlerts: expected a metrics object of numbers such as \{ accuracy: 0\.9, p99Ms: 120 \}, received an array/,
    )
    expect(() => expect({ accuracy: '0.9' }).toRaiseNoAlerts()).toThrow(/received an object with non-numeric values/)
  })
})
