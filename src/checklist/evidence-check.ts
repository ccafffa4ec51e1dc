/**
 * The part of a reported check that scoring needs: what it is evidence for and how it came out. Every `ReportCheck`
 * is one.
 */
export interface EvidenceCheck {
  /** Anchor of the check's card in the HTML report (also its unique key in the JSON report). */
  readonly anchor: string
  /** Check kind (`baseline`, `drift`, ...). */
  readonly kind: string
  /** Title, for reasons. */
  readonly title: string
  /** Checklist ids the record tagged explicitly. */
  readonly checklist: readonly string[]
  /** Whether the assertion held, `.not` taken into account. */
  readonly outcome: 'passed' | 'failed'
}

/**
 * Whether a record's assertion held: a check that passed, or a negated check that did not (for example
 * `expect(live).not.toHaveDriftedFrom(reference)` when no drift was found).
 *
 * @param record - a check record's `passed` and `negated` fields
 * @returns `'passed'` or `'failed'`
 * @example
 * ```ts
 * checkOutcome({ passed: false, negated: true }) // 'passed'
 * ```
 */
export function checkOutcome(record: { readonly passed: boolean; readonly negated?: boolean }): 'passed' | 'failed' {
  return record.passed !== (record.negated ?? false) ? 'passed' : 'failed'
}
