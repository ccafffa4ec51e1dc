import type fc from 'fast-check'
import { describeArbitrary } from '../../util/described-arbitrary.js'
import { VitestMlError } from '../../util/errors.js'
import { countPhrase, type EditCountConstraints, editCounts, editPlans } from './edit-plans.js'
import { lexiconFile } from './lexicon.js'
import { pickOther, spanStep } from './span-step.js'
import type { EntitySpan } from './text-entities.js'
import { applySteps, matchCase, type TextPerturbation, textPerturbation } from './text-perturbation.js'

/** Constraints of {@link swapSynonyms}. */
export interface SwapSynonymsConstraints extends EditCountConstraints {
  /** Groups of interchangeable words (or short phrases). @defaultValue the shipped `lexicons/synonyms.json` (55 groups) */
  readonly groups?: readonly (readonly string[])[]
}

function synonymSites(text: string, groups: ReadonlyMap<string, readonly string[]>, pattern: RegExp): (EntitySpan & { readonly group: readonly string[] })[] {
  return [...text.matchAll(pattern)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    text: match[0],
    type: 'synonym',
    group: groups.get(match[0].toLowerCase()) ?? [],
  }))
}

/**
 * Synonym swaps (CheckList's synonym INV test): each edit picks, uniformly, one word of the text that belongs to a
 * group of the lexicon and replaces it by another member of its group drawn uniformly, keeping its case. The built-in
 * lexicon is small and hand-checked (one sense per group); pass `groups` for your domain. Texts with no such word are
 * unchanged. Shrinks toward one swap of the first such word.
 *
 * @param constraints - edit counts and synonym groups
 * @returns a described arbitrary of text perturbations
 * @example
 * ```ts
 * const [swap] = fc.sample(swapSynonyms(), { seed: 1, numRuns: 1 })
 * swap('The sound is great') // e.g. 'The audio is great' or 'The sound is superb'
 * ```
 */
export function swapSynonyms(constraints: SwapSynonymsConstraints = {}): fc.Arbitrary<TextPerturbation> {
  const counts = editCounts(constraints, 'swapSynonyms')
  const groups = constraints.groups ?? (lexiconFile('synonyms.json')['groups'] as string[][])
  if (!Array.isArray(groups) || groups.some((group) => !Array.isArray(group) || group.length < 2)) {
    throw new VitestMlError(
      'swapSynonyms',
      'groups of at least 2 interchangeable words',
      JSON.stringify(groups).slice(0, 120),
      'Pass `groups: [["good", "fine"], ["phone", "handset"]]`.',
    )
  }
  const byWord = new Map<string, readonly string[]>()
  for (const group of groups) for (const word of group) byWord.set(word.toLowerCase(), group)
  const words = [...byWord.keys()]
    .sort((left, right) => right.length - left.length)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}'])(?:${words.join('|')})(?![\\p{L}\\p{N}'])`, 'giu')
  const arbitrary = editPlans(1, counts, 'swapSynonyms').map((steps) =>
    textPerturbation(
      `${steps.length === 1 ? 'a synonym' : `${steps.length} synonyms`} swapped`,
      (text) =>
        applySteps(
          text,
          steps.map(
            (plan) => (current: string) =>
              spanStep(current, synonymSites(current, byWord, pattern), plan, {
                kind: 'synonym',
                replace: (span, choice) => {
                  const other = pickOther((span as EntitySpan & { group: readonly string[] }).group, choice, span.text)
                  return other === undefined ? undefined : matchCase(other, span.text)
                },
              }),
          ),
        ),
      'swapSynonyms',
    ),
  )
  return describeArbitrary(
    arbitrary,
    `${countPhrase(counts.minEdits, counts.maxEdits, 'synonym swap')}: a word of ${groups.length} synonym groups, drawn uniformly, replaced by another of its group drawn uniformly`,
  )
}
