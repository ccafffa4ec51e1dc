import { VitestMlError } from '../errors.js'
import { outputNumbers } from '../model/output-numbers.js'

/** Which output number a relation watches: an index into the output's numbers, or a class name (with `classes`). */
export type OutputSelector = number | string

/**
 * Resolves an {@link OutputSelector} to an index into the output numbers.
 *
 * @param output - index or class name @defaultValue 0
 * @param classes - class names, in output order, for selection by name
 * @param source - public name for errors
 * @returns the index
 * @example
 * ```ts
 * outputIndex('Gentoo', ['Adelie', 'Chinstrap', 'Gentoo'], 'toBeMonotonicIn') // 2
 * ```
 */
export function outputIndex(output: OutputSelector | undefined, classes: readonly string[] | undefined, source: string): number {
  if (output === undefined) return 0
  if (typeof output === 'number') {
    if (!Number.isInteger(output) || output < 0) throw new VitestMlError(source, 'an `output` index >= 0', String(output), 'Pass the position of the output number, for example `output: 0`.')
    return output
  }
  const index = classes?.indexOf(output) ?? -1
  if (index < 0) {
    throw new VitestMlError(source, classes === undefined ? '`classes` to select an output by name' : `a class among [${classes.join(', ')}]`, JSON.stringify(output), 'Pass `classes: [...]` in output order, or select the output by index.')
  }
  return index
}

/**
 * The output number at `index` (NaN when the output has no such number, so judges report it).
 *
 * @param output - one model output
 * @param index - position in its numbers
 * @example
 * ```ts
 * outputAt([0.1, 0.7, 0.2], 1) // 0.7
 * ```
 */
export function outputAt(output: unknown, index: number): number {
  if (index === 0 && typeof output === 'number') return output
  if (Array.isArray(output) || ArrayBuffer.isView(output)) {
    const value = (output as ArrayLike<unknown>)[index]
    if (typeof value === 'number') return value
  }
  return outputNumbers(output)[index] ?? Number.NaN
}

/**
 * The predicted class of an output: the argmax of its numbers (the first on ties), or the rounded value of a single
 * number (a label output).
 *
 * @param output - one model output (probabilities, logits, or a label)
 * @returns the class index, or -1 for an empty or non-finite output
 * @example
 * ```ts
 * argmaxLabel([0.1, 0.7, 0.2]) // 1
 * argmaxLabel(2) // 2
 * ```
 */
export function argmaxLabel(output: unknown): number {
  const values = outputNumbers(output)
  if (values.length === 1) return Number.isFinite(values[0]) ? Math.round(values[0] as number) : -1
  let best = -1
  for (let j = 0; j < values.length; j++) {
    const value = values[j] as number
    if (Number.isNaN(value)) return -1
    if (best < 0 || value > (values[best] as number)) best = j
  }
  return best
}
