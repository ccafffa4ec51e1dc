import type fc from 'fast-check'
import { describeArbitrary } from '../../util/described-arbitrary.js'
import { checkKinds, countPhrase, type EditCountConstraints, type EditPlan, editCounts, editPlans, siteIndex } from './edit-plans.js'
import { KEYBOARD_NEIGHBOURS } from './keyboard-neighbours.js'
import { applySteps, matchCase, type TextChange, type TextPerturbation, textPerturbation } from './text-perturbation.js'

/** The typos {@link typos} makes: a neighbouring key hit instead, two letters swapped, a letter dropped or doubled. */
export type TypoKind = 'adjacent-key' | 'swap' | 'drop' | 'duplicate'

const KINDS: readonly TypoKind[] = ['adjacent-key', 'swap', 'drop', 'duplicate']

/** Constraints of {@link typos}. */
export interface TyposConstraints extends EditCountConstraints {
  /** The kinds of typo, each equally likely. @defaultValue all four */
  readonly kinds?: readonly TypoKind[]
}

const LETTER = /\p{L}/u

function letterPositions(text: string): number[] {
  const positions: number[] = []
  for (let i = 0; i < text.length; i++) if (LETTER.test(text[i] as string)) positions.push(i)
  return positions
}

function wordAround(text: string, at: number): { start: number; end: number } {
  let start = at
  let end = at + 1
  while (start > 0 && LETTER.test(text[start - 1] as string)) start--
  while (end < text.length && LETTER.test(text[end] as string)) end++
  return { start, end }
}

/** One typo at the planned letter; a kind that cannot change that letter falls back to the next kind. */
function typo(text: string, plan: EditPlan, kinds: readonly TypoKind[]): TextChange {
  const letters = letterPositions(text)
  if (letters.length === 0) return { text, edits: [] }
  const at = letters[siteIndex(plan.site, letters.length)] as number
  const letter = text[at] as string
  for (let attempt = 0; attempt < kinds.length; attempt++) {
    const kind = kinds[(plan.kind + attempt) % kinds.length] as TypoKind
    let changed: string | undefined
    if (kind === 'adjacent-key') {
      const keys = KEYBOARD_NEIGHBOURS[letter.toLowerCase()]
      if (keys !== undefined) changed = text.slice(0, at) + matchCase(keys[siteIndex(plan.choice, keys.length)] as string, letter) + text.slice(at + 1)
    } else if (kind === 'swap') {
      const next = text[at + 1]
      const previous = text[at - 1]
      if (next !== undefined && LETTER.test(next) && next !== letter) changed = text.slice(0, at) + next + letter + text.slice(at + 2)
      else if (previous !== undefined && LETTER.test(previous) && previous !== letter) changed = text.slice(0, at - 1) + letter + previous + text.slice(at + 1)
    } else if (kind === 'drop') changed = text.slice(0, at) + text.slice(at + 1)
    else changed = text.slice(0, at) + letter + text.slice(at)
    if (changed === undefined) continue
    const word = wordAround(text, at)
    const delta = changed.length - text.length
    const before = text.slice(word.start, word.end)
    const after = changed.slice(word.start, word.end + delta)
    return {
      text: changed,
      edits: [{ kind: 'typo', at: word.start, before, after, description: `${kind} typo: ${JSON.stringify(before)} -> ${JSON.stringify(after)}` }],
    }
  }
  return { text, edits: [] }
}

/**
 * Typos, CheckList-style: each edit picks a letter uniformly among the text's letters and hits a neighbouring
 * QWERTY key instead, swaps it with the next letter, drops it or doubles it (kinds equally likely; a kind that cannot
 * change that letter, such as an adjacent key for `é`, gives way to the next kind). Several typos are applied one
 * after another. Shrinks toward one typo at the first letter: the smallest change of the original text. Every
 * perturbation records its edits (`explain`), which counterexamples show.
 *
 * @param constraints - edit counts (`maxEdits`, default 1) and kinds
 * @returns a described arbitrary of text perturbations
 * @example
 * ```ts
 * const [typo] = fc.sample(typos({ maxEdits: 2 }), { seed: 1, numRuns: 1 })
 * typo.explain('The battery is good').edits[0].description // 'swap typo: "good" -> "godo"' (for example)
 * ```
 */
export function typos(constraints: TyposConstraints = {}): fc.Arbitrary<TextPerturbation> {
  const kinds = checkKinds(constraints.kinds, KINDS, 'typos')
  const { minEdits, maxEdits } = editCounts(constraints, 'typos')
  const plans = editPlans(kinds.length, { minEdits, maxEdits }, 'typos')
  const arbitrary = plans.map((steps) =>
    textPerturbation(
      `${steps.length} typo${steps.length === 1 ? '' : 's'}`,
      (text) =>
        applySteps(
          text,
          steps.map((plan) => (current: string) => typo(current, plan, kinds)),
        ),
      'typos',
    ),
  )
  return describeArbitrary(arbitrary, `${countPhrase(minEdits, maxEdits, 'typo')}, each ${kinds.join(' / ')} (equally likely) at a letter drawn uniformly`)
}
