import type fc from 'fast-check'
import { describeArbitrary } from '../../util/described-arbitrary.js'
import { VitestMlError } from '../../util/errors.js'
import { editPlans, siteIndex } from './edit-plans.js'
import { lexicon } from './lexicon.js'
import { findAdjectives } from './text-entities.js'
import { type TextPerturbation, textPerturbation } from './text-perturbation.js'

/** Constraints of {@link intensify}. */
export interface IntensifyConstraints {
  /** The words put before the adjective. @defaultValue the shipped `intensifier` lexicon (`very`, `really`, `extremely`, ...); `lexicon('reducer')` for `somewhat`, `slightly`, ... */
  readonly words?: readonly string[]
  /** Adjectives that may be modified; others are left alone. @defaultValue any adjective compromise finds */
  readonly adjectives?: readonly string[]
}

/**
 * An intensifier before an adjective (CheckList's intensifier DIR test): one adjective compromise finds that no
 * adverb modifies yet, drawn uniformly, gets a word drawn uniformly from `words` before it (`The screen is good.` ->
 * `The screen is extremely good.`). With `lexicon('reducer')` as `words` it softens instead. Texts without such an
 * adjective are unchanged. Shrinks toward the first adjective and the first word.
 *
 * @param constraints - the words and the adjectives
 * @returns a described arbitrary of text perturbations
 * @example
 * ```ts
 * const [stronger] = fc.sample(intensify(), { seed: 1, numRuns: 1 })
 * stronger('The camera is good.') // e.g. 'The camera is really good.'
 * ```
 */
export function intensify(constraints: IntensifyConstraints = {}): fc.Arbitrary<TextPerturbation> {
  const words = constraints.words ?? lexicon('intensifier')
  if (!Array.isArray(words) || words.length === 0 || words.some((word) => typeof word !== 'string' || word.trim() === '')) {
    throw new VitestMlError(
      'intensify',
      'a non-empty list of words',
      JSON.stringify(constraints.words),
      'Pass `words: ["very", "really"]`, or leave it out for the shipped intensifiers.',
    )
  }
  const allowed = constraints.adjectives === undefined ? undefined : new Set(constraints.adjectives.map((word) => word.toLowerCase()))
  const arbitrary = editPlans(1, { minEdits: 1, maxEdits: 1 }, 'intensify').map(([plan]) =>
    textPerturbation(
      `${constraints.words === undefined ? 'intensifier' : 'modifier'} added`,
      (text) => {
        const sites = findAdjectives(text).filter((site) => allowed === undefined || allowed.has(site.text.toLowerCase()))
        if (sites.length === 0 || plan === undefined) return { text, edits: [] }
        const site = sites[siteIndex(plan.site, sites.length)] as (typeof sites)[number]
        const word = words[siteIndex(plan.choice, words.length)] as string
        const after = `${word} ${site.text}`
        return {
          text: text.slice(0, site.start) + after + text.slice(site.end),
          edits: [
            {
              kind: 'intensifier',
              at: site.start,
              before: site.text,
              after,
              description: `intensifier: ${JSON.stringify(site.text)} -> ${JSON.stringify(after)}`,
            },
          ],
        }
      },
      'intensify',
    ),
  )
  return describeArbitrary(
    arbitrary,
    `one of ${words.length} words (drawn uniformly) put before an adjective drawn uniformly among those compromise finds${allowed === undefined ? '' : ` in a list of ${allowed.size}`}`,
  )
}
