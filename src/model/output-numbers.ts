/**
 * Flattens a model output into its numbers, in a stable order: a number, a (nested) array or typed array, a bigint, or
 * a record of named outputs (keys in insertion order). Anything else (strings, null) becomes NaN. The checks do not
 * compare outputs through these numbers (a string would become a NaN equal to every other NaN): they read outputs as
 * what they are with `outputLeaves`, {@link outputDifference} and {@link outputLabel}.
 *
 * @param output - one model output
 * @returns its numbers
 * @example
 * ```ts
 * outputNumbers({ probabilities: [0.2, 0.8], label: 1n }) // [0.2, 0.8, 1]
 * ```
 */
export function outputNumbers(output: unknown): number[] {
  const numbers: number[] = []
  collect(output, numbers)
  return numbers
}

function collect(value: unknown, into: number[]): void {
  if (typeof value === 'number') into.push(value)
  else if (typeof value === 'bigint') into.push(Number(value))
  else if (typeof value === 'boolean') into.push(value ? 1 : 0)
  else if (Array.isArray(value)) for (const item of value) collect(item, into)
  else if (ArrayBuffer.isView(value) && !(value instanceof DataView))
    for (const item of Array.from(value as unknown as ArrayLike<number | bigint>)) collect(item, into)
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) collect(item, into)
  else into.push(Number.NaN)
}

/**
 * Picks one number out of an output: a number as is, a one-element array as its element, otherwise the element at
 * `index` (or the named output of a record, then its element).
 *
 * @param output - one model output
 * @param index - which element (array rows) or output name (records); defaults to the only element
 * @returns the number, or NaN when it does not exist
 * @example
 * ```ts
 * outputScalar([0.1, 0.7, 0.2], 1) // 0.7
 * outputScalar([21.5]) // 21.5
 * ```
 */
export function outputScalar(output: unknown, index?: number | string): number {
  if (typeof index === 'string' && typeof output === 'object' && output !== null && !Array.isArray(output) && !ArrayBuffer.isView(output)) {
    return outputScalar((output as Record<string, unknown>)[index])
  }
  const numbers = outputNumbers(output)
  if (index === undefined || typeof index === 'string') return numbers.length === 1 ? (numbers[0] as number) : Number.NaN
  return numbers[index] ?? Number.NaN
}
