import type { CheckSummary } from './report-snapshot.js'

/**
 * What happened to a check between two reports. Only evidence counts as evidence: `newly-failing` and
 * `newly-passing` compare evidence with evidence (or a check that became evidence by failing); a check that stopped
 * being evidence (now a demonstration, an expected failure or in a skipped test) is `evidence-lost`, one that became
 * passing evidence is `evidence-gained`, and a check that is evidence in neither report is `not-evidence`.
 */
export type CheckChangeKind =
  | 'newly-failing'
  | 'newly-passing'
  | 'still-failing'
  | 'unchanged'
  | 'evidence-lost'
  | 'evidence-gained'
  | 'not-evidence'
  | 'added'
  | 'removed'

/**
 * Classifies a matched pair, or a check present on one side only.
 *
 * @param base - the check in the base, if any
 * @param head - the check in the head, if any
 * @returns the kind of change
 * @example
 * ```ts
 * classifyCheckChange({ evidence: true, outcome: 'passed' }, { evidence: true, outcome: 'failed' }) // 'newly-failing'
 * classifyCheckChange({ evidence: true, outcome: 'passed' }, { evidence: false, outcome: 'expected-failure' }) // 'evidence-lost'
 * ```
 */
export function classifyCheckChange(
  base: Pick<CheckSummary, 'evidence' | 'outcome'> | undefined,
  head: Pick<CheckSummary, 'evidence' | 'outcome'> | undefined,
): CheckChangeKind {
  if (base === undefined) return 'added'
  if (head === undefined) return 'removed'
  const baseFailed = base.evidence && base.outcome === 'failed'
  const headFailed = head.evidence && head.outcome === 'failed'
  if (headFailed) return baseFailed ? 'still-failing' : 'newly-failing'
  if (!head.evidence) return base.evidence ? 'evidence-lost' : 'not-evidence'
  if (baseFailed) return 'newly-passing'
  return base.evidence ? 'unchanged' : 'evidence-gained'
}

/**
 * Whether a head check is a failing evidence check that the base did not already have failing: a newly failing
 * check, or an added check that fails. Demonstrations and expected failures never are.
 *
 * @param change - the check's change kind
 * @param head - the check in the head
 * @example
 * ```ts
 * isNewFailure('added', { evidence: true, outcome: 'failed' }) // true
 * ```
 */
export function isNewFailure(change: CheckChangeKind, head: Pick<CheckSummary, 'evidence' | 'outcome'> | undefined): boolean {
  return change === 'newly-failing' || (change === 'added' && head?.evidence === true && head.outcome === 'failed')
}
