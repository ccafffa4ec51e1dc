/** Options of {@link toJsonSafe}. */
export interface JsonSafeOptions {
  /** Arrays longer than this are cut, with a note of how many values there were. @defaultValue 64 */
  readonly maxArrayLength?: number
}

/**
 * Makes any value safe to store in a report: bigints become numbers (or strings past 2^53), typed arrays become arrays,
 * NaN and infinities become strings, long arrays are cut with a marker, functions and symbols are dropped.
 *
 * @param value - a counterexample, an output, a row
 * @param options - cut-off for long arrays
 * @returns a JSON-safe copy
 * @example
 * ```ts
 * toJsonSafe({ sr: 16000n, x: new Float32Array([0.5]), y: NaN }) // { sr: 16000, x: [0.5], y: 'NaN' }
 * ```
 */
export function toJsonSafe(value: unknown, options: JsonSafeOptions = {}): unknown {
  const limit = options.maxArrayLength ?? 64
  const seen = new WeakSet<object>()
  const visit = (item: unknown): unknown => {
    if (typeof item === 'bigint') return Number.isSafeInteger(Number(item)) ? Number(item) : item.toString()
    if (typeof item === 'number') return Number.isFinite(item) ? item : String(item)
    if (typeof item === 'function' || typeof item === 'symbol' || item === undefined) return undefined
    if (typeof item !== 'object' || item === null) return item
    if (seen.has(item)) return '[circular]'
    seen.add(item)
    if (ArrayBuffer.isView(item) && !(item instanceof DataView)) return visit(Array.from(item as unknown as ArrayLike<number>))
    if (Array.isArray(item)) {
      const head = item.slice(0, limit).map(visit)
      return item.length > limit ? [...head, `... ${item.length - limit} more (${item.length} values)`] : head
    }
    const out: Record<string, unknown> = {}
    for (const [key, entry] of Object.entries(item)) {
      const safe = visit(entry)
      if (safe !== undefined) out[key] = safe
    }
    return out
  }
  return visit(value)
}
