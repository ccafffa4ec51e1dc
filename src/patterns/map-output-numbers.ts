/**
 * Copies a model output with every number replaced by `fn(number)`, keeping its shape: numbers, arrays, typed arrays
 * (same type; bigint arrays are left as they are), bigints (mapped through Number and back when `fn` keeps integers)
 * and records of named outputs. Used to corrupt outputs (NaN) and to simulate a model update (shifted outputs).
 *
 * @param output - one model output
 * @param fn - what to do with each number
 * @returns the mapped copy
 * @example
 * ```ts
 * mapOutputNumbers({ probabilities: [0.2, 0.8], label: 1 }, () => Number.NaN) // { probabilities: [NaN, NaN], label: NaN }
 * ```
 */
export function mapOutputNumbers<O>(output: O, fn: (value: number) => number): O {
  return visit(output, fn) as O
}

function visit(value: unknown, fn: (value: number) => number): unknown {
  if (typeof value === 'number') return fn(value)
  if (typeof value === 'bigint') {
    const mapped = fn(Number(value))
    return Number.isInteger(mapped) ? BigInt(mapped) : mapped
  }
  if (Array.isArray(value)) return value.map((item) => visit(item, fn))
  if (value instanceof Float32Array || value instanceof Float64Array) return value.map(fn)
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number | bigint>, (item) => visit(item, fn))
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, visit(item, fn)]))
  }
  return value
}
