import type fc from 'fast-check'
import { describeArbitrary } from '../../util/described-arbitrary.js'
import { checkKinds, type EditPlan, editPlans, siteIndex } from './edit-plans.js'
import { type TextChange, type TextPerturbation, textPerturbation } from './text-perturbation.js'

/** What {@link letterCase} changes: the whole text to lower or upper case, or the first letter of one word. */
export type LetterCaseKind = 'lower' | 'upper' | 'word'

const KINDS: readonly LetterCaseKind[] = ['lower', 'upper', 'word']

/** Constraints of {@link letterCase}. */
export interface LetterCaseConstraints {
  /** The kinds of change, each equally likely. @defaultValue all three */
  readonly kinds?: readonly LetterCaseKind[]
}

function change(text: string, plan: EditPlan, kinds: readonly LetterCaseKind[]): TextChange {
  for (let attempt = 0; attempt < kinds.length; attempt++) {
    const kind = kinds[(plan.kind + attempt) % kinds.length] as LetterCaseKind
    if (kind === 'word') {
      const words = [...text.matchAll(/\p{L}+/gu)].filter((match) => (match[0][0] as string).toLowerCase() !== (match[0][0] as string).toUpperCase())
      if (words.length === 0) continue
      const word = words[siteIndex(plan.site, words.length)] as RegExpMatchArray & { index: number }
      const first = word[0][0] as string
      const flipped = (first === first.toUpperCase() ? first.toLowerCase() : first.toUpperCase()) + word[0].slice(1)
      return {
        text: text.slice(0, word.index) + flipped + text.slice(word.index + word[0].length),
        edits: [
          {
            kind: 'case',
            at: word.index,
            before: word[0],
            after: flipped,
            description: `case of a word: ${JSON.stringify(word[0])} -> ${JSON.stringify(flipped)}`,
          },
        ],
      }
    }
    const changed = kind === 'lower' ? text.toLowerCase() : text.toUpperCase()
    if (changed !== text) return { text: changed, edits: [{ kind: 'case', at: 0, before: text, after: changed, description: `whole text in ${kind} case` }] }
  }
  return { text, edits: [] }
}

/**
 * Letter case changes: the whole text in lower case or in upper case, or the first letter of one word (drawn
 * uniformly) flipped (`Great` -> `great`); the three kinds equally likely, a kind that changes nothing giving way to
 * the next. Shrinks toward lower-casing the whole text.
 *
 * @param constraints - kinds
 * @returns a described arbitrary of text perturbations
 * @example
 * ```ts
 * const [change] = fc.sample(letterCase({ kinds: ['upper'] }), { seed: 1, numRuns: 1 })
 * change('Works great') // 'WORKS GREAT'
 * ```
 */
export function letterCase(constraints: LetterCaseConstraints = {}): fc.Arbitrary<TextPerturbation> {
  const kinds = checkKinds(constraints.kinds, KINDS, 'letterCase')
  const arbitrary = editPlans(kinds.length, { minEdits: 1, maxEdits: 1 }, 'letterCase').map(([plan]) =>
    textPerturbation('case changed', (text) => (plan === undefined ? { text, edits: [] } : change(text, plan, kinds)), 'letterCase'),
  )
  return describeArbitrary(
    arbitrary,
    `one case change: ${kinds.map((kind) => (kind === 'word' ? 'the first letter of a word drawn uniformly flipped' : `the whole text in ${kind} case`)).join(' / ')} (equally likely)`,
  )
}
