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
    const path = file('ok.json', JSON.stringify({
      required: ['held-out-test'], thresholds: { accuracy: { min: 0.85, severity: 'high' }, p99Ms: { max: 200, severity: 'medium' } },
      attestations: { 'ab-test-plan': { file: 'docs/ab.md', owner: 'growth', date: '2026-03-01' } }, minMlTestScore: 1,
    }))
    expect(loadGateConfig(path).thresholds?.accuracy).toEqual({ min: 0.85, severity: 'high' })
  })

  it('points at the offending field and says how to fix it', () => {
    const path = file('bad.json', JSON.stringify({ required: ['held-out'], thresholds: { accuracy: { min: '0.85' } } }))
    expect(() => loadGateConfig(path)).toThrow(
      /^validateGateConfig: expected .*bad\.json to match its schema, received \/required\/0: must be one of "baseline-improvement".*; \/thresholds\/accuracy: missing field "severity"; \/thresholds\/accuracy\/min: must be number/,
    )
    expect(() => loadGateConfig(path)).toThrow(/Hint: A gate file looks like \{"required": \["held-out-test"\], "thresholds": \{"accuracy": \{"min": 0\.85, "severity": "high"\}\}, "attestations": \{"rollback-procedure": \{"file": "docs\/rollback\.md", "owner": "ml-platform", "date": "2026-01-15"\}\}\}\. Attestations are accepted only for items no test can prove \(and for ML Test Score ids such as "data-5"\)\.$/)
  })

  it('gives a hint whose example is itself a valid gate file', () => {
    let message = ''
    try { validateGateConfig({ thresold: {} }) } catch (error) { message = (error as Error).message }
    const example = /Hint: A gate file looks like (\{.*\})\. Attestations/.exec(message)?.[1]
    expect(example).toBeDefined()
    expect(() => validateGateConfig(JSON.parse(example!))).not.toThrow()
  })

  it('calls an inline configuration "the gate configuration" in its errors', () => {
    expect(() => validateGateConfig({ thresold: {} })).toThrow('validateGateConfig: expected the gate configuration to match its schema, received (root): unknown field "thresold".')
  })

  it('refuses attestations for items a test must prove', () => {
    expect(() => validateGateConfig({ attestations: { 'held-out-test': { file: 'x', owner: 'y', date: '2026-01-01' } } }))
      .toThrow(/\/attestations: property name must be valid/)
  })

  it('rejects unknown fields, bad dates and inverted bounds', () => {
    expect(() => validateGateConfig({ thresold: {} })).toThrow(/\(root\): unknown field "thresold"/)
    expect(() => validateGateConfig({ attestations: { 'ab-test-plan': { file: 'x', owner: 'y', date: '1/2/2026' } } })).toThrow(/\/attestations\/ab-test-plan\/date: must match pattern/)
    expect(() => validateGateConfig({ thresholds: { errorRate: { min: 0.5, max: 0.1, severity: 'low' } } })).toThrow(
      'validateGateConfig: expected thresholds.errorRate.min <= thresholds.errorRate.max, received min 0.5 > max 0.1.\nHint: Swap the bounds or drop one of them.',
    )
  })

  it('explains a missing file and broken JSON', () => {
    expect(() => loadGateConfig(join(dir, 'missing.json'))).toThrow(/loadGateConfig: expected a readable gate file at .*missing\.json, received ENOENT/)
    expect(() => loadGateConfig(file('broken.json', '{"required": [,]}'))).toThrow(/loadGateConfig: expected valid JSON in .*broken\.json/)
    expect(() => loadGateConfig(join(dir, 'missing.json'))).toThrow(/\nHint: Check the `report\.gate` path; it is resolved from the project root\.$/)
    expect(() => loadGateConfig(file('broken.json', '{"required": [,]}'))).toThrow(/\nHint: Fix the syntax \(trailing commas and comments are not allowed in JSON\)\.$/)
    const causeOf = (load: () => unknown): unknown => { try { load() } catch (error) { return (error as Error).cause } }
    expect(causeOf(() => loadGateConfig(join(dir, 'missing.json')))).toMatchObject({ code: 'ENOENT' })
    expect(causeOf(() => loadGateConfig(file('broken.json', '{"required": [,]}')))).toBeInstanceOf(SyntaxError)
    expect(() => loadGateConfig(dir)).toThrow(/loadGateConfig: expected a readable gate file at .*, received EISDIR/)
  })
})
