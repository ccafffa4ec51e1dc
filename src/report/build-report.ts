import { createHash } from 'node:crypto'
import type { Attestation } from '../checklist/attestation.js'
import { checkOutcome } from '../checklist/evidence-check.js'
import { evaluateGate } from '../checklist/evaluate-gate.js'
import type { GateConfig } from '../checklist/gate-config.js'
import { scoreChecklist } from '../checklist/score-checklist.js'
import { scoreMlTestScore } from '../checklist/score-ml-test-score.js'
import type { CheckRecord } from './check-record.js'
import { jsonSafeRecord } from './json-safe-record.js'
import { replayCommand } from './replay-command.js'
import { REPORT_SCHEMA_VERSION, type Provenance, type Report, type ReportCheck, type RunInfo } from './report.js'

/** One test case as the reporter collected it. */
export interface CollectedTest {
  /** Test file relative to the project root, `/`-separated. */
  readonly file: string
  /** Suites and test name joined by ` > `. */
  readonly fullName: string
  /** Suites and test name joined by spaces (what `vitest -t` matches). */
  readonly namePattern: string
  /** The test's state. */
  readonly state: ReportCheck['testState']
  /** The records it stored on its meta. */
  readonly checks: readonly CheckRecord[]
}

/** Inputs of {@link buildReport}. */
export interface BuildReportOptions {
  /** Every test case, in any order (they are sorted by file; tests keep their order within a file). */
  readonly tests: readonly CollectedTest[]
  /** Run timing and versions. */
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
}

/** What a report derives from its checks and the gate: the checklist, the ML Test Score and the verdict. */
export type ReportScores = Pick<Report, 'checklist' | 'mlTestScore' | 'gate'>

/**
 * Scores checks against a gate: the checklist (with attestations), the ML Test Score, and the verdict. Used when a
 * report is built and when `vitest-ml gate --config` re-decides a saved report under another gate.
 *
 * @param checks - the report's checks
 * @param options - the gate, extra attestations and the root attestation files are resolved from
 * @returns checklist, ML Test Score and gate verdict
 */
export function scoreChecks(
  checks: readonly ReportCheck[], options: Pick<BuildReportOptions, 'gate' | 'attestations' | 'root'> = {},
): ReportScores {
  const root = options.root ?? process.cwd()
  const attestations = { ...(options.gate?.attestations ?? {}), ...(options.attestations ?? {}) }
  const judged = checks.filter(isJudged)
  const checklist = scoreChecklist(judged, { required: options.gate?.required ?? [], attestations, root })
  const mlTestScore = scoreMlTestScore(judged, checklist, attestations, root)
  return { checklist, mlTestScore, gate: evaluateGate(judged, checklist, mlTestScore.score, options.gate) }
}

/**
 * Builds the report from collected test cases: numbers each check with a stable anchor, scores the checklist and the
 * ML Test Score, and evaluates the gate. Pure apart from attestation file look-ups: the same tests give the same
 * report, whatever order shards delivered them in.
 *
 * @param options - tests, run info, provenance, gate
 * @returns the report (validate it with `validateReport` before writing)
 * @example
 * ```ts
 * const report = buildReport({ tests, run, provenance: collectProvenance(root, records), gate })
 * report.gate.passed // false when a required item is not covered
 * ```
 */
export function buildReport(options: BuildReportOptions): Report {
  const tests = [...options.tests].sort((left, right) => (left.file < right.file ? -1 : left.file > right.file ? 1 : 0))
  const seen = new Map<string, number>()
  const checks: ReportCheck[] = []
  for (const test of tests) {
    for (const raw of test.checks) {
      const record = jsonSafeRecord(raw)
      const key = `${test.file}\0${test.fullName}\0${record.id}`
      const occurrence = seen.get(key) ?? 0
      seen.set(key, occurrence + 1)
      const anchor = `c-${createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 12)}`
      checks.push({
        ...record, anchor, file: test.file, test: test.fullName, outcome: reportOutcome(record, test.state), testState: test.state,
        replayCommand: replayCommand(test.file, test.namePattern, record.replay),
      })
    }
  }
  const { checklist, mlTestScore, gate } = scoreChecks(checks, options)
  const failed = checks.filter((check) => check.outcome === 'failed')
  const expectedFailures = checks.filter((check) => check.outcome === 'expected-failure').length
  const recorded = tests.filter((test) => test.checks.length > 0)
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    title: options.title ?? 'vitest-ml report',
    run: options.run,
    provenance: options.provenance,
    summary: {
      tests: {
        total: recorded.length,
        passed: recorded.filter((test) => test.state === 'passed').length,
        failed: recorded.filter((test) => test.state === 'failed').length,
        skipped: recorded.filter((test) => test.state === 'skipped').length,
      },
      checks: {
        total: checks.length,
        passed: checks.length - failed.length - expectedFailures,
        failed: failed.length,
        ...(expectedFailures === 0 ? {} : { expectedFailures }),
      },
      failedBySeverity: {
        high: failed.filter((check) => check.severity === 'high').length,
        medium: failed.filter((check) => check.severity === 'medium').length,
        low: failed.filter((check) => check.severity === 'low').length,
      },
    },
    checks,
    checklist,
    mlTestScore,
    gate,
  }
}

/** A check the checklist and the gate judge: everything but demonstrations of a failure. */
function isJudged(check: ReportCheck): check is ReportCheck & { readonly outcome: 'passed' | 'failed' } {
  return check.outcome !== 'expected-failure'
}

/**
 * The outcome shown for a record: its assertion's outcome, except that a failed check inside a passing test was a
 * failure the test asserted (caught with `.rejects`), a demonstration rather than evidence.
 */
function reportOutcome(record: CheckRecord, testState: ReportCheck['testState']): ReportCheck['outcome'] {
  const outcome = checkOutcome(record)
  return outcome === 'failed' && testState === 'passed' ? 'expected-failure' : outcome
}
