import { describe, expect, it } from 'vitest'
import { validateReport } from '../../../src/report/validate-report.js'
import { record, sampleReport, sampleTests } from './sample-report.js'

describe('buildReport', () => {
  it('numbers checks with unique stable anchors, sorted by file, and fills outcome and replay', () => {
    const report = sampleReport()
    expect(report.checks.map((check) => check.file)).toEqual(['test/drift.test.ts', 'test/model.test.ts', 'test/model.test.ts', 'test/model.test.ts'])
    expect(new Set(report.checks.map((check) => check.anchor)).size).toBe(4)
    const drift = report.checks[0]!
    expect(drift.outcome).toBe('failed') // passed=true under .not: the assertion failed
    expect(drift.replayCommand).toBe("npx vitest run test/drift.test.ts -t 'live data has not drifted'  # seed 42, 100 runs")
    expect(drift).toMatchObject({ healthyForm: 'negated', evidence: true, checklist: ['data-drift-weekly'] })
    expect(report.summary).toEqual({
      tests: { total: 3, passed: 1, failed: 2, skipped: 0, pending: 0 },
      checks: { total: 4, passed: 2, failed: 2, expectedFailures: 0, demonstrations: 0 },
      failedBySeverity: { high: 1, medium: 1, low: 0 },
      errors: 0,
    })
    expect(report.tests.map((test) => [test.file, test.name, test.checks.length])).toEqual([
      ['test/drift.test.ts', 'live data > has not drifted', 1],
      ['test/model.test.ts', 'credit model > beats the baseline', 1],
      ['test/model.test.ts', 'credit model > is monotonic in income', 2],
    ])
    expect(() => validateReport(report)).not.toThrow()
  })

  it('sorts many test cases by file and keeps their order within a file, whatever order they arrive in', () => {
    const files = Array.from({ length: 12 }, (_, index) => `test/f${String(index).padStart(2, '0')}.test.ts`)
    const inOrder = files.flatMap((file) =>
      [0, 1, 2, 3, 4].map((index) => ({ file, fullName: `t${index}`, namePattern: `t${index}`, state: 'passed' as const, checks: [] })),
    )
    // A fixed shuffle of the files (shards deliver files in any order); tests keep their order within each file.
    const shuffled = [7, 2, 11, 0, 5, 9, 1, 10, 3, 8, 6, 4].flatMap((index) => inOrder.filter((test) => test.file === files[index]))
    const order = [7, 2, 11, 0, 5, 9, 1, 10, 3, 8, 6, 4]
    const interleaved = [0, 1, 2, 3, 4].flatMap((index) => order.map((file) => inOrder[file * 5 + index]!))
    for (const tests of [shuffled, interleaved]) {
      expect(sampleReport({ tests: [...tests] }).tests.map((test) => `${test.file}#${test.name}`)).toEqual(
        inOrder.map((test) => `${test.file}#${test.fullName}`),
      )
    }
  })

  it('gives the same checks whatever order the test cases arrive in (sharded runs)', () => {
    const forward = sampleReport()
    const backward = sampleReport({ tests: sampleTests().reverse() })
    // Within a file tests keep their order; only files are reordered by the sort.
    expect(backward.checks.map((check) => check.file)).toEqual(forward.checks.map((check) => check.file))
    expect(new Set(backward.checks.map((check) => check.anchor))).toEqual(new Set(forward.checks.map((check) => check.anchor)))
  })

  it('fails the gate on every failed test even without a gate file, whatever the severity', () => {
    const report = sampleReport()
    expect(report.gate.configured).toBe(false)
    expect(report.gate.passed).toBe(false)
    expect(report.gate.failures.map((reason) => reason.message)).toEqual([
      'test failed: test/drift.test.ts > live data > has not drifted: check holds although asserted with .not (high): "income has drifted"',
      'test failed: test/model.test.ts > credit model > is monotonic in income: check does not hold (medium): "P(default) decreases with income"',
    ])
  })

  it('seals the report with a digest of its content', () => {
    const report = sampleReport()
    expect(report.integrity.algorithm).toBe('sha256')
    expect(report.integrity.digest).toMatch(/^[0-9a-f]{64}$/)
    expect(sampleReport().integrity.digest).toBe(report.integrity.digest)
    expect(sampleReport({ title: 'other' }).integrity.digest).not.toBe(report.integrity.digest)
  })

  it('derives polarity: a negated positive check is a demonstration, never evidence, and an unhealthy drift assertion too', () => {
    const tests = [
      {
        file: 'a.test.ts',
        fullName: 'weak',
        namePattern: 'weak',
        state: 'passed' as const,
        checks: [record({ id: 'b', kind: 'baseline', passed: false, negated: true, metrics: { accuracy: 0.4 } })],
      },
      { file: 'a.test.ts', fullName: 'drifted', namePattern: 'drifted', state: 'passed' as const, checks: [record({ id: 'd', kind: 'drift', passed: true })] },
      {
        file: 'a.test.ts',
        fullName: 'custom',
        namePattern: 'custom',
        state: 'passed' as const,
        checks: [record({ id: 'c', kind: 'leak-audit', passed: false, negated: true, healthyForm: 'negated', checklist: ['held-out-test'] })],
      },
    ]
    const report = sampleReport({
      tests,
      gate: { required: ['baseline-improvement', 'held-out-test'], thresholds: { accuracy: { min: 0.8, severity: 'high' } } },
    })
    expect(report.checks.map((check) => [check.kind, check.outcome, check.evidence])).toEqual([
      ['baseline', 'demonstration', false],
      ['drift', 'demonstration', false],
      ['leak-audit', 'passed', true],
    ])
    expect(report.summary.checks).toEqual({ total: 3, passed: 1, failed: 0, expectedFailures: 0, demonstrations: 2 })
    expect(report.checklist.find((item) => item.id === 'baseline-improvement')?.status).toBe('not-covered')
    expect(report.checklist.find((item) => item.id === 'held-out-test')?.status).toBe('passed')
    expect(report.gate.thresholds[0]?.status).toBe('not-measured')
    expect(report.gate.passed).toBe(false)
  })

  it('keeps the effective gate configuration, attestations included, for recomputation', () => {
    const attestations = { 'rollback-procedure': { file: 'README.md', owner: 'ops', date: '2026-01-01' } }
    const report = sampleReport({ gate: { required: ['rollback-procedure'] }, attestations })
    expect(report.gate.config).toEqual({ required: ['rollback-procedure'], attestations })
    expect(sampleReport().gate).not.toHaveProperty('config')
    const inGate = sampleReport({ gate: { required: ['rollback-procedure'], attestations } })
    expect(inGate.checklist.find((item) => item.id === 'rollback-procedure')?.status).toBe('attested')
    expect(inGate.gate.config).toEqual({ required: ['rollback-procedure'], attestations })
  })

  it('keeps a report valid when a record carries NaN metrics or BigInt counterexamples', () => {
    const tests = sampleTests()
    const bad = {
      ...tests[0]!,
      checks: [{ ...tests[0]!.checks[0]!, metrics: { pValue: Number.NaN, gain: 1 }, counterexample: { big: 10n, arr: new Float32Array([1, 2]) } }],
    }
    const report = sampleReport({ tests: [bad] })
    expect(report.checks[0]!.metrics).toEqual({ gain: 1 })
    expect(report.checks[0]!.warnings).toEqual(['metric pValue was NaN and is left out'])
    expect(report.checks[0]!.counterexample).toEqual({ big: '10', arr: [1, 2] })
    expect(() => validateReport(report)).not.toThrow()
  })

  it('counts skipped and pending tests, keeps errors only for tests that have some, and counts errors outside tests', () => {
    const tests = [
      { file: 'b.test.ts', fullName: 'skipped', namePattern: 'skipped', state: 'skipped' as const, checks: [], errors: [] },
      { file: 'a.test.ts', fullName: 'pending', namePattern: 'pending', state: 'pending' as const, checks: [] },
      {
        file: 'a.test.ts',
        fullName: 'failed',
        namePattern: 'failed',
        state: 'failed' as const,
        checks: [record({ id: 'x', kind: 'range', passed: false, severity: 'low' })],
        errors: ['Error: boom'],
      },
    ]
    const report = sampleReport({ tests, errors: [{ origin: 'unhandled', message: 'Error: late' }] })
    expect(report.summary).toEqual({
      tests: { total: 3, passed: 0, failed: 1, skipped: 1, pending: 1 },
      checks: { total: 1, passed: 0, failed: 1, expectedFailures: 0, demonstrations: 0 },
      failedBySeverity: { high: 0, medium: 0, low: 1 },
      errors: 1,
    })
    expect(report.tests).toEqual([
      { file: 'a.test.ts', name: 'pending', state: 'pending', checks: [] },
      { file: 'a.test.ts', name: 'failed', state: 'failed', checks: [report.checks[0]!.anchor], errors: ['Error: boom'] },
      { file: 'b.test.ts', name: 'skipped', state: 'skipped', checks: [] },
    ])
    expect(report.errors).toEqual([{ origin: 'unhandled', message: 'Error: late' }])
    expect(report.gate.failures[0]?.message).toBe('error outside any test: Error: late')
    expect(sampleReport({ tests }).errors).toEqual([])
  })

  it('gives the same record id recorded three times in one test three anchors, stable across builds', () => {
    const tests = [
      { file: 'a.test.ts', fullName: 't', namePattern: 't', state: 'passed' as const, checks: [1, 2, 3].map(() => record({ id: 'r', kind: 'range' })) },
    ]
    const anchors = sampleReport({ tests }).checks.map((check) => check.anchor)
    for (const anchor of anchors) expect(anchor).toMatch(/^c-[0-9a-f]{12}$/)
    expect(new Set(anchors).size).toBe(3)
    expect(sampleReport({ tests }).checks.map((check) => check.anchor)).toEqual(anchors)
    const other = sampleReport({ tests: [{ ...tests[0]!, fullName: 'u' }] }).checks
    expect(other[0]!.anchor).not.toBe(anchors[0])
  })

  it('takes the healthy form a user-defined record declares only when it is one of the two forms', () => {
    const tests = [
      {
        file: 'a.test.ts',
        fullName: 't',
        namePattern: 't',
        state: 'passed' as const,
        checks: [
          record({ id: 'a', kind: 'leak-audit', passed: false, negated: true, healthyForm: 'negated' }),
          record({ id: 'b', kind: 'leak-audit', passed: false, negated: true, healthyForm: 'sideways' as never }),
          record({ id: 'c', kind: 'leak-audit', passed: true, healthyForm: 'positive' }),
        ],
      },
    ]
    expect(sampleReport({ tests }).checks.map((check) => [check.healthyForm, check.outcome, check.evidence])).toEqual([
      ['negated', 'passed', true],
      ['positive', 'demonstration', false],
      ['positive', 'passed', true],
    ])
  })

  it('uses attestations given without a gate file, keeps the default title, and names the config file in replay commands', () => {
    const attestations = { 'rollback-procedure': { file: 'package.json', owner: 'ops', date: '2026-01-01' } }
    const report = sampleReport({ attestations })
    expect(report.gate.config).toEqual({ attestations })
    expect(report.gate.configured).toBe(true)
    expect(report.checklist.find((item) => item.id === 'rollback-procedure')?.status).toBe('attested')
    expect(report.title).toBe('vitest-ml report')
    const withConfig = sampleReport({ run: { ...sampleReport().run, configFile: 'ci/vitest.ml.config.ts' } })
    expect(withConfig.checks[0]?.replayCommand).toBe(
      "npx vitest run --config ci/vitest.ml.config.ts test/drift.test.ts -t 'live data has not drifted'  # seed 42, 100 runs",
    )
  })

  it('judges attestations at the end of the run and from the given root', () => {
    const attestations = { 'rollback-procedure': { file: 'package.json', owner: 'ops', date: '2026-01-05' } }
    const run = sampleReport().run
    expect(sampleReport({ attestations }).checklist.find((item) => item.id === 'rollback-procedure')?.reason).toBe(
      'attestation date 2026-01-05 is in the future (owner ops, 2026-01-05)',
    )
    expect(
      sampleReport({ attestations, run: { ...run, finishedAt: '2026-01-05T00:00:01.000Z' } }).checklist.find((item) => item.id === 'rollback-procedure')
        ?.status,
    ).toBe('attested')
    expect(
      sampleReport({ attestations, root: undefined as never, run: { ...run, finishedAt: '2026-01-05T00:00:01.000Z' } }).checklist.find(
        (item) => item.id === 'rollback-procedure',
      )?.status,
    ).toBe('attested')
  })
})
