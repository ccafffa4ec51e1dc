import type { ChecklistItemResult } from '../checklist/score-checklist.js'
import type { GateVerdict } from '../checklist/evaluate-gate.js'
import type { MlTestScoreResult } from '../checklist/score-ml-test-score.js'
import type { CheckRecord } from './check-record.js'

/** The version of the report format; bumped on incompatible changes. */
export const REPORT_SCHEMA_VERSION = 1

/** When and how the run happened. */
export interface RunInfo {
  /** ISO time the reporter saw the run start (or the report was built, for merged reports). */
  readonly startedAt: string
  /** ISO time the report was built. */
  readonly finishedAt: string
  /** Wall-clock duration of the run in milliseconds. */
  readonly durationMs: number
  /** Vitest's version. */
  readonly vitestVersion: string
  /** How Vitest says the run ended. */
  readonly reason: 'passed' | 'failed' | 'interrupted'
}

/** What was tested, so the report can be tied to exact artifacts. */
export interface Provenance {
  /** Models seen in records, deduplicated by name and hash. */
  readonly models: readonly { readonly name: string; readonly sha256?: string; readonly version?: string }[]
  /** Datasets seen in records. */
  readonly data: readonly { readonly name: string; readonly rows: number; readonly sha256?: string }[]
  /** Every seed used, sorted. */
  readonly seeds: readonly number[]
  /** `git rev-parse HEAD` of the project, when it is a git work tree. */
  readonly gitCommit?: string
  /** The tested project's package name and version. */
  readonly package?: { readonly name: string; readonly version: string }
  /** Node.js version (`process.version`). */
  readonly node: string
  /** onnxruntime-node version, when installed. */
  readonly onnxruntime?: string
}

/** A check record as reported: the record plus where it came from and how to replay it. */
export interface ReportCheck extends CheckRecord {
  /** Unique, stable anchor for links (`#c-...`). */
  readonly anchor: string
  /** Test file, relative to the project root, with `/` separators. */
  readonly file: string
  /** The test's full name (suites and test, joined by ` > `). */
  readonly test: string
  /**
   * Whether the assertion held (`passed`, with `.not` taken into account). `expected-failure`: the check failed inside
   * a test that passed, i.e. the test itself asserted the failure (`await expect(expect(broken).toX()).rejects...`);
   * such demonstrations are shown but are not evidence and never fail the gate.
   */
  readonly outcome: 'passed' | 'failed' | 'expected-failure'
  /** State of the test that recorded it. */
  readonly testState: 'passed' | 'failed' | 'skipped' | 'pending'
  /** Shell command that re-runs just this test. */
  readonly replayCommand: string
}

/** Counts for the top of the report. */
export interface ReportSummary {
  /** Tests that recorded at least one check, by state. */
  readonly tests: { readonly total: number; readonly passed: number; readonly failed: number; readonly skipped: number }
  /** Checks by outcome. */
  readonly checks: { readonly total: number; readonly passed: number; readonly failed: number; readonly expectedFailures?: number }
  /** Failed checks by severity. */
  readonly failedBySeverity: { readonly high: number; readonly medium: number; readonly low: number }
}

/** The full vitest-ml report: what the JSON file holds and the HTML and Markdown renderers draw. */
export interface Report {
  /** Format version. */
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION
  /** Report title. */
  readonly title: string
  /** Run timing and versions. */
  readonly run: RunInfo
  /** Models, data, seeds, code version. */
  readonly provenance: Provenance
  /** Counts. */
  readonly summary: ReportSummary
  /** Every check, ordered by file, then test order, then recording order. */
  readonly checks: readonly ReportCheck[]
  /** The production-readiness checklist. */
  readonly checklist: readonly ChecklistItemResult[]
  /** The ML Test Score view. */
  readonly mlTestScore: MlTestScoreResult
  /** The deployment decision. */
  readonly gate: GateVerdict
}
