import type fc from 'fast-check'
import { describeArbitrary } from '../../util/described-arbitrary.js'
import { cachedAnalysis, compromise } from './compromise-nlp.js'
import { editPlans, siteIndex } from './edit-plans.js'
import { type TextChange, type TextPerturbation, textPerturbation } from './text-perturbation.js'

/** Constraints of {@link negation}. */
export interface NegationConstraints {
  /** `add` a negation (`is good` -> `is not good`, `works` -> `does not work`) or `remove` one. @defaultValue 'add' */
  readonly direction?: 'add' | 'remove'
}

interface SentenceSite {
  readonly start: number
  readonly end: number
  readonly text: string
  readonly changed: string
}

/** The sentences of a text whose negation (or positive form) compromise can write, with that form. */
function sites(text: string, direction: 'add' | 'remove'): readonly SentenceSite[] {
  return cachedAnalysis(`negation-${direction}`, text, () => {
    const nlp = compromise()
    return nlp(text)
      .sentences()
      .json({ offset: true, terms: { offset: true } })
      .flatMap((sentence): SentenceSite[] => {
        const first = sentence.terms[0]
        const last = sentence.terms[sentence.terms.length - 1]
        if (first === undefined || last === undefined) return []
        const start = first.offset.start
        const end = last.offset.start + last.text.length
        const original = text.slice(start, end)
        const doc = nlp(original).sentences()
        const written = (direction === 'add' ? doc.toNegative() : doc.toPositive()).text().trim()
        const changed = direction === 'remove' && (written === '' || written === original) ? withoutNegation(original) : written
        // A rewrite that does not add (remove) a negation is no negation: compromise sometimes only re-cases a fragment.
        const added = negations(changed) - negations(original)
        return changed === '' || changed === original || (direction === 'add' ? added <= 0 : added >= 0) ? [] : [{ start, end, text: original, changed }]
      })
  })
}

/** How many negation words a sentence has (`not`, `n't`, `never`, `no`, `cannot`). */
function negations(sentence: string): number {
  return (sentence.match(/\b(not|never|no|cannot)\b|n't\b/gi) ?? []).length
}

const NEGATED_AUXILIARY = /\b(is|are|was|were|am|do|does|did|will|would|can|could|should|has|have|had|must)(\s+not\b|n't\b)/i
const IRREGULAR: Readonly<Record<string, string>> = { "won't": 'will', "can't": 'can', "ain't": 'is', cannot: 'can' }

/** The first negated auxiliary of a sentence without its negation (`is not` -> `is`, `doesn't` -> `does`), where compromise finds none to remove. */
function withoutNegation(sentence: string): string {
  const irregular = /\b(won't|can't|ain't|cannot)\b/i.exec(sentence)
  const regular = NEGATED_AUXILIARY.exec(sentence)
  if (irregular !== null && (regular === null || irregular.index < regular.index)) {
    const word = irregular[0]
    const replacement = IRREGULAR[word.toLowerCase()] as string
    return (
      sentence.slice(0, irregular.index) +
      (/^\p{Lu}/u.test(word) ? replacement[0]?.toUpperCase() + replacement.slice(1) : replacement) +
      sentence.slice(irregular.index + word.length)
    )
  }
  if (regular === null) return sentence
  return sentence.slice(0, regular.index) + (regular[1] as string) + sentence.slice(regular.index + regular[0].length)
}

function negate(text: string, site: number, direction: 'add' | 'remove'): TextChange {
  const found = sites(text, direction)
  if (found.length === 0) return { text, edits: [] }
  const chosen = found[siteIndex(site, found.length)] as SentenceSite
  return {
    text: text.slice(0, chosen.start) + chosen.changed + text.slice(chosen.end),
    edits: [
      {
        kind: 'negation',
        at: chosen.start,
        before: chosen.text,
        after: chosen.changed,
        description: `negation ${direction === 'add' ? 'added' : 'removed'}: ${JSON.stringify(chosen.text)} -> ${JSON.stringify(chosen.changed)}`,
      },
    ],
  }
}

/**
 * Negation added or removed (CheckList's negation DIR and MFT tests), written by compromise's
 * `sentences().toNegative()` / `toPositive()` (removal falls back to dropping the first `not` / `n't` after an
 * auxiliary where compromise's main verb is not the negated one: `he is not happy` -> `he is happy`): one sentence of the text, drawn uniformly among those compromise can
 * rewrite, is negated (`The mic is great.` -> `The mic is not great.`, `This phone works great!` -> `This phone does
 * not work great!`) or has its negation removed. The rewrite is grammatical on plain clauses and less so on long,
 * informal ones; check the counterexamples, or use template sentences. Texts with no such sentence are unchanged.
 *
 * @param constraints - direction
 * @returns a described arbitrary of text perturbations
 * @example
 * ```ts
 * const [negate] = fc.sample(negation(), { seed: 1, numRuns: 1 })
 * negate('The screen is bright.') // 'The screen is not bright.'
 * ```
 */
export function negation(constraints: NegationConstraints = {}): fc.Arbitrary<TextPerturbation> {
  const direction = constraints.direction ?? 'add'
  const arbitrary = editPlans(1, { minEdits: 1, maxEdits: 1 }, 'negation').map(([plan]) =>
    textPerturbation(direction === 'add' ? 'negation added' : 'negation removed', (text) => negate(text, plan?.site ?? 0, direction), 'negation'),
  )
  return describeArbitrary(
    arbitrary,
    `negation ${direction === 'add' ? 'added to' : 'removed from'} one sentence drawn uniformly among those compromise can rewrite`,
  )
}
