import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { evaluateGate, type GateCheck } from '../../../src/checklist/evaluate-gate.js'
import type { RunFacts } from '../../../src/checklist/run-facts.js'
import { scoreChecklist } from '../../../src/checklist/score-checklist.js'

const check = (anchor: string, metrics: Record<string, number>, overrides: Partial<GateCheck> = {}): GateCheck => ({
  anchor,
  kind: 'baseline',
  title: anchor,
  checklist: [],
  outcome: 'passed',
  evidence: true,
  severity: 'medium',
  metrics,
  file: 'a.test.ts',
  test: 't',
  ...overrides,
})

const healthyRun: RunFacts = { status: 'finished', reason: 'passed', errors: [], tests: [{ file: 'a.test.ts', name: 't', state: 'passed' }] }

describe('evaluateGate', () => {
  it('passes when the run is clean, required items pass and thresholds hold', () => {
    const checks = [check('c1', { accuracy: 0.9, p99Ms: 120 })]
    const verdict = evaluateGate(
      checks,
      scoreChecklist(checks, { required: ['baseline-improvement'] }),
      1,
      {
        required: ['baseline-improvement'],
        thresholds: { accuracy: { min: 0.85, severity: 'high' }, p99Ms: { max: 200, severity: 'medium' } },
      },
      healthyRun,
    )
    // Strictly: a one-sided threshold has no key at all for its other bound.
    expect(verdict).toStrictEqual({
      passed: true,
      configured: true,
      failures: [],
      warnings: [],
      thresholds: [
        { name: 'accuracy', metric: 'accuracy', severity: 'high', min: 0.85, status: 'ok', worst: 0.9, checks: ['c1'] },
        { name: 'p99Ms', metric: 'p99Ms', severity: 'medium', max: 200, status: 'ok', worst: 120, checks: ['c1'] },
      ],
    })
  })

  it('without a gate file passes a clean run and says it is not configured', () => {
    expect(evaluateGate([], [], 0, undefined, healthyRun)).toEqual({ passed: true, configured: false, failures: [], warnings: [], thresholds: [] })
  })

  it('fails on a required item that is not covered', () => {
    const verdict = evaluateGate([], scoreChecklist([], { required: ['held-out-test'] }), 0, { required: ['held-out-test'] }, healthyRun)
    expect(verdict.passed).toBe(false)
    expect(verdict.failures).toEqual([
      {
        source: 'checklist',
        message: 'required item "held-out-test" is not covered: no check of kind held-out/slices/segments/fairness/calibration (or tagged "held-out-test") ran',
        anchor: 'item-held-out-test',
      },
    ])
  })

  it('fails on a required item whose evidence failed, even a medium-severity check, and passes without it', () => {
    const broken = [check('c1', { accuracy: 0.9 }), check('c2', {}, { outcome: 'failed', title: 'beats the class-prior baseline' })]
    const config = { required: ['baseline-improvement'] }
    const verdict = evaluateGate(broken, scoreChecklist(broken, config), 1, config, healthyRun)
    expect(verdict.passed).toBe(false)
    expect(verdict.failures.map((reason) => reason.source)).toEqual(['checklist'])
    expect(verdict.failures[0]?.message).toBe('required item "baseline-improvement" is failed: 1 of 2 evidence checks failed: "beats the class-prior baseline"')
    const healthy = broken.slice(0, 1)
    expect(evaluateGate(healthy, scoreChecklist(healthy, config), 1, config, healthyRun).passed).toBe(true)
  })

  it('counts a required item that is attested (no test can prove it) as met, and a failed attestation as failed', () => {
    const root = mkdtempSync(join(tmpdir(), 'vitest-ml-gate-attest-'))
    writeFileSync(join(root, 'rollback.md'), '# Rollback\nRevert the model tag.\n')
    const config = { required: ['rollback-procedure'], attestations: { 'rollback-procedure': { file: 'rollback.md', owner: 'ops', date: '2026-01-15' } } }
    const checklist = scoreChecklist([], { required: config.required, attestations: config.attestations, root })
    expect(checklist.find((item) => item.id === 'rollback-procedure')?.status).toBe('attested')
    expect(evaluateGate([], checklist, 0, config, healthyRun)).toMatchObject({ passed: true, failures: [] })
    const missing = scoreChecklist([], {
      required: config.required,
      attestations: { 'rollback-procedure': { ...config.attestations['rollback-procedure'], file: 'gone.md' } },
      root,
    })
    expect(evaluateGate([], missing, 0, config, healthyRun).failures).toEqual([
      {
        source: 'checklist',
        message: 'required item "rollback-procedure" is failed: attested file gone.md does not exist (owner ops, 2026-01-15)',
        anchor: 'item-rollback-procedure',
      },
    ])
  })

  it('ends the message of a required item that gives no reason at the colon', () => {
    const [item] = scoreChecklist([], { required: ['held-out-test'] }).filter((entry) => entry.id === 'held-out-test')
    const { reason: _reason, ...bare } = { ...item!, status: 'failed' as const }
    expect(evaluateGate([], [bare], 0, { required: ['held-out-test'] }, healthyRun).failures).toEqual([
      { source: 'checklist', message: 'required item "held-out-test" is failed:', anchor: 'item-held-out-test' },
    ])
  })

  it('fails on a breached high threshold and only warns on a breached medium one, pointing at the worst check', () => {
    const checks = [check('c1', { accuracy: 0.9, p99Ms: 150 }), check('c2', { accuracy: 0.8, p99Ms: 450 }), check('c3', { accuracy: 0.84, p99Ms: 210 })]
    const verdict = evaluateGate(
      checks,
      scoreChecklist(checks),
      0,
      {
        thresholds: { accuracy: { min: 0.85, severity: 'high' }, p99Ms: { max: 200, severity: 'medium' } },
      },
      healthyRun,
    )
    expect(verdict.passed).toBe(false)
    expect(verdict.failures).toEqual([{ source: 'threshold', message: 'high threshold accuracy: accuracy = 0.8 < min 0.85', anchor: 'c2' }])
    expect(verdict.warnings).toEqual([{ source: 'threshold', message: 'medium threshold p99Ms: p99Ms = 450 > max 200', anchor: 'c2' }])
    expect(verdict.thresholds.map((result) => result.checks)).toEqual([
      ['c2', 'c3', 'c1'],
      ['c2', 'c3', 'c1'],
    ])
  })

  it('picks the worst value whatever order the checks come in, for min and max bounds', () => {
    for (const order of [
      [0, 1, 2],
      [2, 1, 0],
      [1, 2, 0],
    ]) {
      const values = [0.7, 0.95, 0.8]
      const checks = order.map((index) => check(`c${index}`, { accuracy: values[index]!, errorRate: values[index]! - 0.7 }))
      const verdict = evaluateGate(
        checks,
        [],
        0,
        { thresholds: { accuracy: { min: 0.85, severity: 'low' }, errorRate: { max: 0.1, severity: 'low' } } },
        healthyRun,
      )
      expect(verdict.thresholds.map((result) => result.worst)).toEqual([0.7, 0.95 - 0.7])
    }
  })

  it('breaches exactly past the bound: a value equal to min or max holds', () => {
    const checks = [check('c1', { accuracy: 0.85, errorRate: 0.05 })]
    const verdict = evaluateGate(
      checks,
      [],
      0,
      { thresholds: { accuracy: { min: 0.85, severity: 'high' }, errorRate: { max: 0.05, severity: 'high' } } },
      healthyRun,
    )
    expect(verdict.passed).toBe(true)
    expect(verdict.thresholds.map((result) => result.status)).toEqual(['ok', 'ok'])
  })

  it('in a band, takes as worst the value furthest past either bound', () => {
    const band = { thresholds: { accuracy: { min: 0.6, max: 0.9, severity: 'high' as const } } }
    // 0.5 is 0.1 below the band, 0.95 only 0.05 above it; 0.7 lies inside.
    for (const values of [
      [0.5, 0.95, 0.7],
      [0.95, 0.7, 0.5],
    ]) {
      const verdict = evaluateGate(
        values.map((value, index) => check(`c${index}`, { accuracy: value })),
        [],
        0,
        band,
        healthyRun,
      )
      expect(verdict.thresholds[0]?.worst).toBe(0.5)
      expect(verdict.failures[0]?.message).toBe('high threshold accuracy: accuracy = 0.5 < min 0.6')
    }
    const above = evaluateGate([check('c1', { accuracy: 0.55 }), check('c2', { accuracy: 0.99 })], [], 0, band, healthyRun)
    expect(above.thresholds[0]?.worst).toBe(0.99)
    // A tie (5 below, 5 above) keeps the first check's value, so the message names the check it points at.
    const tie = evaluateGate(
      [check('c1', { p99Ms: 5 }), check('c2', { p99Ms: 25 })],
      [],
      0,
      { thresholds: { p99Ms: { min: 10, max: 20, severity: 'high' } } },
      healthyRun,
    )
    expect(tie.failures).toEqual([{ source: 'threshold', message: 'high threshold p99Ms: p99Ms = 5 < min 10', anchor: 'c1' }])
  })

  it('describes a breach of a band by the side it left', () => {
    const low = evaluateGate([check('c1', { accuracy: 0.5 })], [], 0, { thresholds: { accuracy: { min: 0.6, max: 0.9, severity: 'high' } } }, healthyRun)
    const high = evaluateGate([check('c1', { accuracy: 0.95 })], [], 0, { thresholds: { accuracy: { min: 0.6, max: 0.9, severity: 'high' } } }, healthyRun)
    expect(low.failures[0]?.message).toBe('high threshold accuracy: accuracy = 0.5 < min 0.6')
    expect(high.failures[0]?.message).toBe('high threshold accuracy: accuracy = 0.95 > max 0.9')
  })

  it('treats a high threshold nobody measured as blocking, a low one as a warning, and reads custom metric names', () => {
    const checks = [check('c1', { driftShare: 0.3 })]
    const verdict = evaluateGate(
      checks,
      scoreChecklist(checks),
      0,
      {
        thresholds: {
          errorRate: { max: 0.05, severity: 'high' },
          p99Ms: { max: 10, severity: 'low' },
          driftShare: { max: 0.1, severity: 'low', metric: 'driftShare' },
        },
      },
      healthyRun,
    )
    // No check measured it, so there is nothing to point at: the reason carries no anchor at all.
    expect(verdict.failures).toStrictEqual([{ source: 'threshold', message: 'high threshold errorRate: no evidence check recorded metrics.errorRate' }])
    expect(verdict.warnings).toEqual([
      { source: 'threshold', message: 'low threshold p99Ms: no evidence check recorded metrics.p99Ms' },
      { source: 'threshold', message: 'low threshold driftShare: driftShare = 0.3 > max 0.1', anchor: 'c1' },
    ])
  })

  it('reads thresholds from evidence only: a demonstration on a broken model neither breaches nor satisfies them', () => {
    const demo = check('demo', { accuracy: 0.4 }, { outcome: 'demonstration', evidence: false })
    const verdict = evaluateGate([demo], [], 0, { thresholds: { accuracy: { min: 0.85, severity: 'high' } } }, healthyRun)
    expect(verdict.thresholds[0]).toStrictEqual({ name: 'accuracy', metric: 'accuracy', severity: 'high', min: 0.85, status: 'not-measured', checks: [] })
    expect(verdict.failures.map((reason) => reason.message)).toEqual(['high threshold accuracy: no evidence check recorded metrics.accuracy'])
  })

  it('measures only the check kinds a threshold names', () => {
    const checks = [check('c1', { driftShare: 1 }, { kind: 'drift' }), check('c2', { driftShare: 0.05 }, { kind: 'skew' })]
    const verdict = evaluateGate(checks, scoreChecklist(checks), 0, { thresholds: { driftShare: { max: 0.1, severity: 'high', kinds: ['skew'] } } }, healthyRun)
    expect(verdict.passed).toBe(true)
    expect(verdict.thresholds[0]).toMatchObject({ status: 'ok', worst: 0.05, checks: ['c2'] })
  })

  it('measures only the models a threshold names', () => {
    const checks = [
      check('c1', { accuracy: 0.74 }, { model: { name: 'penguins-weak.onnx' } }),
      check('c2', { accuracy: 0.99 }, { model: { name: 'penguins-mlp.onnx' } }),
      check('c3', { accuracy: 0.5 }),
    ]
    const verdict = evaluateGate(
      checks,
      scoreChecklist(checks),
      0,
      { thresholds: { accuracy: { min: 0.85, severity: 'high', models: ['penguins-mlp.onnx'] } } },
      healthyRun,
    )
    expect(verdict.passed).toBe(true)
    expect(verdict.thresholds[0]).toMatchObject({ status: 'ok', worst: 0.99, checks: ['c2'] })
  })

  it('fails on an ML Test Score below the minimum, and passes at exactly the minimum', () => {
    expect(evaluateGate([], [], 1.5, { minMlTestScore: 2 }, healthyRun).failures).toEqual([
      { source: 'score', message: 'ML Test Score 1.5 is below the required 2', anchor: 'ml-test-score' },
    ])
    expect(evaluateGate([], [], 2, { minMlTestScore: 2 }, healthyRun).passed).toBe(true)
  })

  it('puts the run first: a failed test blocks whatever the gate says, naming the check that did not hold', () => {
    const failing = check('c1', {}, { outcome: 'failed', severity: 'high', title: 'model.onnx is increasing in feature 3' })
    const run: RunFacts = { ...healthyRun, reason: 'failed', tests: [{ file: 'a.test.ts', name: 't', state: 'failed' }] }
    const verdict = evaluateGate([failing], [], 3, { minMlTestScore: 2 }, run)
    expect(verdict.passed).toBe(false)
    expect(verdict.failures).toEqual([
      { source: 'test', message: 'test failed: a.test.ts > t: check does not hold (high): "model.onnx is increasing in feature 3"', anchor: 'c1' },
    ])
  })
})
