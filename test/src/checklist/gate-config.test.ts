import { describe, expect, it } from 'vitest'
import { CHECKLIST_ITEMS } from '../../../src/checklist/checklist-items.js'
import { GATE_CONFIG_SCHEMA, THRESHOLD_METRICS } from '../../../src/checklist/gate-config.js'
import { validateGateConfig } from '../../../src/checklist/load-gate-config.js'
import { RUBRIC_IDS } from '../../../src/checklist/ml-test-score-rubric.js'

const attestation = { file: 'docs/ab.md', owner: 'growth', date: '2026-03-01' }
const threshold = { min: 0.8, severity: 'high' }

describe('the gate file schema', () => {
  it('accepts every documented field at once', () => {
    const gate = {
      $schema: './node_modules/vitest-ml/gate.schema.json',
      required: ['held-out-test', 'baseline-improvement'],
      thresholds: {
        accuracy: { min: 0.8, max: 1, severity: 'high', metric: 'balancedAccuracy', kinds: ['held-out'], models: ['penguins-mlp.onnx'] },
        p99Ms: { max: 200, severity: 'medium' },
        errorRate: { max: 0.01, severity: 'low' },
        driftShare: { max: 0.2, severity: 'high' },
      },
      attestations: { 'ab-test-plan': { ...attestation, link: 'https://wiki.example/ab', maxAgeDays: 1 }, 'data-5': attestation },
      minMlTestScore: 0,
      attestationMaxAgeDays: 1,
    }
    expect(validateGateConfig(gate)).toBe(gate)
    expect(validateGateConfig({ thresholds: { accuracy: { min: 0.5, max: 0.5, severity: 'low' } } }).thresholds?.accuracy).toEqual({
      min: 0.5,
      max: 0.5,
      severity: 'low',
    })
  })

  it.each([
    ['a threshold with neither bound', { thresholds: { accuracy: { severity: 'high' } } }, '/thresholds/accuracy: must match a schema in anyOf'],
    ['a threshold without severity', { thresholds: { accuracy: { min: 1 } } }, '/thresholds/accuracy: missing field "severity"'],
    ['an unknown threshold field', { thresholds: { accuracy: { ...threshold, typo: 1 } } }, '/thresholds/accuracy: unknown field "typo"'],
    [
      'an unknown severity',
      { thresholds: { accuracy: { min: 1, severity: 'critical' } } },
      '/thresholds/accuracy/severity: must be one of "high", "medium", "low"',
    ],
    ['a bound that is not a number', { thresholds: { accuracy: { max: '1', severity: 'high' } } }, '/thresholds/accuracy/max: must be number'],
    ['an empty metric name', { thresholds: { accuracy: { ...threshold, metric: '' } } }, '/thresholds/accuracy/metric: must NOT have fewer than 1 characters'],
    ['an empty kind list', { thresholds: { accuracy: { ...threshold, kinds: [] } } }, '/thresholds/accuracy/kinds: must NOT have fewer than 1 items'],
    [
      'a repeated kind',
      { thresholds: { accuracy: { ...threshold, kinds: ['latency', 'latency'] } } },
      '/thresholds/accuracy/kinds: must NOT have duplicate items',
    ],
    ['an empty kind', { thresholds: { accuracy: { ...threshold, kinds: [''] } } }, '/thresholds/accuracy/kinds/0: must NOT have fewer than 1 characters'],
    ['an empty model list', { thresholds: { accuracy: { ...threshold, models: [] } } }, '/thresholds/accuracy/models: must NOT have fewer than 1 items'],
    [
      'a repeated model',
      { thresholds: { accuracy: { ...threshold, models: ['m.onnx', 'm.onnx'] } } },
      '/thresholds/accuracy/models: must NOT have duplicate items',
    ],
    [
      'an empty model name',
      { thresholds: { accuracy: { ...threshold, models: [''] } } },
      '/thresholds/accuracy/models/0: must NOT have fewer than 1 characters',
    ],
    ['a threshold name nobody reads', { thresholds: { latency: { max: 1, severity: 'high' } } }, '/thresholds: unknown field "latency"'],
    [
      'an attestation without owner',
      { attestations: { 'ab-test-plan': { file: 'x', date: '2026-01-01' } } },
      '/attestations/ab-test-plan: missing field "owner"',
    ],
    [
      'an unknown attestation field',
      { attestations: { 'ab-test-plan': { ...attestation, signedBy: 'x' } } },
      '/attestations/ab-test-plan: unknown field "signedBy"',
    ],
    [
      'a link that is not http(s)',
      { attestations: { 'ab-test-plan': { ...attestation, link: 'ftp://wiki/ab' } } },
      '/attestations/ab-test-plan/link: must match pattern',
    ],
    [
      'an empty attested file',
      { attestations: { 'ab-test-plan': { ...attestation, file: '' } } },
      '/attestations/ab-test-plan/file: must NOT have fewer than 1 characters',
    ],
    [
      'an empty owner',
      { attestations: { 'ab-test-plan': { ...attestation, owner: '' } } },
      '/attestations/ab-test-plan/owner: must NOT have fewer than 1 characters',
    ],
    ['an age limit of 0 days', { attestations: { 'ab-test-plan': { ...attestation, maxAgeDays: 0 } } }, '/attestations/ab-test-plan/maxAgeDays: must be >= 1'],
    [
      'a fractional age limit',
      { attestations: { 'ab-test-plan': { ...attestation, maxAgeDays: 1.5 } } },
      '/attestations/ab-test-plan/maxAgeDays: must be integer',
    ],
    ['an attestation for an unknown id', { attestations: { nonsense: attestation } }, '/attestations: property name must be valid'],
    ['a required item listed twice', { required: ['held-out-test', 'held-out-test'] }, '/required: must NOT have duplicate items'],
    ['a negative minimum score', { minMlTestScore: -1 }, '/minMlTestScore: must be >= 0'],
    ['a default age limit of 0 days', { attestationMaxAgeDays: 0 }, '/attestationMaxAgeDays: must be >= 1'],
    ['a fractional default age limit', { attestationMaxAgeDays: 2.5 }, '/attestationMaxAgeDays: must be integer'],
    ['a $schema that is not a string', { $schema: 1 }, '/$schema: must be string'],
  ])('refuses %s', (_name, gate, problem) => {
    expect(() => validateGateConfig(gate, 'gate.json')).toThrow(/^validateGateConfig: expected gate\.json to match its schema, received \//)
    expect(() => validateGateConfig(gate, 'gate.json')).toThrow(problem)
  })

  it('accepts attestations exactly for the items a test cannot prove alone and for every ML Test Score id', () => {
    const attestable = CHECKLIST_ITEMS.filter((item) => item.provedBy !== 'test').map((item) => item.id)
    expect(attestable).toEqual([
      'monitoring-alerting',
      'ab-test-plan',
      'rollback-procedure',
      'monitor-accuracy-daily',
      'data-drift-weekly',
      'review-false-positives-negatives',
      'retrain-on-drift',
      'update-documentation',
      'business-impact',
    ])
    for (const id of [...attestable, ...RUBRIC_IDS]) expect(() => validateGateConfig({ attestations: { [id]: attestation } }), id).not.toThrow()
    for (const id of CHECKLIST_ITEMS.filter((item) => item.provedBy === 'test').map((item) => item.id)) {
      expect(() => validateGateConfig({ attestations: { [id]: attestation } }), id).toThrow('/attestations: property name must be valid')
    }
  })

  it('requires only checklist ids', () => {
    expect(() => validateGateConfig({ required: CHECKLIST_ITEMS.map((item) => item.id) })).not.toThrow()
    expect(() => validateGateConfig({ required: ['data-5'] })).toThrow('/required/0: must be one of')
  })

  it('has a stable $id and reads each named threshold from the metric of the same name by default', () => {
    expect(GATE_CONFIG_SCHEMA.$id).toBe('https://vitest-ml.dev/schemas/gate.json')
    expect(THRESHOLD_METRICS).toEqual({ accuracy: 'accuracy', p99Ms: 'p99Ms', errorRate: 'errorRate', driftShare: 'driftShare' })
  })
})
