import type { HealthyForm } from '../checklist/check-kinds.js'
import type { GateVerdict } from '../checklist/evaluate-gate.js'
import type { CheckOutcome, TestState } from '../checklist/evidence-check.js'
import type { GateConfig } from '../checklist/gate-config.js'
import type { RunError } from '../checklist/run-facts.js'
import type { ChecklistItemResult } from '../checklist/score-checklist.js'
import type { MlTestScoreResult } from '../checklist/score-ml-test-score.js'
import type { ReportSnapshot } from '../compare/report-snapshot.js'
import type { CheckRecord } from '../record/check-record.js'
import type { ReportProfile } from './merge-published-profiles.js'

/**
 * The version of the report format this vitest-ml writes; bumped on incompatible changes. Version 3 added the base
 * report a run was compared with (`baseline`), the gate's rules against it and the published data profiles
 * (`profiles`); version 2 reports are read as they are.
 */
export const REPORT_SCHEMA_VERSION = 3

/** The format versions this vitest-ml reads: its own and version 2 (a version 3 report without a base). */
export const READABLE_SCHEMA_VERSIONS = [2, 3] as const

/** A format version this vitest-ml reads. */
export type ReportSchemaVersion = (typeof READABLE_SCHEMA_VERSIONS)[number]

/** When and how the run happened. */
export interface RunInfo {
  /** Unique id of the run; every file of one report set carries it. */
  readonly id: string
  /** `finished` once the reporter saw the run end; `running` in the placeholder written when the run started. */
  readonly status: 'finished' | 'running'
  /** ISO time the reporter saw the run start (or the report was built, for merged reports). */
  readonly startedAt: string
  /** ISO time the report was built; attestations are judged at this moment. */
  readonly finishedAt: string
  /** Wall-clock duration of the run in milliseconds. */
  readonly durationMs: number
  /** Vitest's version. */
  readonly vitestVersion: string
  /** How Vitest says the run ended. */
  readonly reason: 'passed' | 'failed' | 'interrupted'
  /** The Vitest config file the run used, relative to the project root (replay commands pass it). */
  readonly configFile?: string
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

/** A check record as reported: the record plus where it came from, how it came out and how to replay it. */
export interface ReportCheck extends CheckRecord {
  /** Unique, stable anchor for links (`#c-...`). */
  readonly anchor: string
  /** Test file, relative to the project root, with `/` separators. */
  readonly file: string
  /** The test's full name (suites and test, joined by ` > `). */
  readonly test: string
  /** The form of the assertion that is evidence for this kind of check. */
  readonly healthyForm: HealthyForm
  /** How it came out (see `CheckOutcome`): passed, failed, an expected failure or a demonstration. */
  readonly outcome: CheckOutcome
  /** Whether it is evidence for the checklist, the ML Test Score and thresholds. */
  readonly evidence: boolean
  /** State of the test that recorded it. */
  readonly testState: TestState
  /** Shell command that re-runs just this test. */
  readonly replayCommand: string
}

/** One test of the run, whether or not it recorded checks. */
export interface ReportTest {
  /** Test file, relative to the project root, with `/` separators. */
  readonly file: string
  /** Suites and test name joined by ` > `. */
  readonly name: string
  /** How it ended (`pending`: it never finished). */
  readonly state: TestState
  /** Anchors of the checks it recorded, in order. */
  readonly checks: readonly string[]
  /** First lines of its errors, when it failed. */
  readonly errors?: readonly string[]
}

/** Counts for the top of the report. */
export interface ReportSummary {
  /** Every test of the run, by state. */
  readonly tests: { readonly total: number; readonly passed: number; readonly failed: number; readonly skipped: number; readonly pending: number }
  /** Checks by outcome. */
  readonly checks: {
    readonly total: number
    readonly passed: number
    readonly failed: number
    readonly expectedFailures: number
    readonly demonstrations: number
  }
  /** Failed checks by severity. */
  readonly failedBySeverity: { readonly high: number; readonly medium: number; readonly low: number }
  /** Errors outside tests. */
  readonly errors: number
}

/** The deployment decision as reported: the verdict and the gate configuration it was decided under. */
export interface ReportGate extends GateVerdict {
  /** The gate configuration used (with every attestation the run knew), so `vitest-ml gate` can recompute the verdict. */
  readonly config?: GateConfig
}

/**
 * The base report a run was compared with (`mlTesting({ report: { baseline: 'reports/release.json' } })`): its
 * snapshot — run id, digest, verdict, every check summarised with its metrics, checklist, score and hashes — as it was
 * read and verified, so the diff and the gate's rules against the base can be recomputed from this report alone.
 */
export interface ReportBaseline extends ReportSnapshot {
  /** The base report's path as configured (relative to the project root). */
  readonly file: string
}

/** A digest of the report's content, to notice edits made after it was written. Anyone can recompute it: it is not a signature. */
export interface ReportIntegrity {
  /** Always `sha256`. */
  readonly algorithm: 'sha256'
  /** Hex SHA-256 of the report's JSON without this field. */
  readonly digest: string
}

/** The full vitest-ml report: what the JSON file holds and the HTML and Markdown renderers draw. */
export interface Report {
  /** Format version. */
  readonly schemaVersion: ReportSchemaVersion
  /** Report title. */
  readonly title: string
  /** Run timing, status and versions. */
  readonly run: RunInfo
  /** Models, data, seeds, code version. */
  readonly provenance: Provenance
  /** Counts. */
  readonly summary: ReportSummary
  /** Every test of the run, ordered by file, then definition order. */
  readonly tests: readonly ReportTest[]
  /** Errors outside tests (unhandled rejections, files that failed to load, crashed workers). */
  readonly errors: readonly RunError[]
  /** Every check, ordered by file, then test order, then recording order. */
  readonly checks: readonly ReportCheck[]
  /** The production-readiness checklist. */
  readonly checklist: readonly ChecklistItemResult[]
  /** The ML Test Score view. */
  readonly mlTestScore: MlTestScoreResult
  /** The deployment decision. */
  readonly gate: ReportGate
  /** The data profiles the tests published (`publishProfile`), merged name by name across tests and shards. */
  readonly profiles?: Readonly<Record<string, ReportProfile>>
  /** The base report this run was compared with, when one was given (format version 3). */
  readonly baseline?: ReportBaseline
  /** Digest of everything above. */
  readonly integrity: ReportIntegrity
}
