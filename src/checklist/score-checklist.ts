import type { Attestation } from './attestation.js'
import { verifyAttestation } from './attestation.js'
import { CHECKLIST_ITEMS, type ChecklistEvidence, type ChecklistItem, type ChecklistPhase } from './checklist-items.js'
import type { EvidenceCheck } from './evidence-check.js'

/** Status of one checklist item after a run. */
export type ChecklistStatus = 'passed' | 'failed' | 'not-covered' | 'attested'

/** One checklist item as scored for a report. */
export interface ChecklistItemResult {
  /** The item's id. */
  readonly id: string
  /** Short label. */
  readonly label: string
  /** What counts as evidence. */
  readonly description: string
  /** Before or after deployment. */
  readonly phase: ChecklistPhase
  /** What can prove it. */
  readonly provedBy: ChecklistEvidence
  /** Outcome: tested and passed, failed, attested (not tested), or not covered at all. */
  readonly status: ChecklistStatus
  /** Whether the gate requires it. */
  readonly required: boolean
  /** Anchors of the checks that are evidence for it. */
  readonly checks: readonly string[]
  /** Why it is failed or not covered. */
  readonly reason?: string
  /** The attestation, when one was configured. */
  readonly attestation?: Attestation
}

/** Inputs of {@link scoreChecklist}. */
export interface ScoreChecklistOptions {
  /** Ids the gate requires. @defaultValue [] */
  readonly required?: readonly string[]
  /** Attestations by checklist id. @defaultValue {} */
  readonly attestations?: Readonly<Record<string, Attestation>>
  /** Directory attestation files are resolved from. @defaultValue process.cwd() */
  readonly root?: string
}

/**
 * Scores the 13 checklist items against a run's checks and the configured attestations. A check is evidence for an
 * item when it tags the item's id or has one of the item's kinds; one failing evidence check fails the item.
 *
 * @param checks - every check of the run
 * @param options - required ids, attestations, project root
 * @returns one result per checklist item, in checklist order
 * @example
 * ```ts
 * scoreChecklist([{ anchor: 'c1', kind: 'baseline', title: 'beats majority', checklist: [], outcome: 'passed' }])[0]
 * // { id: 'baseline-improvement', status: 'passed', checks: ['c1'], ... }
 * ```
 */
export function scoreChecklist(checks: readonly EvidenceCheck[], options: ScoreChecklistOptions = {}): ChecklistItemResult[] {
  const required = new Set(options.required ?? [])
  const root = options.root ?? process.cwd()
  return CHECKLIST_ITEMS.map((item) => {
    const evidence = checks.filter((check) => check.checklist.includes(item.id) || item.kinds.includes(check.kind))
    const attestation = options.attestations?.[item.id]
    const base = {
      id: item.id, label: item.label, description: item.description, phase: item.phase, provedBy: item.provedBy,
      required: required.has(item.id), checks: evidence.map((check) => check.anchor),
      ...(attestation === undefined ? {} : { attestation }),
    }
    return { ...base, ...statusOf(item, evidence, attestation, root) }
  })
}

function statusOf(
  item: ChecklistItem, evidence: readonly EvidenceCheck[], attestation: Attestation | undefined, root: string,
): { status: ChecklistStatus; reason?: string } {
  const failed = evidence.filter((check) => check.outcome === 'failed')
  if (failed.length > 0) {
    const names = failed.slice(0, 3).map((check) => `"${check.title}"`).join(', ')
    return { status: 'failed', reason: `${failed.length} of ${evidence.length} evidence checks failed: ${names}${failed.length > 3 ? ', ...' : ''}` }
  }
  if (attestation !== undefined) {
    const verdict = verifyAttestation(attestation, root)
    if (!verdict.ok) return { status: 'failed', ...(verdict.reason === undefined ? {} : { reason: verdict.reason }) }
    return { status: evidence.length > 0 ? 'passed' : 'attested' }
  }
  if (evidence.length > 0) return { status: 'passed' }
  const reason = item.provedBy === 'attestation'
    ? `no test can prove this; add an attestation under "attestations.${item.id}" in the gate file`
    : item.provedBy === 'either'
      ? `no check tagged "${item.id}" ran and no attestation is configured`
      : `no check tagged "${item.id}" (or of kind ${item.kinds.join('/')}) ran`
  return { status: 'not-covered', reason }
}
