import { describe, expect, test } from 'vitest'
import type { CheckRecord } from '../../../src/record/check-record.js'
import { buildReport } from '../../../src/report/build-report.js'
import { validateReport } from '../../../src/report/validate-report.js'

const record = (id: string, passed: boolean): CheckRecord => ({
  id,
  kind: 'baseline',
  title: id,
  passed,
  severity: 'high',
  checklist: ['baseline-improvement'],
  metrics: {},
})
const run = {
  id: 'run-20261126-test',
  status: 'finished' as const,
  startedAt: '2026-11-26T00:00:00.000Z',
  finishedAt: '2026-11-26T00:00:01.000Z',
  durationMs: 1000,
  vitestVersion: '4.1.12',
  reason: 'passed' as const,
}

function report(testState: 'passed' | 'failed') {
  return buildReport({
    tests: [
      { file: 'a.test.ts', fullName: 'real', namePattern: 'real', state: 'passed', checks: [record('real', true)] },
      { file: 'a.test.ts', fullName: 'demo', namePattern: 'demo', state: testState, checks: [record('broken', false)] },
    ],
    run,
    provenance: { models: [], data: [], seeds: [], node: 'v20' },
    gate: { required: ['baseline-improvement'] },
  })
}

describe('a failed check inside a passing test (the test asserted the failure)', () => {
  test('is an expected failure: shown, counted apart, and neither evidence nor a gate failure', () => {
    const built = report('passed')
    expect(built.checks.map((check) => check.outcome)).toEqual(['passed', 'expected-failure'])
    expect(built.summary.checks).toEqual({ total: 2, passed: 1, failed: 0, expectedFailures: 1, demonstrations: 0 })
    expect(built.gate.passed).toBe(true)
    expect(built.checklist.find((item) => item.id === 'baseline-improvement')?.status).toBe('passed')
    expect(validateReport(built)).toBe(built)
  })

  test('inside a failing test it is a real failure that blocks the gate', () => {
    const built = report('failed')
    expect(built.checks.map((check) => check.outcome)).toEqual(['passed', 'failed'])
    expect(built.summary.checks).toEqual({ total: 2, passed: 1, failed: 1, expectedFailures: 0, demonstrations: 0 })
    expect(built.gate.passed).toBe(false)
  })
})
