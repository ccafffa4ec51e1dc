/**
 * The word tokens of a text for drift statistics: lower-cased runs of letters, digits and apostrophes (`Don't` ->
 * `don't`, `4G` -> `4g`). Punctuation and whitespace separate tokens and are not tokens.
 *
 * @param text - the text (null and undefined give no tokens)
 * @returns the tokens in order
 * @example
 * ```ts
 * textTokens("Don't buy it: 2 stars!") // ["don't", 'buy', 'it', '2', 'stars']
 * ```
 */
export function textTokens(text: string | null | undefined): string[] {
  if (typeof text !== 'string') return []
  return (
    text
      .toLowerCase()
      .match(/[\p{L}\p{N}']+/gu)
      ?.filter((token) => /[\p{L}\p{N}]/u.test(token)) ?? []
  )
}
