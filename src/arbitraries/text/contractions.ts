import type fc from 'fast-check'
import { describeArbitrary } from '../../util/described-arbitrary.js'
import type { EditPlan } from './edit-plans.js'
import { countPhrase, type EditCountConstraints, editCounts, editPlans } from './edit-plans.js'
import { lexiconFile } from './lexicon.js'
import { spanStep } from './span-step.js'
import { type EntitySpan, findContractions } from './text-entities.js'
import { applySteps, matchCase, type TextChange, type TextPerturbation, textPerturbation } from './text-perturbation.js'

/** Constraints of {@link contractions}. */
export interface ContractionsConstraints extends EditCountConstraints {
  /** `expand` (`don't` -> `do not`), `contract` (`do not` -> `don't`) or `both` (equally likely, each falling back to the other). @defaultValue 'both' */
  readonly direction?: 'expand' | 'contract' | 'both'
}

let table: readonly (readonly [RegExp, string])[] | undefined

function contractionTable(): readonly (readonly [RegExp, string])[] {
  table ??= Object.entries(lexiconFile('contractions.json')['contract'] as Record<string, string>).map(
    ([phrase, short]) =>
      // Not before the end of a clause: "I know what it is." must not become "what it's."
      [new RegExp(`(?<![\\p{L}'])${phrase.replace(/ /g, '\\s+')}(?=\\s+[\\p{L}\\p{N}"'(])`, 'giu'), short] as const,
  )
  return table
}

/** The phrases of the text a contraction can replace, in text order. */
function contractible(text: string): (EntitySpan & { readonly short: string })[] {
  const found: (EntitySpan & { readonly short: string })[] = []
  for (const [pattern, short] of contractionTable()) {
    for (const match of text.matchAll(pattern)) {
      const phrase = match[0]
      found.push({
        start: match.index,
        end: match.index + phrase.length,
        text: phrase,
        type: 'expanded',
        short: short === "I'm" || short.startsWith("I'") ? short : matchCase(short, phrase),
      })
    }
  }
  return found.sort((left, right) => left.start - right.start)
}

function step(text: string, plan: EditPlan, directions: readonly ('expand' | 'contract')[]): TextChange {
  for (let attempt = 0; attempt < directions.length; attempt++) {
    const direction = directions[(plan.kind + attempt) % directions.length]
    const change =
      direction === 'expand'
        ? spanStep(text, findContractions(text), plan, { kind: 'contraction', replace: (span) => (span as EntitySpan & { expansion: string }).expansion })
        : spanStep(text, contractible(text), plan, { kind: 'contraction', replace: (span) => (span as EntitySpan & { short: string }).short })
    if (change.edits.length > 0) return change
  }
  return { text, edits: [] }
}

/**
 * Contractions expanded or contracted (CheckList's "contractions" INV test): each edit picks one site uniformly and
 * expands it (compromise finds the contractions and resolves `'s` / `'d` from context: `he's been` -> `he has been`)
 * or contracts it (from the shipped table of unambiguous contractions, never at the end of a clause). Texts with no
 * site are left unchanged. Shrinks toward one change of the first site.
 *
 * @param constraints - edit counts and direction
 * @returns a described arbitrary of text perturbations
 * @example
 * ```ts
 * const [change] = fc.sample(contractions({ direction: 'expand' }), { seed: 1, numRuns: 1 })
 * change("I don't like it") // 'I do not like it'
 * ```
 */
export function contractions(constraints: ContractionsConstraints = {}): fc.Arbitrary<TextPerturbation> {
  const counts = editCounts(constraints, 'contractions')
  const direction = constraints.direction ?? 'both'
  const directions = direction === 'both' ? (['expand', 'contract'] as const) : ([direction] as const)
  const arbitrary = editPlans(directions.length, counts, 'contractions').map((steps) =>
    textPerturbation(
      `${steps.length === 1 ? 'a contraction' : `${steps.length} contractions`} ${direction === 'both' ? 'changed' : `${direction}ed`}`,
      (text) =>
        applySteps(
          text,
          steps.map((plan) => (current: string) => step(current, plan, directions)),
        ),
      'contractions',
    ),
  )
  return describeArbitrary(
    arbitrary,
    `${countPhrase(counts.minEdits, counts.maxEdits, 'contraction change')}: a site drawn uniformly, ${direction === 'both' ? 'expanded or contracted (equally likely)' : `${direction}ed`}`,
  )
}
