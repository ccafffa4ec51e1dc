import type { ReportSnapshot } from '../compare/report-snapshot.js'
import { evaluateGate, type GateCheck, type GateVerdict } from './evaluate-gate.js'
import type { GateConfig } from './gate-config.js'
import type { RunFacts } from './run-facts.js'
import { type ChecklistItemResult, scoreChecklist } from './score-checklist.js'
import { type MlTestScoreResult, scoreMlTestScore } from './score-ml-test-score.js'

/** Inputs of `decideVerdict` beside the checks and the run. */
export interface VerdictOptions {
  /** The gate, if one is configured (with every attestation the run knows). */
  readonly gate?: GateConfig
  /** Project root: attestation files are resolved from it and must lie inside it. @defaultValue process.cwd() */
  readonly root?: string
  /** The moment attestations are judged at (the run's end). @defaultValue now */
  readonly now?: Date
  /** The base report's snapshot, for the gate's rules against the base (`noRegression`, `noNewFailingChecks`). */
  readonly baseline?: ReportSnapshot
}

/** What a run's checks, tests and gate decide: the checklist, the ML Test Score and the verdict. */
export interface Verdict {
  /** The scored checklist. */
  readonly checklist: readonly ChecklistItemResult[]
  /** The ML Test Score. */
  readonly mlTestScore: MlTestScoreResult
  /** The deployment decision. */
  readonly gate: GateVerdict
}

/**
 * Derives the whole verdict from the evidence: the checklist and the ML Test Score from the checks that are evidence,
 * then the gate from the run itself (every test, errors, whether it finished), the checklist, thresholds and score.
 * The reporter calls it when it builds a report and `vitest-ml gate` calls it again on a saved report, so the two can
 * be compared; nothing here reads a stored verdict.
 *
 * @param checks - every check of the run, with its outcome and whether it is evidence
 * @param run - the run's status, tests and errors
 * @param options - gate, root and the moment to judge attestations at
 * @returns checklist, ML Test Score and gate verdict
 * @example
 * ```ts
 * decideVerdict(report.checks, { status: 'finished', reason: 'passed', tests, errors: [] }, { gate }).gate.passed
 * ```
 */
export function decideVerdict(checks: readonly GateCheck[], run: RunFacts, options: VerdictOptions = {}): Verdict {
  const root = options.root ?? process.cwd()
  const attestations = options.gate?.attestations ?? {}
  const attestationOptions = {
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.gate?.attestationMaxAgeDays === undefined ? {} : { maxAgeDays: options.gate.attestationMaxAgeDays }),
  }
  const checklist = scoreChecklist(checks, { required: options.gate?.required ?? [], attestations, root, attestationOptions })
  const mlTestScore = scoreMlTestScore(checks, checklist, attestations, root, attestationOptions)
  return { checklist, mlTestScore, gate: evaluateGate(checks, checklist, mlTestScore.score, options.gate, run, options.baseline) }
}
