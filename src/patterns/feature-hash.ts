import { createHash } from 'node:crypto'
import { canonicalJson } from '../evaluation/row-hash.js'

/**
 * SHA-256 (hex) of the canonical JSON of a row: the feature hash in prediction logs and the default cache key, so
 * the same features always map to the same entry and different features (almost surely) never do.
 *
 * @param row - one model input
 * @returns 64 hex characters
 * @example
 * ```ts
 * featureHash([39.1, 18.7, 181, 3750, 2]) === featureHash(new Float32Array([39.1, 18.7, 181, 3750, 2])) // false: float32 rounds
 * featureHash({ a: 1, b: 2 }) === featureHash({ b: 2, a: 1 }) // true
 * ```
 */
export function featureHash(row: unknown): string {
  return createHash('sha256').update(canonicalJson(row)).digest('hex')
}
