import { VitestMlError } from '../util/errors.js'

/** A class label or a regression target: what a metric compares predictions against. */
export type Label = number | string

/**
 * Turns a raw label (number, string, bigint, boolean) into a {@link Label}; rejects anything else, NaN included.
 *
 * @param source - public name to blame in the error
 * @param value - the raw label
 * @param index - its position, for the error message
 * @returns the label (bigints become numbers, booleans 0/1)
 * @example
 * ```ts
 * normalizeLabel('accuracy', 2n, 0) // 2
 * normalizeLabel('accuracy', 'Adelie', 0) // 'Adelie'
 * ```
 */
export function normalizeLabel(source: string, value: unknown, index: number): Label {
  if (typeof value === 'string') return value
  if (typeof value === 'bigint') return Number(value)
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'number' && Number.isFinite(value)) return value
  throw new VitestMlError(
    source,
    'finite numbers, strings or bigints as labels',
    `${describeValue(value)} at index ${index}`,
    'Drop or impute rows with missing labels before evaluating.',
  )
}

/**
 * Sorted distinct labels of one or more label lists, in scikit-learn's order (numbers ascending, then strings).
 *
 * @param groups - label lists (for example the true and the predicted labels)
 * @returns the distinct labels, sorted
 * @example
 * ```ts
 * sortedLabels([2, 0], [1, 2]) // [0, 1, 2]
 * ```
 */
export function sortedLabels(...groups: readonly (readonly Label[])[]): Label[] {
  const seen = new Set<Label>()
  for (const group of groups) for (const label of group) seen.add(label)
  return [...seen].sort(compareLabels)
}

/**
 * Orders labels: numbers ascending before strings, strings by code unit (as `numpy.unique` does).
 *
 * @param left - first label
 * @param right - second label
 * @returns negative, zero or positive
 * @example
 * ```ts
 * [3, 'b', 1, 'a'].sort(compareLabels) // [1, 3, 'a', 'b']
 * ```
 */
export function compareLabels(left: Label, right: Label): number {
  if (typeof left === 'number' && typeof right === 'number') return left - right
  if (typeof left === 'number') return -1
  if (typeof right === 'number') return 1
  return left < right ? -1 : left > right ? 1 : 0
}

/**
 * Throws unless both lists are non-empty and of the same length.
 *
 * @param source - public name to blame
 * @param expectedName - what the first list is (`"labels"`)
 * @param expected - the first list
 * @param otherName - what the second list is (`"predictions"`)
 * @param other - the second list
 * @example
 * ```ts
 * assertPaired('accuracy', 'labels', [0, 1], 'predictions', [0]) // throws: expected 2 predictions, received 1
 * ```
 */
export function assertPaired(source: string, expectedName: string, expected: ArrayLike<unknown>, otherName: string, other: ArrayLike<unknown>): void {
  if (expected.length === 0) {
    throw new VitestMlError(source, `at least 1 value in ${expectedName}`, '0', 'Pass a non-empty evaluation set.')
  }
  if (expected.length !== other.length) {
    throw new VitestMlError(
      source,
      `${expected.length} ${otherName} (one per entry of ${expectedName})`,
      `${other.length}`,
      `Check that ${otherName} and ${expectedName} come from the same rows, in the same order.`,
    )
  }
}

/**
 * Throws unless every value is a finite number.
 *
 * @param source - public name to blame
 * @param name - what the values are (`"scores"`)
 * @param values - the values
 * @example
 * ```ts
 * assertFinite('rocAuc', 'scores', [0.2, NaN]) // throws: expected finite scores, received NaN at index 1
 * ```
 */
export function assertFinite(source: string, name: string, values: ArrayLike<number>): void {
  for (let index = 0; index < values.length; index++) {
    const value = values[index]
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new VitestMlError(source, `finite ${name}`, `${describeValue(value)} at index ${index}`, `Fix the model or data that produced non-finite ${name}.`)
    }
  }
}

/**
 * Short description of a value for error messages.
 *
 * @param value - anything
 * @returns a phrase such as `NaN`, `undefined` or `an object`
 * @example
 * ```ts
 * describeValue(NaN) // 'NaN'
 * ```
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value)
  if (typeof value === 'string') return JSON.stringify(value)
  if (value === null || value === undefined) return String(value)
  return Array.isArray(value) ? `an array of ${value.length}` : typeof value === 'object' ? 'an object' : `a ${typeof value}`
}
