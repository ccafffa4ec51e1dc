import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadGateConfig, validateGateConfig } from '../../../src/checklist/load-gate-config.js'

const dir = mkdtempSync(join(tmpdir(), 'vitest-ml-gate-'))
const file = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text)
  return join(dir, name)
}

describe('loadGateConfig', () => {
  it('loads a valid gate file', () => {
    const path = file(
      'ok.json',
      JSON.stringify({
        required: ['held-out-test'],
        thresholds: { accuracy: { min: 0.85, severity: 'high' }, p99Ms: { max: 200, severity: 'medium' } },
        attestations: { 'ab-test-plan': { file: 'docs/ab.md', owner: 'growth', date: '2026-03-01' } },
        minMlTestScore: 1,
      }),
    )
    expect(loadGateConfig(path).thresholds?.accuracy).toEqual({ min: 0.85, severity: 'high' })
  })

  it('points at the offending field and says how to fix it', () => {
    const path = file('bad.json', JSON.stringify({ required: ['held-out'], thresholds: { accuracy: { min: '0.85' } } }))
    expect(() => loadGateConfig(path)).toThrow(
      /^validateGateConfig: expected .*bad\.json to match its schema, received \/required\/0: must be one of "baseline-improvement".*; \/thresholds\/accuracy: missing field "severity"; \/thresholds\/accuracy\/min: must be number/,
    )
    expect(() => loadGateConfig(path)).toThrow(
      /Hint: A gate file looks like \{"required": \["held-out-test"\], "thresholds": \{"accuracy": \{"min": 0\.85, "severity": "high"\}\}, "attestations": \{"rollback-procedure": \{"file": "docs\/rollback\.md", "owner": "ml-platform", "date": "2026-01-15"\}\}\}\. Attestations are accepted only for items no test can prove \(and for ML Test Score ids such as "data-5"\)\.$/,
    )
  })

  it('gives a hint whose example is itself a valid gate file', () => {
    let message = ''
    try {
      validateGateConfig({ thresold: {} })
    } catch (error) {
      message = (error as Error).message
    }
    const example = /Hint: A gate file looks like (\{.*\})\. Attestations/.exec(message)?.[1]
    expect(example).toBeDefined()
    expect(() => validateGateConfig(JSON.parse(example!))).not.toThrow()
  })

  it('calls an inline configuration "the gate configuration" in its errors', () => {
    expect(() => validateGateConfig({ thresold: {} })).toThrow(
      'validateGateConfig: expected the gate configuration to match its schema, received (root): unknown field "thresold".',
    )
  })

  it('refuses attestations for items a test must prove', () => {
    expect(() => validateGateConfig({ attestations: { 'held-out-test': { file: 'x', owner: 'y', date: '2026-01-01' } } })).toThrow(
      /\/attestations: property name must be valid/,
    )
  })

  it('rejects unknown fields, bad dates and inverted bounds', () => {
    expect(() => validateGateConfig({ thresold: {} })).toThrow(/\(root\): unknown field "thresold"/)
    expect(() => validateGateConfig({ attestations: { 'ab-test-plan': { file: 'x', owner: 'y', date: '1/2/2026' } } })).toThrow(
      /\/attestations\/ab-test-plan\/date: must match pattern/,
    )
    expect(() => validateGateConfig({ thresholds: { errorRate: { min: 0.5, max: 0.1, severity: 'low' } } })).toThrow(
      'validateGateConfig: expected thresholds.errorRate.min <= thresholds.errorRate.max, received min 0.5 > max 0.1.\nHint: Swap the bounds or drop one of them.',
    )
  })

  it('explains a missing file and broken JSON', () => {
    expect(() => loadGateConfig(join(dir, 'missing.json'))).toThrow(/loadGateConfig: expected a readable gate file at .*missing\.json, received ENOENT/)
    expect(() => loadGateConfig(file('broken.json', '{"required": [,]}'))).toThrow(/loadGateConfig: expected valid JSON in .*broken\.json/)
    expect(() => loadGateConfig(join(dir, 'missing.json'))).toThrow(/\nHint: Check the `report\.gate` path; it is resolved from the project root\.$/)
    expect(() => loadGateConfig(file('broken.json', '{"required": [,]}'))).toThrow(
      /\nHint: Fix the syntax \(trailing commas and comments are not allowed in JSON\)\.$/,
    )
    const causeOf = (load: () => unknown): unknown => {
      try {
        load()
      } catch (error) {
        return (error as Error).cause
      }
    }
    expect(causeOf(() => loadGateConfig(join(dir, 'missing.json')))).toMatchObject({ code: 'ENOENT' })
    expect(causeOf(() => loadGateConfig(file('broken.json', '{"required": [,]}')))).toBeInstanceOf(SyntaxError)
    expect(() => loadGateConfig(dir)).toThrow(/loadGateConfig: expected a readable gate file at .*, received EISDIR/)
  })

  it('accepts rules against the base report: noRegression with one margin or one per metric, and noNewFailingChecks', () => {
    const config = validateGateConfig({
      noRegression: {
        metrics: ['accuracy', 'p99Ms'],
        margin: { accuracy: 0.02, p99Ms: 25 },
        confidence: 0.975,
        severity: 'high',
        kinds: ['baseline', 'latency'],
      },
      noNewFailingChecks: true,
    })
    expect(config.noRegression?.margin).toEqual({ accuracy: 0.02, p99Ms: 25 })
    expect(validateGateConfig({ noRegression: { metrics: ['accuracy'], margin: 0.01 } }).noRegression?.margin).toBe(0.01)
    expect(validateGateConfig({ noRegression: { metrics: ['auc90'], margin: 0.01, directions: { auc90: 'higher' } } }).noRegression?.directions).toEqual({
      auc90: 'higher',
    })
  })

  it('refuses a noRegression rule it could not apply', () => {
    expect(() => validateGateConfig({ noRegression: { metrics: ['accuracy'] } })).toThrow(/\/noRegression: missing field "margin"/)
    expect(() => validateGateConfig({ noRegression: { metrics: [], margin: 0.01 } })).toThrow(/\/noRegression\/metrics: must NOT have fewer than 1 items/)
    expect(() => validateGateConfig({ noRegression: { metrics: ['accuracy'], margin: -0.01 } })).toThrow(/\/noRegression\/margin/)
    expect(() => validateGateConfig({ noRegression: { metrics: ['accuracy'], margin: 0.01, confidence: 0.4 } })).toThrow(
      /\/noRegression\/confidence: must be > 0\.5/,
    )
    expect(() => validateGateConfig({ noRegression: { metrics: ['accuracy', 'p99Ms'], margin: { accuracy: 0.02 } } })).toThrow(
      'validateGateConfig: expected a margin for every metric of noRegression.metrics in the gate configuration, received none for "p99Ms" in noRegression.margin.\nHint: Add "p99Ms": <largest acceptable loss in p99Ms units> to noRegression.margin, or give one number for all.',
    )
    expect(() => validateGateConfig({ noRegression: { metrics: ['auc90'], margin: 0.01 } })).toThrow(
      'validateGateConfig: expected a metric whose better direction is known in noRegression.metrics of the gate configuration, received "auc90".\nHint: Say which way is better: "directions": { "auc90": "higher" } (or "lower").',
    )
    expect(() => validateGateConfig({ noNewFailingChecks: 'yes' })).toThrow(/\/noNewFailingChecks: must be boolean/)
  })
})
