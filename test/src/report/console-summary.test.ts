import { describe, expect, it } from 'vitest'
import { consoleSummary } from '../../../src/report/console-summary.js'
import { record, sampleReport, sampleTests } from './sample-report.js'

describe('consoleSummary', () => {
  it('leads with the verdict and the counts of tests and checks, then the reasons', () => {
    expect(consoleSummary(sampleReport({ gate: { required: ['held-out-test'] } }), { htmlPath: 'reports/vitest-ml.html' }).split('\n')).toEqual([
      ' vitest-ml  GATE FAILED  tests 1/3 passed; checks 2 passed, 2 failed (1 high); checklist 2/13; ML Test Score 0',
      '   ✗ test failed: test/drift.test.ts > live data > has not drifted: check holds although asserted with .not (high): "income has drifted"',
      '   ✗ test failed: test/model.test.ts > credit model > is monotonic in income: check does not hold (medium): "P(default) decreases with income"',
      '   ✗ required item "held-out-test" is not covered: no check of kind held-out/slices/segments/fairness/calibration (or tagged "held-out-test") ran',
      '   report: reports/vitest-ml.html',
    ])
  })

  it('counts expected failures and demonstrations, says when no gate is configured, and colours the verdict', () => {
    const tests = [
      { file: 'a.test.ts', fullName: 'ok', namePattern: 'ok', state: 'passed' as const, checks: [record({ id: 'r', kind: 'range' })] },
      {
        file: 'a.test.ts',
        fullName: 'demo',
        namePattern: 'demo',
        state: 'passed' as const,
        checks: [record({ id: 'd', kind: 'baseline', passed: false, negated: true }), record({ id: 'e', kind: 'range', passed: false })],
      },
    ]
    const lines = consoleSummary(sampleReport({ tests })).split('\n')
    expect(lines).toEqual([
      ' vitest-ml  GATE PASSED  tests 2/2 passed; checks 1 passed, 0 failed (0 high), 1 expected failure, 1 demonstration; checklist 0/13; ML Test Score 0',
      '   (no gate file: the verdict rests on the run and its tests alone; set report.gate in mlTesting())',
    ])
    expect(consoleSummary(sampleReport({ tests }), { colors: true }).split('\n')[0]).toBe(
      ' \u001b[1mvitest-ml\u001b[0m  \u001b[32mGATE PASSED\u001b[0m  tests 2/2 passed; checks 1 passed, 0 failed (0 high), 1 expected failure, 1 demonstration; checklist 0/13; ML Test Score 0',
    )
    expect(consoleSummary(sampleReport(), { colors: true })).toContain('\u001b[31mGATE FAILED\u001b[0m')
    expect(consoleSummary(sampleReport(), { colors: true })).toContain('   \u001b[31m✗\u001b[0m test failed')
  })

  it('pluralises, shows warnings, caps the reasons and cuts long lines', () => {
    const many = Array.from({ length: 14 }, (_, index) => ({
      file: 'a.test.ts',
      fullName: `t${index} ${'x'.repeat(index === 0 ? 250 : 1)}`,
      namePattern: `t${index}`,
      state: 'failed' as const,
      checks: [],
    }))
    const lines = consoleSummary(sampleReport({ tests: many, gate: { thresholds: { p99Ms: { max: 100, severity: 'low' } } } }), { maxLines: 5 }).split('\n')
    expect(lines).toHaveLength(7)
    expect(lines[1]).toHaveLength(200)
    expect(lines[1]?.endsWith('…')).toBe(true)
    expect(lines[6]).toBe('   … 10 more in the report')
    const demos = [
      {
        file: 'a.test.ts',
        fullName: 'd',
        namePattern: 'd',
        state: 'passed' as const,
        checks: [1, 2].map((n) => record({ id: `d${n}`, kind: 'baseline', passed: false, negated: true })),
      },
      {
        file: 'a.test.ts',
        fullName: 'e',
        namePattern: 'e',
        state: 'passed' as const,
        checks: [1, 2].map((n) => record({ id: `e${n}`, kind: 'range', passed: false })),
      },
    ]
    expect(consoleSummary(sampleReport({ tests: demos, gate: { thresholds: { p99Ms: { max: 100, severity: 'low' } } } })).split('\n')).toEqual([
      ' vitest-ml  GATE PASSED  tests 2/2 passed; checks 0 passed, 0 failed (0 high), 2 expected failures, 2 demonstrations; checklist 0/13; ML Test Score 0',
      '   ! low threshold p99Ms: no evidence check recorded metrics.p99Ms',
    ])
    expect(sampleTests()).toHaveLength(3)
  })

  it('shows twelve reasons by default, all of them when they fit, and keeps a line of exactly 200 characters whole', () => {
    const failing = (count: number, nameLength = 1) =>
      Array.from({ length: count }, (_, index) => ({
        file: 'a.test.ts',
        fullName: `t${String(index).padStart(2, '0')}${'x'.repeat(nameLength)}`,
        namePattern: `t${index}`,
        state: 'failed' as const,
        checks: [],
      }))
    const thirteen = consoleSummary(sampleReport({ tests: failing(13) })).split('\n')
    expect(thirteen).toHaveLength(1 + 12 + 1 + 1)
    expect(thirteen[13]).toBe('   … 1 more in the report')
    const twelve = consoleSummary(sampleReport({ tests: failing(12) })).split('\n')
    expect(twelve).toHaveLength(1 + 12 + 1)
    expect(twelve.some((line) => line.includes('more in the report'))).toBe(false)
    // '   ✗ test failed: a.test.ts > t00' + name + ': failed' is 41 characters besides the x's.
    const [, exact] = consoleSummary(sampleReport({ tests: failing(1, 159) })).split('\n')
    expect(exact).toHaveLength(200)
    expect(exact?.endsWith(': failed')).toBe(true)
  })

  it('counts attested checklist items as covered, and colours warnings', () => {
    const attestations = { 'rollback-procedure': { file: 'package.json', owner: 'ops', date: '2026-01-01' } }
    const tests = [{ file: 'a.test.ts', fullName: 'ok', namePattern: 'ok', state: 'passed' as const, checks: [record({ id: 'b', kind: 'baseline' })] }]
    const report = sampleReport({ tests, attestations, gate: { thresholds: { p99Ms: { max: 100, severity: 'low' } } } })
    const lines = consoleSummary(report, { colors: true }).split('\n')
    expect(lines[0]).toContain('checklist 2/13;')
    expect(lines[1]).toBe('   \u001b[33m!\u001b[0m low threshold p99Ms: no evidence check recorded metrics.p99Ms')
    expect(lines).toHaveLength(2)
  })
})
