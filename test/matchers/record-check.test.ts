import type { MatcherState } from '@vitest/expect'
import { describe, expect, test } from 'vitest'
import { recordCheck } from '../../matchers/record-check.js'
import { type CheckRecord, checksFromMeta } from '../../src/record/check-record.js'

const record = (passed: boolean): CheckRecord => ({
  id: 'range:demo',
  kind: 'range',
  title: 'demo outputs in [0, 1]',
  passed,
  severity: 'high',
  checklist: [],
  metrics: { violationRate: 0.5, violations: 3, numRuns: 6, upperBound: 0.123456789 },
  replay: { seed: 7, numRuns: 6 },
})

describe('recordCheck', () => {
  test('stores each record on the running test, marking negated assertions', async ({ task }) => {
    await recordCheck({ task } as unknown as MatcherState, record(true))
    await recordCheck({ task, isNot: true } as unknown as MatcherState, record(false))
    expect(checksFromMeta(task.meta).map((check) => [check.passed, check.negated])).toEqual([
      [true, false],
      [false, true],
    ])
    expect(task.annotations).toEqual([])
  })

  test('annotates a failed assertion with its key numbers and seed', async ({ task }) => {
    await recordCheck({ task } as unknown as MatcherState, record(false))
    expect(task.annotations.map((annotation) => [annotation.type, annotation.message])).toEqual([
      ['vitest-ml:range', 'demo outputs in [0, 1]: violationRate=0.5, violations=3, numRuns=6, upperBound=0.1235 (seed 7)'],
    ])
  })

  test('returns the record untouched outside a test', async () => {
    expect(await recordCheck({} as MatcherState, record(true))).toEqual({ ...record(true), negated: false })
  })
})
