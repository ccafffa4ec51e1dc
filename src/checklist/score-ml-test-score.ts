import type { Attestation, VerifyAttestationOptions } from './attestation.js'
import { verifyAttestation } from './attestation.js'
import { type EvidenceCheck, rubricItemsOf } from './evidence-check.js'
import { ML_TEST_SCORE_RUBRIC, mlTestScoreBand, RUBRIC_SECTIONS, type RubricSection } from './ml-test-score-rubric.js'
import type { ChecklistItemResult } from './score-checklist.js'

/** One rubric test as scored: 1 automated (a passing check), 0.5 manual (attested), 0 otherwise. */
export interface RubricItemScore {
  /** Rubric id, such as `infra-7`. */
  readonly id: string
  /** Short name. */
  readonly name: string
  /** Its section. */
  readonly section: RubricSection
  /** 0, 0.5 or 1. */
  readonly score: 0 | 0.5 | 1
  /** How the score was earned. */
  readonly basis: 'automated' | 'manual' | 'none'
  /** Anchors of the checks that evidence it. */
  readonly checks: readonly string[]
}

/** The ML Test Score of a run. */
export interface MlTestScoreResult {
  /** Every rubric test with its score. */
  readonly items: readonly RubricItemScore[]
  /** Sum of item scores per section (0 to 7). */
  readonly sections: readonly { readonly id: RubricSection; readonly name: string; readonly score: number }[]
  /** The final score: the lowest section sum. */
  readonly score: number
  /** What the final score means. */
  readonly band: string
}

/**
 * Scores the ML Test Score rubric (Breck et al., 2017): an item earns 1 when evidence for it ran (a check whose kind
 * `CHECK_KINDS` maps to it, in its healthy form) and all of it passed, 0.5 when it was attested instead (directly by rubric id, or through an attested checklist item
 * it maps to), and 0 otherwise. Section sums range 0-7; the final score is the minimum of the four.
 *
 * @param checks - every check of the run
 * @param checklist - the scored checklist (attested items give manual credit)
 * @param attestations - attestations keyed by rubric id (`data-5`)
 * @param root - directory attestation files are resolved from
 * @param attestationOptions - when attestations are judged and their default age limit
 * @returns item scores, section sums, final score and band
 * @example
 * ```ts
 * scoreMlTestScore([], [], {}, '.').score // 0
 * ```
 */
export function scoreMlTestScore(
  checks: readonly EvidenceCheck[],
  checklist: readonly ChecklistItemResult[],
  attestations: Readonly<Record<string, Attestation>> = {},
  root: string = process.cwd(),
  attestationOptions: VerifyAttestationOptions = {},
): MlTestScoreResult {
  const byRubricId = new Map<string, EvidenceCheck[]>()
  for (const check of checks) {
    if (!check.evidence) continue
    for (const id of new Set(rubricItemsOf(check))) {
      const list = byRubricId.get(id)
      if (list === undefined) byRubricId.set(id, [check])
      else list.push(check)
    }
  }
  const items = ML_TEST_SCORE_RUBRIC.map((rubric): RubricItemScore => {
    const evidence = byRubricId.get(rubric.id) ?? []
    const automated = evidence.length > 0 && evidence.every((check) => check.outcome === 'passed')
    const direct = attestations[rubric.id]
    const manual =
      (direct !== undefined && verifyAttestation(direct, root, attestationOptions).ok) ||
      checklist.some((item) => (rubric.checklist as readonly string[]).includes(item.id) && (item.status === 'attested' || item.status === 'passed'))
    const common = { id: rubric.id, name: rubric.name, section: rubric.section, checks: evidence.map((check) => check.anchor) }
    if (automated) return { ...common, score: 1, basis: 'automated' }
    if (manual) return { ...common, score: 0.5, basis: 'manual' }
    return { ...common, score: 0, basis: 'none' }
  })
  const sections = RUBRIC_SECTIONS.map((section) => ({
    id: section.id,
    name: section.name,
    score: items.filter((item) => item.section === section.id).reduce((sum, item) => sum + item.score, 0),
  }))
  const score = Math.min(...sections.map((section) => section.score))
  return { items, sections, score, band: mlTestScoreBand(score) }
}
