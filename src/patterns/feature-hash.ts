import { createHash } from 'node:crypto'

/**
 * Canonical JSON of a model input or output: object keys sorted, typed arrays as arrays, bigints as decimal strings
 * with an `n` suffix, non-finite numbers as strings. Two rows that mean the same thing give the same text, whatever
 * the key order or array type they were built with.
 *
 * @param value - a row, an output
 * @returns the canonical JSON text
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: new Float32Array([0.5]) }) // '{"a":[0.5],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value)) ?? 'null'
}

function canonical(value: unknown): unknown {
  if (typeof value === 'bigint') return `${value}n`
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value)
  if (typeof value !== 'object' || value === null) return typeof value === 'function' || typeof value === 'symbol' ? null : value
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number | bigint>, canonical)
  if (Array.isArray(value)) return value.map(canonical)
  if (value instanceof Date) return value.toISOString()
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[key]
    if (item !== undefined) out[key] = canonical(item)
  }
  return out
}

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
