import type fc from 'fast-check'
import { describeArbitrary } from '../../util/described-arbitrary.js'
import { countPhrase, type EditCountConstraints, editCounts, editPlans } from './edit-plans.js'
import { lexicon } from './lexicon.js'
import { pickOther, spanStep } from './span-step.js'
import { findPlaces } from './text-entities.js'
import { applySteps, type TextPerturbation, textPerturbation } from './text-perturbation.js'

/** Constraints of {@link swapPlaces}. */
export interface SwapPlacesConstraints extends EditCountConstraints {
  /** Cities swapped in. @defaultValue the shipped `city` lexicon */
  readonly cities?: readonly string[]
  /** Countries swapped in. @defaultValue the shipped `country` lexicon */
  readonly countries?: readonly string[]
}

/**
 * Swaps a place (CheckList's "change location" INV test): compromise finds the cities and countries in the text; each
 * edit picks one uniformly and replaces every mention of it by a city (for a city) or a country (for a country) drawn
 * uniformly from the lexicon. Texts without a place are left unchanged. Shrinks toward one swap of the first place
 * with the first entry of the lexicon.
 *
 * @param constraints - edit counts and the places to draw from
 * @returns a described arbitrary of text perturbations
 * @example
 * ```ts
 * const [swap] = fc.sample(swapPlaces(), { seed: 1, numRuns: 1 })
 * swap('Bought it in Paris.') // e.g. 'Bought it in Nairobi.'
 * ```
 */
export function swapPlaces(constraints: SwapPlacesConstraints = {}): fc.Arbitrary<TextPerturbation> {
  const counts = editCounts(constraints, 'swapPlaces')
  const cities = constraints.cities ?? lexicon('city')
  const countries = constraints.countries ?? lexicon('country')
  const arbitrary = editPlans(1, counts, 'swapPlaces').map((steps) =>
    textPerturbation(
      `${steps.length === 1 ? 'a place' : `${steps.length} places`} swapped`,
      (text) =>
        applySteps(
          text,
          steps.map(
            (plan) => (current: string) =>
              spanStep(current, findPlaces(current), plan, {
                kind: 'place',
                everyOccurrence: true,
                replace: (span, choice) => pickOther(span.type === 'country' ? countries : cities, choice, span.text),
              }),
          ),
        ),
      'swapPlaces',
    ),
  )
  return describeArbitrary(
    arbitrary,
    `${countPhrase(counts.minEdits, counts.maxEdits, 'place swap')}: a city or country compromise finds, drawn uniformly, replaced by one drawn uniformly from ${cities.length} cities or ${countries.length} countries`,
  )
}
