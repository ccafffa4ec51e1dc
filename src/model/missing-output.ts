import { describeOutputValue } from './describe-output-value.js'

/**
 * Says whether a model output is missing or empty: `undefined`, `null`, or an array, typed array or record with no
 * value in it (`[]`, `{}`, `{ label: undefined }`). Such an answer gives a check nothing to judge, so every check treats
 * it as a failure of the model (or, where a value is required to go on, as an error), never as a pass.
 *
 * @param output - one model output
 * @returns a phrase for messages (`missing (undefined)`, `empty ({})`), or `undefined` when the output has a value
 * @example
 * ```ts
 * missingOutput({}) // 'empty ({})'
 * missingOutput(undefined) // 'missing (undefined)'
 * missingOutput([0.2, 0.8]) // undefined
 * ```
 */
export function missingOutput(output: unknown): string | undefined {
  if (output === undefined || output === null) return `missing (${String(output)})`
  return hasValue(output) ? undefined : `empty (${describeOutputValue(output)})`
}

function hasValue(value: unknown): boolean {
  if (value === undefined || value === null) return false
  if (Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView))) {
    const items = value as ArrayLike<unknown>
    for (let index = 0; index < items.length; index++) if (hasValue(items[index])) return true
    return false
  }
  if (typeof value === 'object') return Object.values(value).some(hasValue)
  return true
}
