import type fc from 'fast-check'
import { describeArbitrary } from '../../util/described-arbitrary.js'
import { checkKinds, countPhrase, type EditCountConstraints, type EditPlan, editCounts, editPlans, siteIndex } from './edit-plans.js'
import { applySteps, type TextChange, type TextPerturbation, textPerturbation } from './text-perturbation.js'

/** What {@link whitespace} changes: a space doubled, a space added at the start or at the end, a space turned into a newline. */
export type WhitespaceKind = 'double-space' | 'leading' | 'trailing' | 'newline'

const KINDS: readonly WhitespaceKind[] = ['double-space', 'leading', 'trailing', 'newline']

/** Constraints of {@link whitespace}. */
export interface WhitespaceConstraints extends EditCountConstraints {
  /** The kinds, each equally likely. @defaultValue all four */
  readonly kinds?: readonly WhitespaceKind[]
}

function change(text: string, plan: EditPlan, kinds: readonly WhitespaceKind[]): TextChange {
  const spaces = [...text.matchAll(/ /g)].map((match) => match.index)
  for (let attempt = 0; attempt < kinds.length; attempt++) {
    const kind = kinds[(plan.kind + attempt) % kinds.length] as WhitespaceKind
    if (kind === 'leading')
      return { text: ` ${text}`, edits: [{ kind: 'whitespace', at: 0, before: '', after: ' ', description: 'whitespace: a space added at the start' }] }
    if (kind === 'trailing')
      return { text: `${text} `, edits: [{ kind: 'whitespace', at: text.length, before: '', after: ' ', description: 'whitespace: a space added at the end' }] }
    if (spaces.length === 0) continue
    const at = spaces[siteIndex(plan.site, spaces.length)] as number
    const after = kind === 'newline' ? '\n' : '  '
    return {
      text: text.slice(0, at) + after + text.slice(at + 1),
      edits: [{ kind: 'whitespace', at, before: ' ', after, description: `whitespace: a space ${kind === 'newline' ? 'turned into a newline' : 'doubled'}` }],
    }
  }
  return { text, edits: [] }
}

/**
 * Whitespace changes a tokenizer should not care about: a space between words (drawn uniformly) doubled or turned into
 * a newline, or a space added at the start or the end; kinds equally likely. Shrinks toward one doubled first space.
 *
 * @param constraints - edit counts and kinds
 * @returns a described arbitrary of text perturbations
 * @example
 * ```ts
 * const [spacing] = fc.sample(whitespace({ kinds: ['double-space'] }), { seed: 1, numRuns: 1 })
 * spacing('works great') // 'works  great'
 * ```
 */
export function whitespace(constraints: WhitespaceConstraints = {}): fc.Arbitrary<TextPerturbation> {
  const counts = editCounts(constraints, 'whitespace')
  const kinds = checkKinds(constraints.kinds, KINDS, 'whitespace')
  const arbitrary = editPlans(kinds.length, counts, 'whitespace').map((steps) =>
    textPerturbation(
      `${steps.length === 1 ? 'a whitespace change' : `${steps.length} whitespace changes`}`,
      (text) =>
        applySteps(
          text,
          steps.map((plan) => (current: string) => change(current, plan, kinds)),
        ),
      'whitespace',
    ),
  )
  return describeArbitrary(
    arbitrary,
    `${countPhrase(counts.minEdits, counts.maxEdits, 'whitespace change')}, each ${kinds.join(' / ')} (equally likely) at a space drawn uniformly`,
  )
}
