import type { HealthyForm } from '../record/check-record.js'
import type { ChecklistId } from './checklist-items.js'
import type { RubricId } from './ml-test-score-rubric.js'

export type { HealthyForm }

/** What a kind of check is evidence for, and in which form. */
export interface CheckKindRule {
  /** The form of the assertion that counts as evidence. */
  readonly healthyForm: HealthyForm
  /** Production-checklist items a check of this kind is evidence for. */
  readonly checklist: readonly ChecklistId[]
  /** ML Test Score rubric tests a check of this kind is automated evidence for. */
  readonly mlTestScore: readonly RubricId[]
}

const rule = (healthyForm: HealthyForm, checklist: readonly ChecklistId[], mlTestScore: readonly RubricId[]): CheckKindRule => ({
  healthyForm,
  checklist,
  mlTestScore,
})

/**
 * The one table that maps every built-in check kind to the checklist items and ML Test Score tests it is evidence
 * for, and to the assertion form that counts. Records, the checklist, the ML Test Score and `vitest-ml gate` all read
 * it; matchers do not tag items themselves. Ids are typed, so a misspelt item fails to compile.
 *
 * @example
 * ```ts
 * CHECK_KINDS.drift // { healthyForm: 'negated', checklist: ['data-drift-weekly'], mlTestScore: ['monitor-2'] }
 * ```
 */
export const CHECK_KINDS = {
  range: rule('positive', [], ['data-1', 'infra-2', 'monitor-5']),
  consistency: rule('positive', [], ['infra-1']),
  metamorphic: rule('positive', [], ['model-7', 'infra-2']),
  monotonicity: rule('positive', [], ['infra-2']),
  golden: rule('positive', [], ['infra-2', 'infra-4']),
  baseline: rule('positive', ['baseline-improvement'], ['model-5', 'infra-4']),
  'held-out': rule('positive', ['held-out-test'], ['infra-4']),
  slices: rule('positive', ['held-out-test', 'review-false-positives-negatives'], ['model-6']),
  segments: rule('positive', ['held-out-test', 'review-false-positives-negatives'], ['model-6']),
  fairness: rule('positive', ['held-out-test', 'review-false-positives-negatives'], ['model-7']),
  calibration: rule('positive', ['held-out-test'], ['infra-4']),
  review: rule('positive', ['review-false-positives-negatives'], []),
  pipeline: rule('positive', ['training-serving-identical'], ['data-7', 'infra-3', 'monitor-3']),
  skew: rule('negated', ['training-serving-identical'], ['monitor-3']),
  drift: rule('negated', ['data-drift-weekly'], ['monitor-2']),
  // A data contract checked on new data: the contract is the input expectations written as a schema (data-1); run on
  // serving or fresh data it shows the input invariants hold there (monitor-2), and it is the automated form of the
  // weekly comparison of live inputs with what training saw (types, domains, ranges, missing rates, duplicates).
  schema: rule('positive', ['data-drift-weekly'], ['data-1', 'monitor-2']),
  // Data hygiene of one set: no duplicate or conflicting rows, labels as expected, and no feature that cannot earn its
  // place (constant, empty, or a copy of another) - data-2 as far as data alone can tell. Leakage between training and
  // test is the held-out kind's.
  hygiene: rule('positive', [], ['data-2']),
  fallback: rule('positive', ['fallback-strategy'], ['infra-3']),
  shadow: rule('positive', [], ['model-2', 'infra-6']),
  ensemble: rule('positive', [], ['infra-3']),
  cache: rule('positive', [], ['infra-3', 'monitor-6']),
  feedback: rule('positive', ['monitor-accuracy-daily', 'review-false-positives-negatives'], ['model-2']),
  latency: rule('positive', ['monitoring-alerting'], ['monitor-6']),
  logging: rule('positive', ['monitoring-alerting'], ['infra-5']),
  alerting: rule('positive', ['monitoring-alerting'], ['monitor-7']),
} as const satisfies Readonly<Record<string, CheckKindRule>>

/** A check kind vitest-ml's own matchers produce. */
export type BuiltInCheckKind = keyof typeof CHECK_KINDS

/**
 * The rule of a built-in kind, or `undefined` for a kind of the user's own.
 *
 * @param kind - a record's kind
 * @example
 * ```ts
 * checkKindRule('skew')?.healthyForm // 'negated'
 * checkKindRule('my-check') // undefined
 * ```
 */
export function checkKindRule(kind: string): CheckKindRule | undefined {
  return Object.hasOwn(CHECK_KINDS, kind) ? CHECK_KINDS[kind as BuiltInCheckKind] : undefined
}
