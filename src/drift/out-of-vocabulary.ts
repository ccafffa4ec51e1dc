import { seededPermutation } from './seeded-split.js'
import { textTokens } from './text-tokens.js'

/** Per-text out-of-vocabulary shares of a held-out half of the reference and of the current texts. */
export interface OutOfVocabularyShares {
  /** Share of each held-out reference text's tokens missing from the vocabulary (texts without tokens left out). */
  readonly reference: Float64Array
  /** The same for each current text. */
  readonly current: Float64Array
  /** Distinct tokens of the vocabulary half. */
  readonly vocabularySize: number
}

/**
 * Out-of-vocabulary shares, measured fairly: the reference texts are split in two halves at random (seeded); the
 * vocabulary is every token of the first half; each text of the second half and each current text gets the share of
 * its tokens missing from it. New text from the reference's own distribution has some unseen words too (Zipf's law),
 * so comparing the current shares with the held-out half's — not with zero — is what tells a shift in vocabulary
 * (new products, another language, typos) from ordinary novelty.
 *
 * @param reference - reference texts
 * @param current - current texts
 * @param seed - seed of the split @defaultValue 1
 * @returns both samples of shares and the vocabulary size
 * @example
 * ```ts
 * outOfVocabularyShares(lastMonth, thisWeek).current // Float64Array of shares in [0, 1]
 * ```
 */
export function outOfVocabularyShares(reference: readonly (string | null)[], current: readonly (string | null)[], seed = 1): OutOfVocabularyShares {
  const order = seededPermutation(reference.length, `oov:${seed}`)
  const half = Math.ceil(reference.length / 2)
  const vocabulary = new Set<string>()
  for (const index of order.slice(0, half)) for (const token of textTokens(reference[index])) vocabulary.add(token)
  const shares = (texts: readonly (string | null)[]): Float64Array => {
    const values: number[] = []
    for (const text of texts) {
      const tokens = textTokens(text)
      if (tokens.length > 0) values.push(tokens.filter((token) => !vocabulary.has(token)).length / tokens.length)
    }
    return Float64Array.from(values)
  }
  return { reference: shares(order.slice(half).map((index) => reference[index] ?? null)), current: shares(current), vocabularySize: vocabulary.size }
}
