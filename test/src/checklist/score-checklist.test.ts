import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHECKLIST_ITEMS } from '../../../src/checklist/checklist-items.js'
import type { EvidenceCheck } from '../../../src/checklist/evidence-check.js'
import { scoreChecklist } from '../../../src/checklist/score-checklist.js'

const check = (anchor: string, kind: string, outcome: 'passed' | 'failed', checklist: string[] = []): EvidenceCheck => ({
  anchor,
  kind,
  title: `${kind} ${anchor}`,
  checklist,
  outcome,
  evidence: true,
})

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

  it('names at most three failing checks, and says "..." only when more failed', () => {
    const failing = (count: number) => Array.from({ length: count }, (_, index) => check(`f${index + 1}`, 'held-out', 'failed'))
    expect(byId(scoreChecklist([check('p', 'held-out', 'passed'), ...failing(3)], { root }), 'held-out-test').reason).toBe(
      '3 of 4 evidence checks failed: "held-out f1", "held-out f2", "held-out f3"',
    )
    expect(byId(scoreChecklist(failing(4), { root }), 'held-out-test').reason).toBe(
      '4 of 4 evidence checks failed: "held-out f1", "held-out f2", "held-out f3", ...',
    )
  })

  it('marks an attested item that also has passing evidence as passed, and fails it when the attestation does not hold', () => {
    const attestation = { file: 'rollback.md', owner: 'ops', date: '2026-01-15' }
    const results = scoreChecklist([check('c1', 'latency', 'passed')], { root, attestations: { 'monitoring-alerting': attestation } })
    expect(byId(results, 'monitoring-alerting')).toMatchObject({ status: 'passed', checks: ['c1'], attestation })
    expect(byId(results, 'monitoring-alerting').reason).toBeUndefined()
    const broken = scoreChecklist([check('c1', 'latency', 'passed')], { root, attestations: { 'monitoring-alerting': { ...attestation, file: 'missing.md' } } })
    expect(byId(broken, 'monitoring-alerting')).toMatchObject({ status: 'failed', reason: 'attested file missing.md does not exist (owner ops, 2026-01-15)' })
    const failedEvidence = scoreChecklist([check('c2', 'latency', 'failed')], { root, attestations: { 'monitoring-alerting': attestation } })
    expect(byId(failedEvidence, 'monitoring-alerting')).toMatchObject({ status: 'failed', reason: '1 of 1 evidence checks failed: "latency c2"' })
  })

  it('judges attestations with the given moment and age limit', () => {
    const attestation = { file: 'rollback.md', owner: 'ops', date: '2026-01-15' }
    const stale = scoreChecklist([], {
      root,
      attestations: { 'rollback-procedure': attestation },
      attestationOptions: { now: new Date('2026-03-01T00:00:00Z'), maxAgeDays: 30 },
    })
    expect(byId(stale, 'rollback-procedure')).toMatchObject({
      status: 'failed',
      reason: 'attestation of rollback.md is stale: confirmed 2026-01-15, 45 days ago, limit 30 days (owner ops, 2026-01-15)',
    })
  })

  it('gives every item its checklist fields and marks only the required ones', () => {
    const results = scoreChecklist([], { root, required: ['held-out-test'] })
    expect(results.map((item) => item.id)).toEqual(CHECKLIST_ITEMS.map((item) => item.id))
    for (const [index, item] of CHECKLIST_ITEMS.entries()) {
      expect(results[index]).toMatchObject({
        label: item.label,
        description: item.description,
        phase: item.phase,
        provedBy: item.provedBy,
        required: item.id === 'held-out-test',
        checks: [],
      })
      expect(results[index]).not.toHaveProperty('attestation')
    }
    expect(scoreChecklist([]).every((item) => !item.required)).toBe(true)
  })

  it('reports uncovered items with a reason that says what would cover them', () => {
    const results = scoreChecklist([], { root, required: ['fallback-strategy'] })
    expect(byId(results, 'fallback-strategy')).toMatchObject({
      status: 'not-covered',
      required: true,
      reason: 'no check of kind fallback (or tagged "fallback-strategy") ran',
    })
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
