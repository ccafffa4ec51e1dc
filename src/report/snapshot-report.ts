import type { CheckSummary, ReportSnapshot } from '../compare/report-snapshot.js'
import type { Report, ReportCheck } from './report.js'

/**
 * The part of a report another report is compared with: run id, digest, verdict, each check summarised (identity,
 * outcome, evidence, model and data, metrics — no plots, counterexamples or messages), checklist statuses, the ML
 * Test Score and the artifacts tested. Deterministic: the same report gives the same snapshot.
 *
 * @param report - a verified report
 * @returns its snapshot
 * @example
 * ```ts
 * diffReports(snapshotReport(release), snapshotReport(candidate))
 * ```
 */
export function snapshotReport(report: Report): ReportSnapshot {
  const { gitCommit, package: pkg } = report.provenance
  return {
    runId: report.run.id,
    digest: report.integrity.digest,
    title: report.title,
    finishedAt: report.run.finishedAt,
    passed: report.gate.passed,
    ...(gitCommit === undefined ? {} : { gitCommit }),
    ...(pkg === undefined ? {} : { package: { name: pkg.name, version: pkg.version } }),
    checks: report.checks.map(summarizeCheck),
    checklist: report.checklist.map((item) => ({ id: item.id, status: item.status })),
    mlTestScore: { score: report.mlTestScore.score, sections: report.mlTestScore.sections.map((section) => ({ id: section.id, score: section.score })) },
    models: report.provenance.models.map((model) => ({ name: model.name, ...(model.sha256 === undefined ? {} : { sha256: model.sha256 }) })),
    data: report.provenance.data.map((data) => ({ name: data.name, rows: data.rows, ...(data.sha256 === undefined ? {} : { sha256: data.sha256 }) })),
  }
}

function summarizeCheck(check: ReportCheck): CheckSummary {
  return {
    id: check.id,
    kind: check.kind,
    title: check.title,
    file: check.file,
    test: check.test,
    ...(check.negated === undefined ? {} : { negated: check.negated }),
    severity: check.severity,
    outcome: check.outcome,
    evidence: check.evidence,
    ...(check.model === undefined ? {} : { model: { name: check.model.name, ...(check.model.sha256 === undefined ? {} : { sha256: check.model.sha256 }) } }),
    ...(check.data === undefined
      ? {}
      : { data: { name: check.data.name, rows: check.data.rows, ...(check.data.sha256 === undefined ? {} : { sha256: check.data.sha256 }) } }),
    metrics: check.metrics,
  }
}
