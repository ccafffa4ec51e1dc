import { checkKindRule, type HealthyForm } from './check-kinds.js'
import { RUBRIC_IDS, type RubricId } from './ml-test-score-rubric.js'

/**
 * How a reported check came out:
 * - `passed`: the assertion held in the check's healthy form — evidence that the model is fine;
 * - `failed`: the assertion did not hold and the test failed;
 * - `expected-failure`: the assertion did not hold but the test consumed the failure (`.rejects`, a caught error);
 * - `demonstration`: the assertion held in the other form (`.not.toBeatBaseline` on a weak model): it shows the
 *   check catches a fault, and is never evidence.
 */
export type CheckOutcome = 'passed' | 'failed' | 'expected-failure' | 'demonstration'

/** State of a test as the report keeps it. */
export type TestState = 'passed' | 'failed' | 'skipped' | 'pending'

/** The fields of a record that decide its outcome. */
export interface OutcomeInput {
  /** The record's kind. */
  readonly kind: string
  /** Whether the check itself held (before any `.not`). */
  readonly passed: boolean
  /** Whether the assertion was negated. */
  readonly negated?: boolean
  /** The healthy form a record of a user-defined kind declares (built-in kinds take theirs from `CHECK_KINDS`). */
  readonly healthyForm?: HealthyForm
}

/**
 * The healthy form of a record: its kind's, for built-in kinds; otherwise what the record declares (`positive` when
 * it declares nothing).
 *
 * @param record - kind and declared form
 * @example
 * ```ts
 * healthyFormOf({ kind: 'drift' }) // 'negated'
 * ```
 */
export function healthyFormOf(record: Pick<OutcomeInput, 'kind' | 'healthyForm'>): HealthyForm {
  return checkKindRule(record.kind)?.healthyForm ?? record.healthyForm ?? 'positive'
}

/**
 * Whether the assertion was written in the check's healthy form (`.not` exactly when the healthy form is negated).
 *
 * @param record - kind, negation and declared form
 * @example
 * ```ts
 * isHealthyForm({ kind: 'baseline', passed: false, negated: true }) // false: `.not.toBeatBaseline` is a demonstration
 * ```
 */
export function isHealthyForm(record: OutcomeInput): boolean {
  return (record.negated === true) === (healthyFormOf(record) === 'negated')
}

/**
 * The outcome of a record inside a test in `testState`. A failed assertion is an expected failure only when its test
 * passed, which (since an assertion that is never awaited fails its test) means the test consumed the failure.
 *
 * @param record - kind, passed, negation and declared form
 * @param testState - the state of the test that recorded it
 * @returns the outcome
 * @example
 * ```ts
 * checkOutcome({ kind: 'drift', passed: false, negated: true }, 'passed') // 'passed': no drift, asserted with .not
 * checkOutcome({ kind: 'baseline', passed: false, negated: true }, 'passed') // 'demonstration'
 * checkOutcome({ kind: 'baseline', passed: false }, 'passed') // 'expected-failure'
 * ```
 */
export function checkOutcome(record: OutcomeInput, testState: TestState): CheckOutcome {
  const held = record.passed !== (record.negated === true)
  if (!held) return testState === 'passed' ? 'expected-failure' : 'failed'
  return isHealthyForm(record) ? 'passed' : 'demonstration'
}

/**
 * Whether a check with this outcome, written in this form, is evidence for the checklist, the ML Test Score and the
 * gate's thresholds: only a healthy-form assertion whose test really judged it (passed or failed).
 *
 * @param record - kind, negation and declared form
 * @param outcome - its outcome
 * @example
 * ```ts
 * isEvidence({ kind: 'drift', passed: false, negated: true }, 'passed') // true
 * ```
 */
export function isEvidence(record: OutcomeInput, outcome: CheckOutcome): boolean {
  return (outcome === 'passed' || outcome === 'failed') && isHealthyForm(record)
}

/** The part of a reported check that scoring needs. Every `ReportCheck` is one. */
export interface EvidenceCheck {
  /** Anchor of the check's card in the HTML report (also its unique key in the JSON report). */
  readonly anchor: string
  /** Check kind (`baseline`, `drift`, ...). */
  readonly kind: string
  /** Title, for reasons. */
  readonly title: string
  /** Checklist or rubric ids a record of a user-defined kind tagged (built-in kinds use `CHECK_KINDS`). */
  readonly checklist: readonly string[]
  /** How it came out. */
  readonly outcome: CheckOutcome
  /** Whether it counts as evidence (see `isEvidence`). */
  readonly evidence: boolean
}

/**
 * The checklist items a check is evidence for: its kind's, for built-in kinds; the ids it tagged, for others.
 *
 * @param check - kind and tags
 * @example
 * ```ts
 * checklistItemsOf({ kind: 'baseline', checklist: [] }) // ['baseline-improvement']
 * ```
 */
export function checklistItemsOf(check: Pick<EvidenceCheck, 'kind' | 'checklist'>): readonly string[] {
  return checkKindRule(check.kind)?.checklist ?? check.checklist
}

/**
 * The ML Test Score tests a check is automated evidence for: its kind's, for built-in kinds; the rubric ids it
 * tagged, for others.
 *
 * @param check - kind and tags
 */
export function rubricItemsOf(check: Pick<EvidenceCheck, 'kind' | 'checklist'>): readonly RubricId[] {
  return checkKindRule(check.kind)?.mlTestScore ?? check.checklist.filter((tag): tag is RubricId => (RUBRIC_IDS as readonly string[]).includes(tag))
}
