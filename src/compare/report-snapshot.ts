/** How a check came out in a report (the same values as the report's `outcome`). */
export type SnapshotOutcome = 'passed' | 'failed' | 'expected-failure' | 'demonstration'

/**
 * One check of a report, as another report is compared with it: who it is (id, kind, title, test, model, data), how
 * it came out, whether it was evidence, and its metrics — without plots, counterexamples or messages.
 */
export interface CheckSummary {
  /** The check id the matcher recorded (stable across runs; see `checkId`). */
  readonly id: string
  /** Check kind. */
  readonly kind: string
  /** The claim the check makes, in its positive form. */
  readonly title: string
  /** Test file, relative to the project root. */
  readonly file: string
  /** Full name of the test that recorded it. */
  readonly test: string
  /** Whether the assertion was negated. */
  readonly negated?: boolean
  /** Severity of a failure. */
  readonly severity: 'high' | 'medium' | 'low'
  /** How it came out. */
  readonly outcome: SnapshotOutcome
  /** Whether it was evidence (a healthy-form assertion its test judged). */
  readonly evidence: boolean
  /** The model checked, if any. */
  readonly model?: { readonly name: string; readonly sha256?: string }
  /** The data used, if any. */
  readonly data?: { readonly name: string; readonly rows: number; readonly sha256?: string }
  /** Its metrics. */
  readonly metrics: Readonly<Record<string, number>>
}

/**
 * What a comparison between two reports needs of each: the run's identity and verdict, every check summarised, the
 * checklist statuses, the ML Test Score and the artifacts tested. A report stores the snapshot of the base it was
 * compared with (`report.baseline`), so the comparison can be recomputed from the report alone.
 */
export interface ReportSnapshot {
  /** The run id. */
  readonly runId: string
  /** The report's integrity digest (SHA-256 of its content). */
  readonly digest: string
  /** Report title. */
  readonly title: string
  /** ISO time the run finished. */
  readonly finishedAt: string
  /** Whether its gate passed. */
  readonly passed: boolean
  /** The project's git commit, when known. */
  readonly gitCommit?: string
  /** The tested package's name and version, when known. */
  readonly package?: { readonly name: string; readonly version: string }
  /** Every check. */
  readonly checks: readonly CheckSummary[]
  /** Status of every checklist item. */
  readonly checklist: readonly { readonly id: string; readonly status: string }[]
  /** The final ML Test Score and the section scores. */
  readonly mlTestScore: { readonly score: number; readonly sections: readonly { readonly id: string; readonly score: number }[] }
  /** Models tested, with their hashes. */
  readonly models: readonly { readonly name: string; readonly sha256?: string }[]
  /** Data used, with row counts and hashes. */
  readonly data: readonly { readonly name: string; readonly rows: number; readonly sha256?: string }[]
}
