/** One value of a model output and where it sits: `''` for a scalar output, `[2]`, `.label`, `.probabilities[1]`. */
export interface OutputLeaf {
  /** Path from the output to the value, appended to `output` in messages (`output.probabilities[1]`). */
  readonly path: string
  /** The value: a number, string, boolean, bigint, or the `null` / `undefined` of a hole. */
  readonly value: unknown
}

/**
 * Lists the values of a model output in a stable order (arrays and typed arrays by index, records by key in insertion
 * order), keeping each value as it is: a string stays a string, a bigint a bigint. Position `k` in this list is what
 * `output: k` selects, and it matches the k-th number of {@link outputNumbers} for the same output.
 *
 * @param output - one model output
 * @returns its values with their paths (empty for an empty array or record)
 * @example
 * ```ts
 * outputLeaves({ label: 'cat', scores: [0.1, 0.9] })
 * // [{ path: '.label', value: 'cat' }, { path: '.scores[0]', value: 0.1 }, { path: '.scores[1]', value: 0.9 }]
 * ```
 */
export function outputLeaves(output: unknown): OutputLeaf[] {
  const leaves: OutputLeaf[] = []
  collect(output, '', leaves)
  return leaves
}

function collect(value: unknown, path: string, into: OutputLeaf[]): void {
  if (Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView))) {
    const items = value as ArrayLike<unknown>
    for (let index = 0; index < items.length; index++) collect(items[index], `${path}[${index}]`, into)
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) collect(item, `${path}.${key}`, into)
  } else {
    into.push({ path, value })
  }
}
