import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Report } from '../../../src/report/report.js'
import { reportDigest } from '../../../src/report/report-integrity.js'
import { verifyReport } from '../../../src/report/verify-report.js'
import { record, sampleReport, sampleTests } from './sample-report.js'

/** A report read back from disk, as `vitest-ml gate` sees it. */
const roundTrip = (report: Report): Report => JSON.parse(JSON.stringify(report)) as Report
/** A hand edit that also recomputes the digest, as a careful forger would: only recomputation can catch it. */
const resealed = (report: Report): Report => ({ ...report, integrity: { algorithm: 'sha256', digest: reportDigest(report) } })

const passing = () => roundTrip(sampleReport({ tests: sampleTests().filter((test) => test.state === 'passed'), gate: { required: ['baseline-improvement'] } }))
const failing = () => roundTrip(sampleReport({ gate: { required: ['baseline-improvement'], thresholds: { accuracy: { min: 0.85, severity: 'high' } } } }))

describe('verifyReport', () => {
  it('accepts an untouched report and recomputes the same verdict', () => {
    for (const report of [passing(), failing()]) {
      const { problems, verdict, recomputed } = verifyReport(report)
      expect(problems).toEqual([])
      expect(verdict.gate.passed).toBe(report.gate.passed)
      const { config: _config, ...stored } = report.gate
      expect(verdict.gate).toEqual(stored)
      expect(recomputed.gate).toEqual(report.gate)
    }
  })

  it('catches an edit of gate.passed alone, by the digest and by recomputation', () => {
    const report = failing()
    const edited = { ...report, gate: { ...report.gate, passed: true } }
    expect(verifyReport(edited).problems).toEqual([
      expect.stringMatching(/^integrity: the content hashes to [0-9a-f]{12}…, not the stored [0-9a-f]{12}… \(the file was edited after it was written\)$/),
      '/gate/passed: stored true, recomputed false',
    ])
    expect(verifyReport(resealed(edited)).problems).toEqual(['/gate/passed: stored true, recomputed false'])
    expect(verifyReport(resealed(edited)).verdict.gate.passed).toBe(false)
  })

  it('catches cleared failures, contradicting summary counts, an emptied check list and an outcome that contradicts passed', () => {
    const report = failing()
    const cleared = resealed({ ...report, gate: { ...report.gate, passed: true, failures: [] } })
    expect(verifyReport(cleared).problems).toEqual(['/gate/passed: stored true, recomputed false', '/gate/failures: stored 0 entries, recomputed 2'])
    const counts = resealed({ ...report, summary: { ...report.summary, checks: { ...report.summary.checks, failed: 0, passed: 4 } } })
    expect(verifyReport(counts).problems).toEqual(['/summary/checks/passed: stored 4, recomputed 2', '/summary/checks/failed: stored 0, recomputed 2'])
    const emptied = resealed({ ...report, checks: [] })
    expect(verifyReport(emptied).problems[0]).toMatch(/^\/tests: a test lists check c-[0-9a-f]{12}, which is not in \/checks$/)
    const noTests = resealed({ ...report, checks: [], tests: [], summary: { ...report.summary } })
    expect(verifyReport(noTests).problems).toContain('/summary/tests/total: stored 3, recomputed 0')
    const liar = resealed({ ...report, checks: report.checks.map((check, index) => (index === 0 ? { ...check, outcome: 'passed' as const } : check)) })
    expect(verifyReport(liar).problems).toEqual([expect.stringMatching(/^\/checks\/0\/outcome: stored "passed", recomputed "failed"$/)])
  })

  it('catches a failed test relabelled as passed, a drift check relabelled as positive, and a demonstration passed off as evidence', () => {
    const report = failing()
    const relabelled = resealed({ ...report, tests: report.tests.map((test) => ({ ...test, state: 'passed' as const })) })
    expect(verifyReport(relabelled).problems.some((problem) => problem.startsWith('/checks/0/testState: stored "failed", recomputed "passed"'))).toBe(true)
    const positive = resealed({
      ...report,
      checks: report.checks.map((check) => (check.kind === 'drift' ? { ...check, healthyForm: 'positive' as const } : check)),
    })
    expect(verifyReport(positive).problems).toContain('/checks/0/healthyForm: stored "positive", recomputed "negated"')
    const demo = roundTrip(
      sampleReport({
        tests: [
          {
            file: 'a.test.ts',
            fullName: 'weak',
            namePattern: 'weak',
            state: 'passed',
            checks: [record({ id: 'w', kind: 'baseline', passed: false, negated: true })],
          },
        ],
      }),
    )
    const evidence = resealed({ ...demo, checks: demo.checks.map((check) => ({ ...check, outcome: 'passed' as const, evidence: true })) })
    expect(verifyReport(evidence).problems).toEqual([
      '/checks/0/outcome: stored "passed", recomputed "demonstration"',
      '/checks/0/evidence: stored true, recomputed false',
    ])
  })

  it('catches an ML Test Score raised by hand', () => {
    const report = passing()
    const raised = resealed({ ...report, mlTestScore: { ...report.mlTestScore, score: 3 } })
    expect(verifyReport(raised).problems).toEqual([`/mlTestScore/score: stored 3, recomputed ${report.mlTestScore.score}`])
  })

  it('catches a checklist item marked passed without evidence and a check owned by two tests', () => {
    const report = passing()
    const item = resealed({
      ...report,
      checklist: report.checklist.map((entry) => (entry.id === 'held-out-test' ? { ...entry, status: 'passed' as const } : entry)),
    })
    expect(verifyReport(item).problems).toEqual(['/checklist/1/status: stored "passed", recomputed "not-covered"'])
    const anchor = report.checks[0]!.anchor
    const doubled = resealed({ ...report, tests: [...report.tests, { file: 'x.test.ts', name: 'x', state: 'passed' as const, checks: [anchor] }] })
    expect(verifyReport(doubled).problems).toContain(`/checks/${anchor}: listed by 2 tests, expected exactly 1`)
  })

  it('re-decides under another gate without comparing the stored verdict', () => {
    const report = passing()
    const { problems, verdict } = verifyReport(report, { gate: { required: ['held-out-test'] } })
    expect(problems).toEqual([])
    expect(verdict.gate.passed).toBe(false)
  })

  it('judges attestations at the end of the run, from the given root', () => {
    const root = mkdtempSync(join(tmpdir(), 'vitest-ml-verify-'))
    writeFileSync(join(root, 'rollback.md'), '# Rollback\n')
    const attestations = { 'rollback-procedure': { file: 'rollback.md', owner: 'ops', date: '2026-01-01' } }
    const report = roundTrip(
      sampleReport({ tests: sampleTests().filter((test) => test.state === 'passed'), gate: { required: ['rollback-procedure'] }, attestations, root }),
    )
    expect(report.gate.passed).toBe(true)
    expect(verifyReport(report, { root }).problems).toEqual([])
    const elsewhere = verifyReport(report, { root: mkdtempSync(join(tmpdir(), 'vitest-ml-verify-empty-')) })
    expect(elsewhere.problems).toContain('/gate/passed: stored true, recomputed false')
  })

  it('refuses to call a placeholder (an unfinished run) ready', () => {
    const report = roundTrip(sampleReport({ tests: [], run: { ...sampleReport().run, status: 'running' } }))
    const { problems, verdict } = verifyReport(report)
    expect(problems).toEqual([])
    expect(verdict.gate.passed).toBe(false)
    expect(verdict.gate.failures[0]?.message).toMatch(/^the run did not finish/)
  })

  it('catches two checks sharing an anchor, a check no test lists, and lists at most ten such problems', () => {
    const report = passing()
    const first = report.checks[0]!
    const twin = resealed({ ...report, checks: [first, ...report.checks] })
    expect(verifyReport(twin).problems).toContain('/checks: two checks share an anchor')
    const orphan = { ...first, anchor: 'c-000000000000' }
    const orphaned = resealed({
      ...report,
      checks: [...report.checks, orphan],
      summary: { ...report.summary, checks: { ...report.summary.checks, total: 2, passed: 2 } },
    })
    // The orphan also counts as evidence in the recomputation, so the checklist and the score disagree with the stored ones too.
    expect(verifyReport(orphaned).problems[0]).toBe('/checks/c-000000000000: listed by 0 tests, expected exactly 1')
    const many = Array.from({ length: 12 }, (_, index) => ({ ...first, anchor: `c-${String(index).padStart(12, '0')}` }))
    const flooded = resealed({ ...report, checks: [...report.checks, ...many] })
    expect(verifyReport(flooded).problems.filter((problem) => problem.includes('listed by 0 tests'))).toHaveLength(10)
  })

  it('judges a check no test lists by the test state it carries, and keeps its own file and test', () => {
    const report = passing()
    const orphan = {
      ...report.checks[0]!,
      anchor: 'c-000000000000',
      passed: false,
      testState: 'failed' as const,
      outcome: 'failed' as const,
      file: 'gone.test.ts',
      test: 'gone',
    }
    const { recomputed } = verifyReport(resealed({ ...report, checks: [...report.checks, orphan] }))
    expect(recomputed.checks[1]).toMatchObject({ anchor: 'c-000000000000', outcome: 'failed', testState: 'failed', file: 'gone.test.ts', test: 'gone' })
  })

  it('rewrites file and test of a listed check from the test that lists it', () => {
    const report = passing()
    const moved = resealed({ ...report, checks: report.checks.map((check) => ({ ...check, file: 'elsewhere.test.ts', test: 'elsewhere' })) })
    const { problems, recomputed } = verifyReport(moved)
    expect(problems).toEqual([
      '/checks/0/file: stored "elsewhere.test.ts", recomputed "test/model.test.ts"',
      '/checks/0/test: stored "elsewhere", recomputed "credit model > beats the baseline"',
    ])
    expect(recomputed.checks[0]).toMatchObject({ file: 'test/model.test.ts', test: 'credit model > beats the baseline' })
  })

  it('carries the gate it decided under in the recomputed report, and none when there was none', () => {
    const report = passing()
    expect(verifyReport(report, { gate: { required: ['held-out-test'] } }).recomputed.gate.config).toEqual({ required: ['held-out-test'] })
    expect(verifyReport(report).recomputed.gate.config).toEqual({ required: ['baseline-improvement'], attestations: {} })
    const ungated = roundTrip(sampleReport({ tests: sampleTests().filter((test) => test.state === 'passed') }))
    expect(verifyReport(ungated).recomputed.gate).not.toHaveProperty('config')
    expect(verifyReport(ungated).recomputed.gate.configured).toBe(false)
  })
})
