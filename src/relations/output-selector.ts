import { describeOutputValue } from '../model/describe-output-value.js'
import { missingOutput } from '../model/missing-output.js'
import { outputLeaves } from '../model/output-leaves.js'
import { outputNumbers } from '../model/output-numbers.js'
import { VitestMlError } from '../util/errors.js'

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
    if (!Number.isInteger(output) || output < 0)
      throw new VitestMlError(source, 'an `output` index >= 0', String(output), 'Pass the position of the output number, for example `output: 0`.')
    return output
  }
  const index = classes?.indexOf(output) ?? -1
  if (index < 0) {
    throw new VitestMlError(
      source,
      classes === undefined ? '`classes` to select an output by name' : `a class among [${classes.join(', ')}]`,
      JSON.stringify(output),
      'Pass `classes: [...]` in output order, or select the output by index.',
    )
  }
  return index
}

/**
 * The output number at `index`, or NaN when the output has no such number: for plots, where a gap is drawn as a gap.
 * Checks read outputs with {@link outputNumberAt}, which tells a missing output from a misused selector.
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
 * The number a relation watches in one output, read as what it is: a number as is, a bigint or boolean as its number.
 * A missing or empty output, or a hole (`null`, `undefined`) at that position, gives `undefined`, for the probe to
 * report as a failure of the model. Asking for a position the output does not have, or for a number where the output
 * has a string, is a misuse of the check and throws.
 *
 * @param output - one model output
 * @param index - position among the output's values (see `outputLeaves`)
 * @param source - public name for errors
 * @returns the number (possibly NaN, for the probe to judge), or `undefined` when the output has no value there
 * @throws VitestMlError when the output has no position `index`, or a string (or other non-number) there
 * @example
 * ```ts
 * outputNumberAt([0.1, 0.7, 0.2], 1, 'toBeMonotonicIn') // 0.7
 * outputNumberAt(undefined, 0, 'toBeMonotonicIn') // undefined
 * outputNumberAt(['cat'], 0, 'toBeMonotonicIn') // throws: toBeMonotonicIn: expected a number at output[0] ..., received 'cat' (a string).
 * ```
 */
export function outputNumberAt(output: unknown, index: number, source: string): number | undefined {
  if (Array.isArray(output)) {
    const value: unknown = output[index]
    if (typeof value === 'number') return value
  } else if (typeof output === 'number' && index === 0) return output
  if (missingOutput(output) !== undefined) return undefined
  const leaves = outputLeaves(output)
  const leaf = leaves[index]
  if (leaf === undefined) {
    throw new VitestMlError(
      source,
      `\`output: ${index}\` to select one of the output's values`,
      `an output with ${leaves.length} value${leaves.length === 1 ? '' : 's'}: ${describeOutputValue(output)}`,
      'Select a position the output has (0-based, counting its values in order), or pass `classes` and select the class by name.',
    )
  }
  const value = leaf.value
  if (typeof value === 'number') return value
  if (typeof value === 'bigint') return Number(value)
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value === null || value === undefined) return undefined
  throw new VitestMlError(
    source,
    `a number at output${leaf.path} (the output this check watches)`,
    `${describeOutputValue(value)} (a ${typeof value})`,
    "This check reads a number (a score, a probability) from every output: select a numeric output with `output`, or load the model's score output; to check labels, use toBeInvariantUnder(transform, { label: true }) or toPassGoldenCases.",
  )
}
