import { describe, expect, it } from 'vitest'
import { evaluateGate, type GateCheck } from '../../../src/checklist/evaluate-gate.js'
import { scoreChecklist } from '../../../src/checklist/score-checklist.js'

const check = (anchor: string, metrics: Record<string, number>, overrides: Partial<GateCheck> = {}): GateCheck =>
  ({ anchor, kind: 'baseline', title: anchor, checklist: [], outcome: 'passed', severity: 'medium', metrics, ...overrides })

describe('evaluateGate', () => {
  it('passes when required items pass and thresholds hold', () => {
    const checks = [check('c1', { accuracy: 0.9, p99Ms: 120 })]
    const verdict = evaluateGate(checks, scoreChecklist(checks, { required: ['baseline-improvement'] }), 1, {
      required: ['baseline-improvement'], thresholds: { accuracy: { min: 0.85, severity: 'high' }, latencyP99: { max: 200, severity: 'medium' } },
    })
    expect(verdict).toMatchObject({ passed: true, configured: true, failures: [], warnings: [] })
    expect(verdict.thresholds.map((result) => [result.name, result.status, result.worst])).toEqual([['accuracy', 'ok', 0.9], ['latencyP99', 'ok', 120]])
  })

  it('fails on a required item that is not covered', () => {
    const verdict = evaluateGate([], scoreChecklist([], { required: ['held-out-test'] }), 0, { required: ['held-out-test'] })
    expect(verdict.passed).toBe(false)
    expect(verdict.failures[0]?.message).toBe('required item "held-out-test" is not covered: no check tagged "held-out-test" (or of kind held-out) ran')
  })

  it('fails on a required item whose evidence failed, even a medium-severity check, and passes without it', () => {
    const broken = [check('c1', { accuracy: 0.9 }), check('c2', {}, { outcome: 'failed', title: 'beats the class-prior baseline' })]
    const config = { required: ['baseline-improvement'] }
    const verdict = evaluateGate(broken, scoreChecklist(broken, config), 1, config)
    expect(verdict.passed).toBe(false)
    expect(verdict.failures.map((reason) => reason.source)).toEqual(['checklist'])
    expect(verdict.failures[0]?.message).toMatch(/^required item "baseline-improvement" is failed: .*beats the class-prior baseline/)
    const healthy = broken.slice(0, 1)
    expect(evaluateGate(healthy, scoreChecklist(healthy, config), 1, config).passed).toBe(true)
  })

  it('fails on a breached high threshold and only warns on a breached medium one, pointing at the worst check', () => {
    const checks = [check('c1', { accuracy: 0.9, p99Ms: 150 }), check('c2', { accuracy: 0.8, p99Ms: 450 })]
    const verdict = evaluateGate(checks, scoreChecklist(checks), 0, {
      thresholds: { accuracy: { min: 0.85, severity: 'high' }, latencyP99: { max: 200, severity: 'medium' } },
    })
    expect(verdict.passed).toBe(false)
    expect(verdict.failures).toEqual([{ source: 'threshold', message: 'high threshold accuracy: accuracy = 0.8 < min 0.85', anchor: 'c2' }])
    expect(verdict.warnings).toEqual([{ source: 'threshold', message: 'medium threshold latencyP99: p99Ms = 450 > max 200', anchor: 'c2' }])
  })

  it('treats a high threshold nobody measured as blocking and reads custom metric names', () => {
    const checks = [check('c1', { driftScore: 0.3 })]
    const verdict = evaluateGate(checks, scoreChecklist(checks), 0, {
      thresholds: { errorRate: { max: 0.05, severity: 'high' }, driftScore: { max: 0.1, severity: 'low', metric: 'driftScore' } },
    })
    expect(verdict.failures.map((reason) => reason.message)).toEqual(['high threshold errorRate: no check recorded metrics.errorRate'])
    expect(verdict.warnings.map((reason) => reason.message)).toEqual(['low threshold driftScore: driftScore = 0.3 > max 0.1'])
  })

  it('measures only the check kinds a threshold names', () => {
    const checks = [check('c1', { driftShare: 1 }, { kind: 'drift' }), check('c2', { driftShare: 0.05 }, { kind: 'skew' })]
    const verdict = evaluateGate(checks, scoreChecklist(checks), 0, { thresholds: { driftScore: { max: 0.1, severity: 'high', kinds: ['skew'] } } })
    expect(verdict.passed).toBe(true)
    expect(verdict.thresholds[0]).toMatchObject({ status: 'ok', worst: 0.05, checks: ['c2'] })
  })

  it('measures only the models a threshold names', () => {
    const checks = [
      check('c1', { accuracy: 0.74 }, { model: { name: 'penguins-weak.onnx' } }),
      check('c2', { accuracy: 0.99 }, { model: { name: 'penguins-mlp.onnx' } }),
      check('c3', { accuracy: 0.5 }),
    ]
    const verdict = evaluateGate(checks, scoreChecklist(checks), 0, { thresholds: { accuracy: { min: 0.85, severity: 'high', models: ['penguins-mlp.onnx'] } } })
    expect(verdict.passed).toBe(true)
    expect(verdict.thresholds[0]).toMatchObject({ status: 'ok', worst: 0.99, checks: ['c2'] })
  })

  it('fails on a failed high-severity check and on a low ML Test Score', () => {
    const checks = [check('c1', {}, { outcome: 'failed', severity: 'high', title: 'outputs in [0, 1]' })]
    const verdict = evaluateGate(checks, scoreChecklist(checks), 0.5, { minMlTestScore: 2 })
    expect(verdict.failures.map((reason) => reason.message)).toEqual([
      'high-severity check failed: outputs in [0, 1]', 'ML Test Score 0.5 is below the required 2',
    ])
  })
})
