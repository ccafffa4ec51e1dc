import { describeOutputValue } from '../model/describe-output-value.js'
import { missingOutput } from '../model/missing-output.js'
import { outputLeaves } from '../model/output-leaves.js'

/**
 * Why a model answer cannot be served, or `undefined` when it can: it must have a value (not `undefined`, `null`,
 * `[]` or `{}`), no holes (`null` / `undefined` inside it), and every number in it finite. Labels are answers too: a
 * string, boolean or bigint is served as it is.
 *
 * @param output - one model output
 * @returns a phrase for messages (`NaN at output[1]`, `missing (undefined)`), or `undefined` for a usable answer
 * @example
 * ```ts
 * unusableOutput([0.2, Number.NaN]) // 'NaN at output[1]'
 * unusableOutput({}) // 'empty ({})'
 * unusableOutput('cat') // undefined
 * ```
 */
export function unusableOutput(output: unknown): string | undefined {
  const missing = missingOutput(output)
  if (missing !== undefined) return missing
  for (const { path, value } of outputLeaves(output)) {
    if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return `${describeOutputValue(value)} at output${path}`
  }
  return undefined
}

/**
 * The default validity test of a served answer (see {@link unusableOutput}): it has a value, no holes, and every
 * number in it is finite. A string label is a usable answer; NaN, Infinity, `undefined`, `[]` and `{}` are not.
 *
 * @param output - one model output
 * @returns whether the answer can be served
 * @example
 * ```ts
 * isUsableOutput([0.2, 0.8]) // true
 * isUsableOutput('cat') // true
 * isUsableOutput({ probabilities: [Number.NaN, Number.NaN], label: 0 }) // false
 * ```
 */
export function isUsableOutput(output: unknown): boolean {
  return unusableOutput(output) === undefined
}
