import type fc from 'fast-check'
import { describeArbitrary } from '../../util/described-arbitrary.js'
import { checkKinds, countPhrase, type EditCountConstraints, type EditPlan, editCounts, editPlans, siteIndex } from './edit-plans.js'
import { applySteps, type TextChange, type TextPerturbation, textPerturbation } from './text-perturbation.js'

/** What {@link punctuation} changes: the final marks stripped, a final mark added, an inner mark dropped or repeated. */
export type PunctuationKind = 'strip-end' | 'add-end' | 'drop-mark' | 'repeat-mark'

const KINDS: readonly PunctuationKind[] = ['strip-end', 'add-end', 'drop-mark', 'repeat-mark']
const MARK = /[.,;:!?]/g

function change(text: string, plan: EditPlan, kinds: readonly PunctuationKind[]): TextChange {
  const marks = [...text.matchAll(MARK)].map((match) => match.index)
  for (let attempt = 0; attempt < kinds.length; attempt++) {
    const kind = kinds[(plan.kind + attempt) % kinds.length] as PunctuationKind
    if (kind === 'strip-end') {
      const end = /[.,;:!?]+\s*$/.exec(text)
      if (end === null) continue
      return {
        text: text.slice(0, end.index),
        edits: [{ kind: 'punctuation', at: end.index, before: end[0], after: '', description: `punctuation: final ${JSON.stringify(end[0].trim())} removed` }],
      }
    }
    if (kind === 'add-end') {
      const trimmed = text.replace(/\s+$/, '')
      const mark = /[.!?]$/.test(trimmed) ? '!' : '.'
      return {
        text: trimmed + mark + text.slice(trimmed.length),
        edits: [{ kind: 'punctuation', at: trimmed.length, before: '', after: mark, description: `punctuation: ${JSON.stringify(mark)} added at the end` }],
      }
    }
    if (marks.length === 0) continue
    const at = marks[siteIndex(plan.site, marks.length)] as number
    const mark = text[at] as string
    const after = kind === 'drop-mark' ? '' : mark + mark
    return {
      text: text.slice(0, at) + after + text.slice(at + 1),
      edits: [
        { kind: 'punctuation', at, before: mark, after, description: `punctuation: ${JSON.stringify(mark)} ${kind === 'drop-mark' ? 'dropped' : 'repeated'}` },
      ],
    }
  }
  return { text, edits: [] }
}

/**
 * Punctuation changes (CheckList's "punctuation" INV test): the final marks stripped, a final `.` added (or `!` after
 * an existing one), or one mark of the text (drawn uniformly) dropped or repeated; kinds equally likely, a kind that
 * cannot apply giving way to the next. Shrinks toward stripping the final marks.
 *
 * @param constraints - edit counts and kinds
 * @returns a described arbitrary of text perturbations
 * @example
 * ```ts
 * const [change] = fc.sample(punctuation({ kinds: ['strip-end'] }), { seed: 1, numRuns: 1 })
 * change('Great phone!!') // 'Great phone'
 * ```
 */
export function punctuation(constraints: PunctuationConstraints = {}): fc.Arbitrary<TextPerturbation> {
  const counts = editCounts(constraints, 'punctuation')
  const kinds = checkKinds(constraints.kinds, KINDS, 'punctuation')
  const arbitrary = editPlans(kinds.length, counts, 'punctuation').map((steps) =>
    textPerturbation(
      `${steps.length === 1 ? 'a punctuation change' : `${steps.length} punctuation changes`}`,
      (text) =>
        applySteps(
          text,
          steps.map((plan) => (current: string) => change(current, plan, kinds)),
        ),
      'punctuation',
    ),
  )
  return describeArbitrary(
    arbitrary,
    `${countPhrase(counts.minEdits, counts.maxEdits, 'punctuation change')}, each ${kinds.join(' / ')} (equally likely; inner marks drawn uniformly)`,
  )
}

/** Constraints of {@link punctuation}. */
export interface PunctuationConstraints extends EditCountConstraints {
  /** The kinds, each equally likely. @defaultValue all four */
  readonly kinds?: readonly PunctuationKind[]
}
