import type fc from 'fast-check'
import { describeArbitrary } from '../../util/described-arbitrary.js'
import { countPhrase, type EditCountConstraints, editCounts, editPlans } from './edit-plans.js'
import { lexicon } from './lexicon.js'
import { pickOther, spanStep } from './span-step.js'
import { findNames } from './text-entities.js'
import { applySteps, type TextPerturbation, textPerturbation } from './text-perturbation.js'

/** Constraints of {@link swapPeople}. */
export interface SwapPeopleConstraints extends EditCountConstraints {
  /** Female first names swapped in. @defaultValue the shipped `female` lexicon */
  readonly female?: readonly string[]
  /** Male first names swapped in. @defaultValue the shipped `male` lexicon */
  readonly male?: readonly string[]
  /** Last names swapped in. @defaultValue the shipped `last_name` lexicon */
  readonly last?: readonly string[]
}

/**
 * Swaps a person's name (CheckList's "change names" INV test): compromise finds the people in the text; each edit picks
 * one of their first or last names uniformly and replaces every mention of it by a name drawn uniformly from the
 * lexicon of the same kind (a female first name by a female one, a male by a male, a last name by a last name).
 * Texts without a person are left unchanged (`explain` lists no edit). Shrinks toward one swap of the first name with
 * the first entry of the lexicon.
 *
 * @param constraints - edit counts and the names to draw from
 * @returns a described arbitrary of text perturbations
 * @example
 * ```ts
 * const [swap] = fc.sample(swapPeople(), { seed: 1, numRuns: 1 })
 * swap('Maria said the phone is great.') // e.g. 'Aisha said the phone is great.'
 * ```
 */
export function swapPeople(constraints: SwapPeopleConstraints = {}): fc.Arbitrary<TextPerturbation> {
  const counts = editCounts(constraints, 'swapPeople')
  const female = constraints.female ?? lexicon('female')
  const male = constraints.male ?? lexicon('male')
  const last = constraints.last ?? lexicon('last_name')
  const pools: Readonly<Record<string, readonly string[]>> = { female, male, first: [...female, ...male], last }
  const arbitrary = editPlans(1, counts, 'swapPeople').map((steps) =>
    textPerturbation(
      `${steps.length === 1 ? 'a name' : `${steps.length} names`} swapped`,
      (text) =>
        applySteps(
          text,
          steps.map(
            (plan) => (current: string) =>
              spanStep(current, findNames(current), plan, {
                kind: 'person',
                everyOccurrence: true,
                replace: (span, choice) => pickOther(pools[span.type] ?? [], choice, span.text),
              }),
          ),
        ),
      'swapPeople',
    ),
  )
  return describeArbitrary(
    arbitrary,
    `${countPhrase(counts.minEdits, counts.maxEdits, 'name swap')}: a name compromise finds, drawn uniformly, replaced by one drawn uniformly from ${female.length} female / ${male.length} male first names or ${last.length} last names`,
  )
}
