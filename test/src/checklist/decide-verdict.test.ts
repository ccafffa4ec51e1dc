import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decideVerdict } from '../../../src/checklist/decide-verdict.js'
import type { GateCheck } from '../../../src/checklist/evaluate-gate.js'
import type { RunFacts } from '../../../src/checklist/run-facts.js'

const run: RunFacts = { status: 'finished', reason: 'passed', errors: [], tests: [{ file: 'a.test.ts', name: 't', state: 'passed' }] }
const check = (anchor: string, kind: string, overrides: Partial<GateCheck> = {}): GateCheck => ({
  anchor,
  kind,
  title: anchor,
  checklist: [],
  outcome: 'passed',
  evidence: true,
  severity: 'high',
  metrics: {},
  file: 'a.test.ts',
  test: 't',
  ...overrides,
})

const root = mkdtempSync(join(tmpdir(), 'vitest-ml-decide-'))
writeFileSync(join(root, 'rollback.md'), '# Rollback\n')
const rollback = { file: 'rollback.md', owner: 'ops', date: '2026-01-15' }
const now = new Date('2026-02-01T12:00:00Z')
const status = (verdict: ReturnType<typeof decideVerdict>, id: string) => verdict.checklist.find((item) => item.id === id)?.status

describe('decideVerdict', () => {
  it('without a gate decides on the run alone, and still scores the checklist and the ML Test Score from the evidence', () => {
    const verdict = decideVerdict([check('c1', 'baseline'), check('c2', 'drift', { outcome: 'demonstration', evidence: false })], run, { root, now })
    expect(verdict.gate).toEqual({ passed: true, configured: false, failures: [], warnings: [], thresholds: [] })
    expect(status(verdict, 'baseline-improvement')).toBe('passed')
    expect(status(verdict, 'data-drift-weekly')).toBe('not-covered')
    expect(verdict.checklist.every((item) => !item.required)).toBe(true)
    expect(verdict.mlTestScore.items.filter((item) => item.score > 0).map((item) => item.id)).toEqual(['model-5', 'infra-4'])
  })

  it('requires what the gate requires and credits its attestations, resolved from the root, in the checklist and the score', () => {
    const gate = { required: ['rollback-procedure', 'held-out-test'], attestations: { 'rollback-procedure': rollback, 'data-5': rollback } }
    const verdict = decideVerdict([], run, { gate, root, now })
    expect(status(verdict, 'rollback-procedure')).toBe('attested')
    expect(verdict.checklist.filter((item) => item.required).map((item) => item.id)).toEqual(['held-out-test', 'rollback-procedure'])
    expect(verdict.mlTestScore.items.filter((item) => item.basis === 'manual').map((item) => item.id)).toEqual(['data-5', 'infra-7'])
    expect(verdict.gate.configured).toBe(true)
    expect(verdict.gate.failures.map((reason) => reason.anchor)).toEqual(['item-held-out-test'])
  })

  it('resolves attestation files from the working directory when no root is given', () => {
    const gate = { required: ['rollback-procedure'], attestations: { 'rollback-procedure': { ...rollback, file: 'package.json' } } }
    expect(decideVerdict([], run, { gate, now }).gate.passed).toBe(true)
    expect(decideVerdict([], run, { gate, root, now }).gate.passed).toBe(false)
  })

  it("judges attestations at the given moment and against the gate's default age limit", () => {
    const gate = { required: ['rollback-procedure'], attestations: { 'rollback-procedure': rollback } }
    expect(decideVerdict([], run, { gate, root, now: new Date('2026-01-14T12:00:00Z') }).gate.failures[0]?.message).toBe(
      'required item "rollback-procedure" is failed: attestation date 2026-01-15 is in the future (owner ops, 2026-01-15)',
    )
    const limited = { ...gate, attestationMaxAgeDays: 10 }
    expect(decideVerdict([], run, { gate: limited, root, now }).gate.failures[0]?.message).toBe(
      'required item "rollback-procedure" is failed: attestation of rollback.md is stale: confirmed 2026-01-15, 17 days ago, limit 10 days (owner ops, 2026-01-15)',
    )
    expect(decideVerdict([], run, { gate: { ...limited, attestationMaxAgeDays: 17 }, root, now }).gate.passed).toBe(true)
    const stale = decideVerdict([], run, { gate: { attestations: { 'data-5': rollback }, attestationMaxAgeDays: 10 }, root, now })
    expect(stale.mlTestScore.items.find((item) => item.id === 'data-5')?.basis).toBe('none')
  })

  it('judges an attestation dated today as valid when no moment is given (the wall clock)', () => {
    const today = new Date().toISOString().slice(0, 10)
    const gate = { required: ['rollback-procedure'], attestations: { 'rollback-procedure': { ...rollback, date: today } } }
    expect(decideVerdict([], run, { gate, root }).gate.passed).toBe(true)
  })

  it('blocks on the ML Test Score and the run whatever the checklist says', () => {
    expect(decideVerdict([check('c1', 'baseline')], run, { gate: { minMlTestScore: 1 }, root, now }).gate.failures.map((reason) => reason.source)).toEqual([
      'score',
    ])
    expect(decideVerdict([], { ...run, tests: [] }, { root, now }).gate.passed).toBe(false)
  })
})
