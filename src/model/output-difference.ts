import { describeOutputValue } from './describe-output-value.js'

/** One place where two outputs differ, with the values found there. */
export interface OutputPlace {
  /** Path from the output (`''`, `[2]`, `.label`); see `outputLeaves`. */
  readonly path: string
  /** The value in the reference output (`undefined` when it has none there). */
  readonly reference: unknown
  /** The value in the current output. */
  readonly current: unknown
}

/** How two outputs of a model differ, by what their values are. */
export interface OutputDifference {
  /**
   * Largest absolute difference between two numbers at the same place: 0 when there is none, NaN equal to NaN (a model
   * that answers NaN the same way every time is consistent; the range check is what rejects NaN), NaN against a number
   * Infinity.
   */
  readonly numeric: number
  /** Where that largest numeric difference is (when it is above 0). */
  readonly numericAt?: OutputPlace
  /**
   * The first place where the outputs differ in anything but the size of a number: a different string, boolean or
   * bigint (compared exactly), a different kind of value (`1` vs `1n` vs `'1'`), arrays of different lengths, a key
   * present in one record only. No tolerance applies to these.
   */
  readonly mismatch?: OutputPlace
}

/**
 * Compares two outputs by what they are: numbers by absolute difference, strings, booleans and bigints exactly, arrays
 * and typed arrays by length and element, records by key. `undefined` equals only `undefined` and `null` only `null`,
 * so whether an output is missing at all is a separate question (see `missingOutput`).
 *
 * @param reference - one output (the first answer, the answer to the base row)
 * @param current - the output to compare with it
 * @returns the largest numeric difference and the first non-numeric mismatch
 * @example
 * ```ts
 * outputDifference([0.2, 0.8], [0.25, 0.75]).numeric // 0.05
 * outputDifference({ label: 'cat' }, { label: 'dog' }).mismatch // { path: '.label', reference: 'cat', current: 'dog' }
 * outputDifference([1, 2], [1, 2, 3]).mismatch // { path: '', reference: [1, 2], current: [1, 2, 3] }
 * ```
 */
export function outputDifference(reference: unknown, current: unknown): OutputDifference {
  const state: { numeric: number; numericAt?: OutputPlace; mismatch?: OutputPlace } = { numeric: 0 }
  compare(reference, current, '', state)
  return state
}

/**
 * True when two outputs count as different: any non-numeric mismatch, or a numeric difference above `tolerance`.
 *
 * @param difference - from {@link outputDifference}
 * @param tolerance - largest absolute difference between numbers that still counts as equal
 * @example
 * ```ts
 * outputsDiffer(outputDifference([0.5], [0.5000001]), 1e-6) // false
 * outputsDiffer(outputDifference('cat', 'dog'), 1) // true: strings have no tolerance
 * ```
 */
export function outputsDiffer(difference: OutputDifference, tolerance: number): boolean {
  return difference.mismatch !== undefined || difference.numeric > tolerance
}

/**
 * Describes a place where two outputs differ, with both values as they are.
 *
 * @param place - a mismatch (or the numeric maximum) of an {@link OutputDifference}
 * @returns for example `output.label 'cat' vs 'dog'`, or `output [1, 2] vs [1, 2, 3] (2 vs 3 values)`
 * @example
 * ```ts
 * describeOutputPlace({ path: '', reference: 'cat', current: 'dog' }) // "output 'cat' vs 'dog'"
 * ```
 */
export function describeOutputPlace(place: OutputPlace): string {
  const { reference, current } = place
  const lengths = isSequence(reference) && isSequence(current) ? ` (${reference.length} vs ${current.length} values)` : ''
  return `output${place.path} ${describeOutputValue(reference)} vs ${describeOutputValue(current)}${lengths}`
}

function isSequence(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView))
}

function compare(reference: unknown, current: unknown, path: string, state: { numeric: number; numericAt?: OutputPlace; mismatch?: OutputPlace }): void {
  if (typeof reference === 'number' && typeof current === 'number') {
    if (Number.isNaN(reference) && Number.isNaN(current)) return
    const difference = Math.abs(reference - current)
    const size = Number.isNaN(difference) ? Number.POSITIVE_INFINITY : difference
    if (size > state.numeric) {
      state.numeric = size
      state.numericAt = { path, reference, current }
    }
    return
  }
  const mismatch = (): void => {
    state.mismatch ??= { path, reference, current }
  }
  if (isSequence(reference) || isSequence(current)) {
    if (!isSequence(reference) || !isSequence(current) || reference.length !== current.length) {
      mismatch()
      return
    }
    for (let index = 0; index < reference.length; index++) compare(reference[index], current[index], `${path}[${index}]`, state)
    return
  }
  const referenceIsRecord = typeof reference === 'object' && reference !== null
  const currentIsRecord = typeof current === 'object' && current !== null
  if (referenceIsRecord || currentIsRecord) {
    if (!referenceIsRecord || !currentIsRecord) {
      mismatch()
      return
    }
    const left = reference as Record<string, unknown>
    const right = current as Record<string, unknown>
    for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) compare(left[key], right[key], `${path}.${key}`, state)
    return
  }
  if (reference !== current) mismatch()
}
