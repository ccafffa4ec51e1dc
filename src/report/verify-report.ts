import { decideVerdict, type Verdict } from '../checklist/decide-verdict.js'
import { checklistItemsOf, checkOutcome, healthyFormOf, isEvidence } from '../checklist/evidence-check.js'
import type { GateConfig } from '../checklist/gate-config.js'
import { summarize } from './build-report.js'
import { jsonDifferences } from './json-differences.js'
import type { Report, ReportCheck, ReportTest } from './report.js'
import { reportDigest } from './report-integrity.js'
import { snapshotReport } from './snapshot-report.js'

/** Options of {@link verifyReport}. */
export interface VerifyReportOptions {
  /** Project root, for attestation files. @defaultValue process.cwd() */
  readonly root?: string
  /** Re-decide under this gate instead of the one stored in the report (stored verdict fields are then not compared). */
  readonly gate?: GateConfig
  /**
   * The base report itself, when at hand: the report's stored `baseline` must then be this report's snapshot (same run,
   * same digest, same checks and metrics), so a base summary edited together with a recomputed digest is caught too.
   */
  readonly base?: Report
}

/** What {@link verifyReport} found. */
export interface ReportVerification {
  /** Every inconsistency, as `path: stored X, recomputed Y`; empty when the report agrees with itself. */
  readonly problems: readonly string[]
  /** The verdict recomputed from the report's checks, tests, errors and gate configuration. */
  readonly verdict: Verdict
  /** The report with its verdict replaced by the recomputed one, for printing. */
  readonly recomputed: Report
}

/**
 * Recomputes a saved report's verdict from its evidence and checks that the report agrees with itself: the digest
 * matches the content; every check's healthy form, outcome, evidence flag and checklist items follow from its kind,
 * `passed`, `.not` and its test's state; every check belongs to exactly one listed test; the summary counts what is
 * there; and the stored checklist, ML Test Score and gate equal their recomputation (attestations are judged at the
 * run's end, from `root`; the gate's rules against the base read the stored `baseline`, which must equal the base
 * report's snapshot when `base` is given). It cannot tell a forged run from a real one — a report is not signed — but no edit of a
 * derived field, and no edit that leaves the digest stale, goes unnoticed.
 *
 * @param report - a report read from disk (schema-valid)
 * @param options - root and an optional gate to re-decide under
 * @returns problems, the recomputed verdict and the report carrying it
 * @example
 * ```ts
 * verifyReport({ ...report, gate: { ...report.gate, passed: true } }).problems // ['integrity: ...', '/gate/passed: stored true, recomputed false']
 * ```
 */
export function verifyReport(report: Report, options: VerifyReportOptions = {}): ReportVerification {
  const problems: string[] = []
  const digest = reportDigest(report)
  if (digest !== report.integrity.digest)
    problems.push(
      `integrity: the content hashes to ${digest.slice(0, 12)}…, not the stored ${report.integrity.digest.slice(0, 12)}… (the file was edited after it was written)`,
    )
  problems.push(...testProblems(report))
  const testOf = new Map(report.tests.flatMap((test) => test.checks.map((anchor) => [anchor, test] as const)))
  const checks = report.checks.map((check) => derivedCheck(check, testOf.get(check.anchor)))
  problems.push(...jsonDifferences(report.checks, checks, '/checks'))
  problems.push(...jsonDifferences(report.summary, summarize(report.tests, checks, report.errors), '/summary'))
  if (options.base !== undefined) problems.push(...baselineProblems(report, options.base))
  const gate = options.gate ?? report.gate.config
  const verdict = decideVerdict(
    checks,
    { status: report.run.status, reason: report.run.reason, tests: report.tests, errors: report.errors },
    {
      ...(gate === undefined ? {} : { gate }),
      ...(options.root === undefined ? {} : { root: options.root }),
      now: new Date(report.run.finishedAt),
      ...(report.baseline === undefined ? {} : { baseline: report.baseline }),
    },
  )
  if (options.gate === undefined) {
    const { config: _config, ...storedGate } = report.gate
    problems.push(
      ...jsonDifferences(report.checklist, verdict.checklist, '/checklist'),
      ...jsonDifferences(report.mlTestScore, verdict.mlTestScore, '/mlTestScore'),
      ...jsonDifferences(storedGate, verdict.gate, '/gate'),
    )
  }
  const recomputed: Report = {
    ...report,
    checks,
    checklist: verdict.checklist,
    mlTestScore: verdict.mlTestScore,
    gate: { ...verdict.gate, ...(gate === undefined ? {} : { config: gate }) },
  }
  return { problems, verdict, recomputed }
}

/** The stored base snapshot must be the given base report's. */
function baselineProblems(report: Report, base: Report): string[] {
  if (report.baseline === undefined) return [`/baseline: none stored, but the base run ${base.run.id} was given`]
  const { file: _file, ...stored } = report.baseline
  return jsonDifferences(stored, snapshotReport(base), '/baseline').slice(0, 10)
}

/** A check with every derived field recomputed from its own fields and its test's state. */
function derivedCheck(check: ReportCheck, test: ReportTest | undefined): ReportCheck {
  const testState = test?.state ?? check.testState
  const healthyForm = healthyFormOf(check)
  const outcome = checkOutcome({ ...check, healthyForm }, testState)
  return {
    ...check,
    checklist: [...checklistItemsOf(check)],
    healthyForm,
    outcome,
    evidence: isEvidence({ ...check, healthyForm }, outcome),
    testState,
    ...(test === undefined ? {} : { file: test.file, test: test.name }),
  }
}

/** Checks and tests must point at each other one to one. */
function testProblems(report: Report): string[] {
  const problems: string[] = []
  const owners = new Map<string, number>()
  for (const test of report.tests) for (const anchor of test.checks) owners.set(anchor, (owners.get(anchor) ?? 0) + 1)
  const anchors = new Set(report.checks.map((check) => check.anchor))
  if (anchors.size !== report.checks.length) problems.push('/checks: two checks share an anchor')
  for (const check of report.checks) {
    const count = owners.get(check.anchor) ?? 0
    if (count !== 1) problems.push(`/checks/${check.anchor}: listed by ${count} tests, expected exactly 1`)
  }
  for (const anchor of owners.keys()) if (!anchors.has(anchor)) problems.push(`/tests: a test lists check ${anchor}, which is not in /checks`)
  return problems.slice(0, 10)
}
