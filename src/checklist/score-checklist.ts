import type { Attestation, VerifyAttestationOptions } from './attestation.js'
import { verifyAttestation } from './attestation.js'
import { CHECK_KINDS } from './check-kinds.js'
import { CHECKLIST_ITEMS, type ChecklistEvidence, type ChecklistItem, type ChecklistPhase } from './checklist-items.js'
import { checklistItemsOf, type EvidenceCheck } from './evidence-check.js'

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

/** Inputs of `scoreChecklist`. */
export interface ScoreChecklistOptions {
  /** Ids the gate requires. @defaultValue [] */
  readonly required?: readonly string[]
  /** Attestations by checklist id. @defaultValue {} */
  readonly attestations?: Readonly<Record<string, Attestation>>
  /** Directory attestation files are resolved from. @defaultValue process.cwd() */
  readonly root?: string
  /** When attestations are judged and their default age limit. @defaultValue now, no limit */
  readonly attestationOptions?: VerifyAttestationOptions
}

/**
 * Scores the 13 checklist items against a run's checks and the configured attestations. A check is evidence for an
 * item when `CHECK_KINDS` maps its kind to the item (or, for a kind of the user's own, when it tags the item) and it
 * is evidence at all (a healthy-form assertion, not a demonstration or an expected failure); one failing evidence
 * check fails the item.
 *
 * @param checks - every check of the run
 * @param options - required ids, attestations, project root
 * @returns one result per checklist item, in checklist order
 * @example
 * ```ts
 * scoreChecklist([{ anchor: 'c1', kind: 'baseline', title: 'beats majority', checklist: [], outcome: 'passed', evidence: true }])[0]
 * // { id: 'baseline-improvement', status: 'passed', checks: ['c1'], ... }
 * ```
 */
export function scoreChecklist(checks: readonly EvidenceCheck[], options: ScoreChecklistOptions = {}): ChecklistItemResult[] {
  const required = new Set(options.required ?? [])
  const root = options.root ?? process.cwd()
  return CHECKLIST_ITEMS.map((item) => {
    const evidence = checks.filter((check) => check.evidence && checklistItemsOf(check).includes(item.id))
    const attestation = options.attestations?.[item.id]
    const base = {
      id: item.id,
      label: item.label,
      description: item.description,
      phase: item.phase,
      provedBy: item.provedBy,
      required: required.has(item.id),
      checks: evidence.map((check) => check.anchor),
      ...(attestation === undefined ? {} : { attestation }),
    }
    return { ...base, ...statusOf(item, evidence, attestation, root, options.attestationOptions ?? {}) }
  })
}

function statusOf(
  item: ChecklistItem,
  evidence: readonly EvidenceCheck[],
  attestation: Attestation | undefined,
  root: string,
  attestationOptions: VerifyAttestationOptions,
): { status: ChecklistStatus; reason?: string } {
  const failed = evidence.filter((check) => check.outcome === 'failed')
  if (failed.length > 0) {
    const names = failed
      .slice(0, 3)
      .map((check) => `"${check.title}"`)
      .join(', ')
    return { status: 'failed', reason: `${failed.length} of ${evidence.length} evidence checks failed: ${names}${failed.length > 3 ? ', ...' : ''}` }
  }
  if (attestation !== undefined) {
    const verdict = verifyAttestation(attestation, root, attestationOptions)
    if (!verdict.ok) return { status: 'failed', ...(verdict.reason === undefined ? {} : { reason: verdict.reason }) }
    return { status: evidence.length > 0 ? 'passed' : 'attested' }
  }
  if (evidence.length > 0) return { status: 'passed' }
  const kinds = kindsOf(item)
  const reason =
    item.provedBy === 'attestation' || kinds.length === 0
      ? `no test can prove this; add an attestation under "attestations.${item.id}" in the gate file`
      : item.provedBy === 'either'
        ? `no check of kind ${kinds.join('/')} ran and no attestation is configured`
        : `no check of kind ${kinds.join('/')} (or tagged "${item.id}") ran`
  return { status: 'not-covered', reason }
}

/** The built-in check kinds that are evidence for an item. */
function kindsOf(item: ChecklistItem): string[] {
  return Object.entries(CHECK_KINDS)
    .filter(([, rule]) => (rule.checklist as readonly string[]).includes(item.id))
    .map(([kind]) => kind)
}
