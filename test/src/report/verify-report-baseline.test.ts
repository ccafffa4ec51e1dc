import { describe, expect, it } from 'vitest'
import type { Report } from '../../../src/report/report.js'
import { reportDigest } from '../../../src/report/report-integrity.js'
import { snapshotReport } from '../../../src/report/snapshot-report.js'
import { verifyReport } from '../../../src/report/verify-report.js'
import { releaseReport } from '../../support/release-reports.js'

const roundTrip = (report: Report): Report => JSON.parse(JSON.stringify(report)) as Report
const resealed = (report: Report): Report => ({ ...report, integrity: { algorithm: 'sha256', digest: reportDigest(report) } })

const gate = { noRegression: { metrics: ['accuracy'], margin: 0.05 }, noNewFailingChecks: true }
const base = roundTrip(releaseReport(0, { count: 2 }))
const gated = (options: { regressionAt?: number } = {}): Report =>
  roundTrip(releaseReport(1, { count: 2, gate, ...options }, { file: 'releases/v1.0.json', ...snapshotReport(base) }))

describe('verifyReport of a report gated against a base', () => {
  it('recomputes the rules against the base from the stored snapshot', () => {
    for (const report of [gated(), gated({ regressionAt: 1 })]) {
      const { problems, verdict } = verifyReport(report)
      expect(problems).toEqual([])
      expect(verdict.gate.regressions).toEqual(report.gate.regressions)
    }
    expect(gated().gate.passed).toBe(true)
    const regressed = gated({ regressionAt: 1 })
    expect(regressed.gate.passed).toBe(false)
    expect(regressed.gate.failures.map((reason) => reason.source)).toEqual(['baseline'])
    expect(regressed.baseline).toMatchObject({ file: 'releases/v1.0.json', runId: base.run.id, digest: base.integrity.digest })
  })

  it('catches a hand-edited base snapshot that would make a regression disappear, digest resealed or not', () => {
    const report = gated({ regressionAt: 1 })
    const accuracy = report.baseline!.checks.findIndex((check) => check.kind === 'baseline')
    const lowered = {
      ...report,
      baseline: {
        ...report.baseline!,
        checks: report.baseline!.checks.map((check, index) => (index === accuracy ? { ...check, metrics: { ...check.metrics, accuracy: 0.84 } } : check)),
      },
    }
    expect(verifyReport(lowered).problems[0]).toMatch(/^integrity: /)
    // The stored verdict no longer follows from the edited snapshot: recomputed, the regression is gone.
    expect(verifyReport(resealed(lowered)).problems).toEqual(
      expect.arrayContaining(['/gate/passed: stored false, recomputed true', '/gate/failures: stored 1 entries, recomputed 0']),
    )
    // A forger who rewrites the snapshot, the verdict and the digest together passes verification of the report alone;
    // with the base report at hand (`vitest-ml gate --base`), the forgery is caught.
    const consistent = resealed({ ...lowered, gate: verifyReport(resealed(lowered)).recomputed.gate })
    expect(consistent.gate.passed).toBe(true)
    expect(verifyReport(consistent).problems).toEqual([])
    expect(verifyReport(consistent, { base }).problems).toEqual([
      `/baseline/checks/${accuracy}/metrics/accuracy: stored 0.84, recomputed ${base.checks[accuracy]!.metrics['accuracy']}`,
    ])
  })

  it('catches stored comparisons that do not follow from the snapshot', () => {
    const report = gated({ regressionAt: 1 })
    const edited = resealed({
      ...report,
      gate: { ...report.gate, regressions: report.gate.regressions!.map((entry) => ({ ...entry, status: 'ok' as const })) },
    })
    expect(verifyReport(edited).problems).toEqual(['/gate/regressions/0/status: stored "ok", recomputed "regressed"'])
  })

  it('checks the stored base against the base report given, and says when none was stored', () => {
    expect(verifyReport(gated(), { base }).problems).toEqual([])
    const other = roundTrip(releaseReport(5, { count: 6 }))
    expect(verifyReport(gated(), { base: other }).problems.slice(0, 2)).toEqual([
      `/baseline/runId: stored "${base.run.id}", recomputed "${other.run.id}"`,
      `/baseline/digest: stored "${base.integrity.digest}", recomputed "${other.integrity.digest}"`,
    ])
    expect(verifyReport(base, { base }).problems).toEqual([`/baseline: none stored, but the base run ${base.run.id} was given`])
  })
})
