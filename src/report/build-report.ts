import { createHash } from 'node:crypto'
import type { Attestation } from '../checklist/attestation.js'
import { decideVerdict } from '../checklist/decide-verdict.js'
import { checklistItemsOf, checkOutcome, healthyFormOf, isEvidence, type TestState } from '../checklist/evidence-check.js'
import type { GateConfig } from '../checklist/gate-config.js'
import type { RunError } from '../checklist/run-facts.js'
import type { CheckRecord } from '../record/check-record.js'
import type { PublishedProfile } from '../record/published-profile.js'
import { jsonSafeRecord } from './json-safe-record.js'
import { mergePublishedProfiles } from './merge-published-profiles.js'
import { replayCommand } from './replay-command.js'
import {
  type Provenance,
  REPORT_SCHEMA_VERSION,
  type Report,
  type ReportBaseline,
  type ReportCheck,
  type ReportSummary,
  type ReportTest,
  type RunInfo,
} from './report.js'
import { sealReport } from './report-integrity.js'

/** One test case as the reporter collected it. */
export interface CollectedTest {
  /** Test file relative to the project root, `/`-separated. */
  readonly file: string
  /** Suites and test name joined by ` > `. */
  readonly fullName: string
  /** Suites and test name joined by spaces (what `vitest -t` matches). */
  readonly namePattern: string
  /** The test's state (`pending`: it never finished). */
  readonly state: TestState
  /** The records it stored on its meta. */
  readonly checks: readonly CheckRecord[]
  /** First lines of its errors, when it failed. */
  readonly errors?: readonly string[]
  /** The data profiles it published (`publishProfile`). */
  readonly profiles?: readonly PublishedProfile[]
}

/** Inputs of {@link buildReport}. */
export interface BuildReportOptions {
  /** Every test case, in any order (they are sorted by file; tests keep their order within a file). */
  readonly tests: readonly CollectedTest[]
  /** Errors outside tests. @defaultValue [] */
  readonly errors?: readonly RunError[]
  /** Run id, status, timing and versions. */
  readonly run: RunInfo
  /** Provenance (see `collectProvenance`). */
  readonly provenance: Provenance
  /** The gate, if configured. */
  readonly gate?: GateConfig
  /** Extra attestations (merged over the gate's). */
  readonly attestations?: Readonly<Record<string, Attestation>>
  /** Project root, for attestation files. @defaultValue process.cwd() */
  readonly root?: string
  /** Report title. @defaultValue 'vitest-ml report' */
  readonly title?: string
  /** The verified snapshot of the base report to compare with (see `loadBaseline`). */
  readonly baseline?: ReportBaseline
}

/**
 * Builds the report from every test of the run: numbers each check with a stable anchor, derives each check's outcome
 * and whether it is evidence, then the checklist, the ML Test Score and the verdict (see `decideVerdict`, which also
 * applies the gate's rules against the base report when one is given), and seals the result with a digest. Pure apart from attestation file look-ups: the same tests give the same report, whatever
 * order shards delivered them in.
 *
 * @param options - tests, errors, run info, provenance, gate
 * @returns the report (validate it with `validateReport` before writing)
 * @example
 * ```ts
 * const report = buildReport({ tests, run, provenance: collectProvenance(root, records), gate })
 * report.gate.passed // false when a test failed or a required item is not covered
 * ```
 */
export function buildReport(options: BuildReportOptions): Report {
  const sorted = [...options.tests].sort((left, right) => (left.file < right.file ? -1 : left.file > right.file ? 1 : 0))
  const seen = new Map<string, number>()
  const checks: ReportCheck[] = []
  const tests: ReportTest[] = []
  for (const test of sorted) {
    const anchors: string[] = []
    for (const raw of test.checks) {
      const check = reportCheck(jsonSafeRecord(raw), test, seen, options.run.configFile)
      checks.push(check)
      anchors.push(check.anchor)
    }
    tests.push({
      file: test.file,
      name: test.fullName,
      state: test.state,
      checks: anchors,
      ...(test.errors === undefined || test.errors.length === 0 ? {} : { errors: test.errors }),
    })
  }
  const published = mergePublishedProfiles(
    sorted.filter((test) => (test.profiles?.length ?? 0) > 0).map((test) => ({ source: `${test.file} > ${test.fullName}`, profiles: test.profiles ?? [] })),
  )
  const errors = [...(options.errors ?? []), ...published.errors]
  const attestations = { ...(options.gate?.attestations ?? {}), ...(options.attestations ?? {}) }
  const gateConfig = options.gate === undefined && options.attestations === undefined ? undefined : { ...options.gate, attestations }
  const verdict = decideVerdict(
    checks,
    { status: options.run.status, reason: options.run.reason, tests, errors },
    {
      ...(gateConfig === undefined ? {} : { gate: gateConfig }),
      ...(options.root === undefined ? {} : { root: options.root }),
      now: new Date(options.run.finishedAt),
      ...(options.baseline === undefined ? {} : { baseline: options.baseline }),
    },
  )
  return sealReport({
    schemaVersion: REPORT_SCHEMA_VERSION,
    title: options.title ?? 'vitest-ml report',
    run: options.run,
    provenance: options.provenance,
    summary: summarize(tests, checks, errors),
    tests,
    errors,
    checks,
    checklist: verdict.checklist,
    mlTestScore: verdict.mlTestScore,
    gate: { ...verdict.gate, ...(gateConfig === undefined ? {} : { config: gateConfig }) },
    ...(Object.keys(published.profiles).length === 0 ? {} : { profiles: published.profiles }),
    ...(options.baseline === undefined ? {} : { baseline: options.baseline }),
  })
}

/** A record as reported inside its test: anchor, outcome, evidence, the checklist items of its kind, replay command. */
function reportCheck(record: CheckRecord, test: CollectedTest, seen: Map<string, number>, configFile: string | undefined): ReportCheck {
  const key = `${test.file}\0${test.fullName}\0${record.id}`
  const occurrence = seen.get(key) ?? 0
  seen.set(key, occurrence + 1)
  const anchor = `c-${createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 12)}`
  const declared = record.healthyForm === 'negated' || record.healthyForm === 'positive' ? { healthyForm: record.healthyForm } : {}
  const healthyForm = healthyFormOf({ kind: record.kind, ...declared })
  const outcome = checkOutcome({ ...record, healthyForm }, test.state)
  return {
    ...record,
    checklist: [...checklistItemsOf(record)],
    anchor,
    file: test.file,
    test: test.fullName,
    healthyForm,
    outcome,
    evidence: isEvidence({ ...record, healthyForm }, outcome),
    testState: test.state,
    replayCommand: replayCommand(test.file, test.namePattern, record.replay, configFile),
  }
}

/**
 * The counts at the top of a report, derived from its tests, checks and errors.
 *
 * @param tests - every test
 * @param checks - every check
 * @param errors - errors outside tests
 */
export function summarize(tests: readonly ReportTest[], checks: readonly ReportCheck[], errors: readonly RunError[]): ReportSummary {
  const count = <T>(items: readonly T[], keep: (item: T) => boolean): number => items.filter(keep).length
  const failed = checks.filter((check) => check.outcome === 'failed')
  return {
    tests: {
      total: tests.length,
      passed: count(tests, (test) => test.state === 'passed'),
      failed: count(tests, (test) => test.state === 'failed'),
      skipped: count(tests, (test) => test.state === 'skipped'),
      pending: count(tests, (test) => test.state === 'pending'),
    },
    checks: {
      total: checks.length,
      passed: count(checks, (check) => check.outcome === 'passed'),
      failed: failed.length,
      expectedFailures: count(checks, (check) => check.outcome === 'expected-failure'),
      demonstrations: count(checks, (check) => check.outcome === 'demonstration'),
    },
    failedBySeverity: {
      high: count(failed, (check) => check.severity === 'high'),
      medium: count(failed, (check) => check.severity === 'medium'),
      low: count(failed, (check) => check.severity === 'low'),
    },
    errors: errors.length,
  }
}
