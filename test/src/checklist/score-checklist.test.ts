import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { scoreChecklist } from '../../../src/checklist/score-checklist.js'
import type { EvidenceCheck } from '../../../src/checklist/evidence-check.js'

const check = (anchor: string, kind: string, outcome: 'passed' | 'failed', checklist: string[] = []): EvidenceCheck =>
  ({ anchor, kind, title: `${kind} ${anchor}`, checklist, outcome, evidence: true })

const root = mkdtempSync(join(tmpdir(), 'vitest-ml-checklist-'))
writeFileSync(join(root, 'rollback.md'), '# Rollback\n')
const byId = (results: ReturnType<typeof scoreChecklist>, id: string) => results.find((item) => item.id === id)!

describe('scoreChecklist', () => {
  it('passes an item from a check of a kind mapped to it, or a user-defined kind that tags it, and links the evidence', () => {
    const results = scoreChecklist([check('c1', 'baseline', 'passed'), check('c2', 'my-audit', 'passed', ['held-out-test'])], { root })
    expect(byId(results, 'baseline-improvement')).toMatchObject({ status: 'passed', checks: ['c1'] })
    expect(byId(results, 'held-out-test')).toMatchObject({ status: 'passed', checks: ['c2'] })
  })

  it('ignores tags on built-in kinds: the kind table decides what a range check is evidence for', () => {
    const results = scoreChecklist([check('c1', 'range', 'passed', ['held-out-test'])], { root })
    expect(byId(results, 'held-out-test')).toMatchObject({ status: 'not-covered', checks: [] })
  })

  it('counts no demonstration or expected failure as evidence', () => {
    const demo: EvidenceCheck = { ...check('c1', 'baseline', 'passed'), outcome: 'demonstration', evidence: false }
    const expected: EvidenceCheck = { ...check('c2', 'held-out', 'failed'), outcome: 'expected-failure', evidence: false }
    const results = scoreChecklist([demo, expected], { root })
    expect(byId(results, 'baseline-improvement')).toMatchObject({ status: 'not-covered', checks: [] })
    expect(byId(results, 'held-out-test')).toMatchObject({ status: 'not-covered', checks: [] })
  })

  it('fails an item when any of its evidence failed, naming the failing check', () => {
    const results = scoreChecklist([check('c1', 'baseline', 'passed'), check('c2', 'baseline', 'failed')], { root })
    expect(byId(results, 'baseline-improvement')).toMatchObject({ status: 'failed', reason: '1 of 2 evidence checks failed: "baseline c2"' })
  })

  it('reports uncovered items with a reason that says what would cover them', () => {
    const results = scoreChecklist([], { root, required: ['fallback-strategy'] })
    expect(byId(results, 'fallback-strategy')).toMatchObject({ status: 'not-covered', required: true, reason: 'no check of kind fallback (or tagged "fallback-strategy") ran' })
    expect(byId(results, 'retrain-on-drift').reason).toBe('no test can prove this; add an attestation under "attestations.retrain-on-drift" in the gate file')
    expect(byId(results, 'monitoring-alerting').reason).toBe('no check of kind latency/logging/alerting ran and no attestation is configured')
    expect(byId(results, 'ab-test-plan').reason).toBe('no test can prove this; add an attestation under "attestations.ab-test-plan" in the gate file')
  })

  it('shows an attested item as attested, not tested', () => {
    const attestation = { file: 'rollback.md', owner: 'ml-platform', date: '2026-01-15', link: 'https://wiki.example/rollback' }
    const results = scoreChecklist([], { root, attestations: { 'rollback-procedure': attestation } })
    expect(byId(results, 'rollback-procedure')).toMatchObject({ status: 'attested', attestation })
  })

  it('fails an attested item whose file is missing, with a clear reason', () => {
    const results = scoreChecklist([], { root, attestations: { 'business-impact': { file: 'docs/impact.md', owner: 'pm', date: '2026-02-01' } } })
    expect(byId(results, 'business-impact')).toMatchObject({ status: 'failed', reason: 'attested file docs/impact.md does not exist (owner pm, 2026-02-01)' })
  })
})
