/**
 * Where a value would not come back equal from JSON (`JSON.parse(JSON.stringify(value))`), as a path such as
 * `value[2]` or `value.scores`, with the reason; `undefined` when it round-trips exactly. NaN and Infinity (which JSON
 * turns into null), typed arrays (which come back as objects), `undefined`, bigints, functions, symbols, holes in
 * arrays, and objects that are not plain (Date, Map, class instances) do not.
 *
 * @param value - a model output
 * @param path - name of the value in the message @defaultValue `'value'`
 * @returns the first place that does not survive JSON, or `undefined`
 * @example
 * ```ts
 * jsonMismatch([0.2, 0.8]) // undefined
 * jsonMismatch({ scores: [Number.NaN] }) // 'value.scores[0] is NaN (JSON writes null)'
 * jsonMismatch(new Float32Array([1])) // 'value is a Float32Array (JSON writes an object)'
 * ```
 */
export function jsonMismatch(value: unknown, path = 'value'): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined
    case 'number':
      return Number.isFinite(value) ? undefined : `${path} is ${String(value)} (JSON writes null)`
    case 'object': {
      if (value === null) return undefined
      if (Array.isArray(value)) {
        for (let index = 0; index < value.length; index++) {
          if (!(index in value)) return `${path}[${index}] is a hole (JSON writes null)`
          const problem = jsonMismatch(value[index], `${path}[${index}]`)
          if (problem !== undefined) return problem
        }
        return undefined
      }
      const prototype = Object.getPrototypeOf(value) as object | null
      if (prototype !== Object.prototype && prototype !== null)
        return `${path} is a ${value.constructor?.name ?? 'non-plain object'} (JSON writes ${ArrayBuffer.isView(value) ? 'an object' : 'something else'})`
      for (const [key, entry] of Object.entries(value)) {
        const problem = jsonMismatch(entry, `${path}.${key}`)
        if (problem !== undefined) return problem
      }
      return undefined
    }
    default:
      return `${path} is ${typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`} (JSON drops or refuses it)`
  }
}
