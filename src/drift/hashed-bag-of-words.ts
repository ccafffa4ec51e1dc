import { textTokens } from './text-tokens.js'

/**
 * A bag-of-words vector of a text by the hashing trick: each token (and each pair of neighbouring tokens) adds 1 to
 * the coordinate its FNV-1a hash picks among `dimensions`, and the vector is scaled to unit length. The default
 * representation the text domain classifier works on when no embedding function is given.
 *
 * @param text - the text
 * @param dimensions - vector length @defaultValue 1024
 * @returns the unit vector (all zeros for a text without tokens)
 * @example
 * ```ts
 * hashedBagOfWords('good phone', 8) // 8 numbers, unit length
 * ```
 */
export function hashedBagOfWords(text: string | null, dimensions = 1024): Float64Array {
  const vector = new Float64Array(dimensions)
  const tokens = textTokens(text)
  const features = [...tokens, ...tokens.slice(1).map((token, index) => `${tokens[index] as string} ${token}`)]
  for (const feature of features) vector[fnv1a(feature) % dimensions]! += 1
  let norm = 0
  for (const value of vector) norm += value * value
  if (norm > 0) for (let i = 0; i < dimensions; i++) vector[i] = (vector[i] as number) / Math.sqrt(norm)
  return vector
}

/** 32-bit FNV-1a hash of a string's UTF-16 code units. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}
