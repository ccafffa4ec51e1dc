import { describe, expect, it } from 'vitest'
import { evaluateGate, type GateCheck } from '../../../src/checklist/evaluate-gate.js'
import { evaluateRegressions } from '../../../src/checklist/evaluate-regressions.js'
import type { RunFacts } from '../../../src/checklist/run-facts.js'
import type { CheckSummary, ReportSnapshot } from '../../../src/compare/report-snapshot.js'

const data = { name: 'holdout', rows: 100 }
const head = (anchor: string, metrics: Record<string, number>, overrides: Partial<GateCheck> = {}): GateCheck => ({
  anchor,
  id: anchor,
  kind: 'baseline',
  title: `check ${anchor}`,
  checklist: [],
  outcome: 'passed',
  evidence: true,
  severity: 'high',
  metrics,
  file: 'a.test.ts',
  test: 't',
  data,
  ...overrides,
})
const base = (id: string, metrics: Record<string, number>, overrides: Partial<CheckSummary> = {}): CheckSummary => ({
  id,
  kind: 'baseline',
  title: `check ${id}`,
  file: 'a.test.ts',
  test: 't',
  severity: 'high',
  outcome: 'passed',
  evidence: true,
  metrics,
  data,
  ...overrides,
})
const snapshot = (checks: CheckSummary[]): ReportSnapshot => ({
  runId: 'base-run-1',
  digest: 'b'.repeat(64),
  title: 'm',
  finishedAt: '2026-01-01T00:00:00.000Z',
  passed: true,
  checks,
  checklist: [],
  mlTestScore: { score: 0, sections: [] },
  models: [],
  data: [],
})

describe('evaluateRegressions', () => {
  it('does nothing without a rule against the base', () => {
    expect(evaluateRegressions([head('c', {})], snapshot([]), undefined)).toBeUndefined()
    expect(evaluateRegressions([head('c', {})], snapshot([]), { noNewFailingChecks: false })).toBeUndefined()
  })

  it('fails closed when a rule needs a base and none was given', () => {
    expect(evaluateRegressions([], undefined, { noNewFailingChecks: true })).toEqual({
      failures: [
        {
          source: 'baseline',
          message: 'the gate compares with a base report, but the run was given none: set report.baseline to the report of the release in production',
        },
      ],
      warnings: [],
      regressions: [],
    })
    expect(evaluateRegressions([], undefined, { noRegression: { metrics: ['accuracy'], margin: 0.01 } })!.failures).toHaveLength(1)
  })

  it('noNewFailingChecks blocks an evidence check that fails now and did not before, added or matched', () => {
    const result = evaluateRegressions(
      [
        head('a', {}, { outcome: 'failed' }),
        head('b', {}, { outcome: 'failed' }),
        head('c', {}, { outcome: 'failed' }),
        head('d', {}, { outcome: 'expected-failure', evidence: false }),
      ],
      snapshot([base('a', {}), base('b', {}, { outcome: 'failed' }), base('d', {})]),
      { noNewFailingChecks: true },
    )!
    expect(result.failures).toEqual([
      { source: 'baseline', message: 'new failing check since the base run base-run-1: "check a" (a.test.ts > t)', anchor: 'a' },
      { source: 'baseline', message: 'new failing check since the base run base-run-1: "check c" (a.test.ts > t)', anchor: 'c' },
    ])
    expect(result.regressions).toEqual([])
  })

  it('noRegression passes a change inside the margin and records what it compared', () => {
    const result = evaluateRegressions(
      [head('a', { accuracy: 0.9 }, { data: { name: 'holdout', rows: 5000 } })],
      snapshot([base('a', { accuracy: 0.9 }, { data: { name: 'holdout', rows: 5000 } })]),
      { noRegression: { metrics: ['accuracy'], margin: 0.02 } },
    )!
    expect(result.failures).toEqual([])
    expect(result.regressions).toHaveLength(1)
    expect(result.regressions[0]).toMatchObject({
      metric: 'accuracy',
      severity: 'high',
      status: 'ok',
      baseCheck: { id: 'a', title: 'check a' },
      check: 'a',
      base: 0.9,
      head: 0.9,
      margin: 0.02,
      gain: 0,
      basis: 'newcombe',
    })
    expect(result.regressions[0]!.bound).toBeGreaterThan(-0.02)
  })

  it('noRegression blocks a loss whose one-sided bound passes -margin, naming the values, the bound and the base run', () => {
    // statsmodels confint_proportions_2indep(80, 100, 90, 100, method='newcomb', compare='diff', alpha=0.1) -> lower -0.18317
    const result = evaluateRegressions([head('a', { accuracy: 0.8 })], snapshot([base('a', { accuracy: 0.9 })]), {
      noRegression: { metrics: ['accuracy'], margin: 0.1 },
    })!
    expect(result.regressions[0]).toMatchObject({ status: 'regressed', basis: 'newcombe', check: 'a' })
    expect(result.regressions[0]!.bound).toBeCloseTo(-0.1831653263508306, 10)
    expect(result.failures).toEqual([
      {
        source: 'baseline',
        anchor: 'a',
        message:
          'high no regression on accuracy: "check a" went from 0.9 to 0.8 against the base run base-run-1: one-sided 0.95 bound of the gain -0.1832 <= -margin -0.1 (Newcombe interval, independent samples)',
      },
    ])
    expect(result.warnings).toEqual([])
  })

  it('compares a metric with no interval by its change, with one margin per metric', () => {
    const result = evaluateRegressions(
      [head('lat', { p99Ms: 70 }, { kind: 'latency' }), head('acc', { accuracy: 0.9 }, { data: { name: 'holdout', rows: 5000 } })],
      snapshot([base('lat', { p99Ms: 40 }, { kind: 'latency' }), base('acc', { accuracy: 0.9 }, { data: { name: 'holdout', rows: 5000 } })]),
      { noRegression: { metrics: ['accuracy', 'p99Ms'], margin: { accuracy: 0.02, p99Ms: 25 } } },
    )!
    expect(result.regressions.map((entry) => [entry.metric, entry.status, entry.basis, entry.margin])).toEqual([
      ['accuracy', 'ok', 'newcombe', 0.02],
      ['p99Ms', 'regressed', 'point', 25],
    ])
    expect(result.failures.map((reason) => reason.message)).toEqual([
      'high no regression on p99Ms: "check lat" went from 40 to 70 against the base run base-run-1: gain -30 < -margin -25 (no interval: the reports hold the two values only)',
    ])
  })

  it('says when the same model on the same data was compared', () => {
    const same = { model: { name: 'm', sha256: 'aa' }, data: { name: 'holdout', rows: 100, sha256: 'dd' } }
    const result = evaluateRegressions([head('a', { rmse: 3 }, same)], snapshot([base('a', { rmse: 2 }, same)]), {
      noRegression: { metrics: ['rmse'], margin: 0.5 },
    })!
    expect(result.failures[0]!.message).toBe(
      'high no regression on rmse: "check a" went from 2 to 3 against the base run base-run-1: gain -1 < -margin -0.5 (same model and data)',
    )
  })

  it('warns instead of blocking for a rule of lower severity', () => {
    const result = evaluateRegressions([head('a', { p99Ms: 70 })], snapshot([base('a', { p99Ms: 40 })]), {
      noRegression: { metrics: ['p99Ms'], margin: 1, severity: 'medium' },
    })!
    expect(result.failures).toEqual([])
    expect(result.warnings.map((reason) => reason.message)).toEqual([expect.stringMatching(/^medium no regression on p99Ms: "check a" went from 40 to 70/)])
    expect(result.regressions[0]!.severity).toBe('medium')
  })

  it('fails closed when a base check has no evidence counterpart recording the metric', () => {
    const rule = { noRegression: { metrics: ['accuracy'], margin: 0.5 } }
    const cases: GateCheck[][] = [[], [head('a', { accuracy: 0.9 }, { evidence: false, outcome: 'expected-failure' })], [head('a', { gain: 1 })]]
    for (const checks of cases) {
      const result = evaluateRegressions(checks, snapshot([base('a', { accuracy: 0.9 })]), rule)!
      expect(result.regressions).toEqual([
        { metric: 'accuracy', severity: 'high', status: 'not-compared', baseCheck: { id: 'a', title: 'check a' }, base: 0.9, margin: 0.5 },
      ])
      expect(result.failures).toEqual([
        {
          source: 'baseline',
          message: 'high no regression on accuracy: the base check "check a" has no evidence check recording accuracy in this run to compare with',
        },
      ])
    }
  })

  it('fails closed when no evidence check of the base measured the metric', () => {
    const result = evaluateRegressions(
      [head('a', { accuracy: 0.9 })],
      snapshot([base('a', { accuracy: 0.9 }, { evidence: false, outcome: 'demonstration' })]),
      { noRegression: { metrics: ['accuracy'], margin: 0.5 } },
    )!
    expect(result.regressions).toEqual([{ metric: 'accuracy', severity: 'high', status: 'not-measured', margin: 0.5 }])
    expect(result.failures).toEqual([
      { source: 'baseline', message: 'high no regression on accuracy: no evidence check of the base run base-run-1 recorded accuracy' },
    ])
  })

  it('compares only the kinds and models named', () => {
    const checks = [
      head('a', { accuracy: 0.5 }, { kind: 'slices' }),
      head('b', { accuracy: 0.5 }, { model: { name: 'other.onnx' } }),
      head('c', { accuracy: 0.9 }, { model: { name: 'm.onnx' }, data: { name: 'h', rows: 5000 } }),
    ]
    const baseChecks = [
      base('a', { accuracy: 0.9 }, { kind: 'slices' }),
      base('b', { accuracy: 0.9 }, { model: { name: 'other.onnx' } }),
      base('c', { accuracy: 0.9 }, { model: { name: 'm.onnx' }, data: { name: 'h', rows: 5000 } }),
    ]
    const result = evaluateRegressions(checks, snapshot(baseChecks), {
      noRegression: { metrics: ['accuracy'], margin: 0.02, kinds: ['baseline'], models: ['m.onnx'] },
    })!
    expect(result.regressions.map((entry) => [entry.baseCheck?.id, entry.status])).toEqual([['c', 'ok']])
    expect(
      evaluateRegressions(checks, snapshot(baseChecks), { noRegression: { metrics: ['accuracy'], margin: 0.02, models: ['none.onnx'] } })!.regressions[0]!
        .status,
    ).toBe('not-measured')
  })

  it("uses the rule's confidence and directions", () => {
    const checks = [head('a', { accuracy: 0.8 })]
    const baseChecks = [base('a', { accuracy: 0.9 })]
    // one-sided 0.975: statsmodels ... alpha=0.05 -> lower -0.19947
    expect(
      evaluateRegressions(checks, snapshot(baseChecks), { noRegression: { metrics: ['accuracy'], margin: 0.19, confidence: 0.975 } })!.regressions[0]!.bound,
    ).toBeCloseTo(-0.1994738700780695, 10)
    const own = evaluateRegressions([head('a', { loss: 2 })], snapshot([base('a', { loss: 1 })]), {
      noRegression: { metrics: ['loss'], margin: 0.5, directions: { loss: 'lower' } },
    })!
    expect(own.regressions[0]).toMatchObject({ status: 'regressed', gain: -1 })
  })
})

describe('evaluateGate with rules against the base', () => {
  const run: RunFacts = { status: 'finished', reason: 'passed', errors: [], tests: [{ file: 'a.test.ts', name: 't', state: 'passed' }] }

  it('blocks on a regression and stores the comparisons; leaves them out without a rule', () => {
    const checks = [head('a', { accuracy: 0.8 })]
    const verdict = evaluateGate(checks, [], 0, { noRegression: { metrics: ['accuracy'], margin: 0.01 } }, run, snapshot([base('a', { accuracy: 0.9 })]))
    expect(verdict.passed).toBe(false)
    expect(verdict.failures.map((reason) => reason.source)).toEqual(['baseline'])
    expect(verdict.regressions?.map((entry) => entry.status)).toEqual(['regressed'])
    expect(evaluateGate(checks, [], 0, {}, run, snapshot([base('a', { accuracy: 0.9 })]))).toEqual({
      passed: true,
      configured: true,
      failures: [],
      warnings: [],
      thresholds: [],
    })
  })

  it('passes when the rules hold', () => {
    const verdict = evaluateGate(
      [head('a', { p99Ms: 41 })],
      [],
      0,
      { noRegression: { metrics: ['p99Ms'], margin: 5 }, noNewFailingChecks: true },
      run,
      snapshot([base('a', { p99Ms: 40 })]),
    )
    expect(verdict).toMatchObject({ passed: true, failures: [], warnings: [] })
    expect(verdict.regressions).toHaveLength(1)
  })
})
