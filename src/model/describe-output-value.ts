/**
 * Describes a model output (or a part of one) for a message, as what it is: strings quoted (`'cat'`), bigints with
 * their `n` (`2n`), numbers, booleans, `null` and `undefined` as written, arrays and typed arrays as a bracketed list
 * (long ones cut), records as `{ key: value }`. Two different outputs never read the same, so a message can say what
 * changed (`'cat'` vs `'dog'`, `1` vs `1n`, `[0.2, 0.8]` vs `[0.2, 0.8, 0]`).
 *
 * @param value - an output, or one of its values
 * @param maxItems - array items and record keys shown before the rest is summarised @defaultValue 6
 * @returns a short, one-line description
 * @example
 * ```ts
 * describeOutputValue('cat') // "'cat'"
 * describeOutputValue({ label: 2n, probabilities: new Float32Array([0.25, 0.75]) }) // '{ label: 2n, probabilities: [0.25, 0.75] }'
 * describeOutputValue({}) // '{}'
 * ```
 */
export function describeOutputValue(value: unknown, maxItems = 6): string {
  return describe(value, maxItems, 0)
}

function describe(value: unknown, maxItems: number, depth: number): string {
  if (typeof value === 'string') return `'${(value.length > 60 ? `${value.slice(0, 60)}…` : value).replace(/'/g, "\\'")}'`
  if (typeof value === 'bigint') return `${value}n`
  if (typeof value !== 'object' || value === null) return typeof value === 'function' ? 'a function' : String(value)
  if (Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView))) {
    const items = Array.from(value as ArrayLike<unknown>)
    if (depth >= 2 && items.length > 0) return `[${items.length} values]`
    const shown = items.slice(0, maxItems).map((item) => describe(item, maxItems, depth + 1))
    return `[${shown.join(', ')}${items.length > maxItems ? `, … ${items.length} values` : ''}]`
  }
  const entries = Object.entries(value)
  if (entries.length === 0) return '{}'
  if (depth >= 2) return `{${entries.length} keys}`
  const shown = entries.slice(0, maxItems).map(([key, item]) => `${key}: ${describe(item, maxItems, depth + 1)}`)
  return `{ ${shown.join(', ')}${entries.length > maxItems ? `, … ${entries.length} keys` : ''} }`
}
