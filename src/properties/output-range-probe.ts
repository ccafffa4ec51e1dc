import { describeOutputValue } from '../model/describe-output-value.js'
import { missingOutput } from '../model/missing-output.js'
import { outputLeaves } from '../model/output-leaves.js'
import { VitestMlError } from '../util/errors.js'
import type { CaseProbe, Violation } from './case-probe.js'

/** Bounds every output number must respect; either bound may be left out (but outputs must always be finite). */
export interface NumericRange {
  readonly min?: number
  readonly max?: number
}

/** Each output row is a probability distribution: values in [0, 1] summing to 1 within `tolerance`. */
export interface ProbabilityRange {
  readonly probabilities: true
  /** Allowed |sum - 1|. @defaultValue 1e-4 (float32 softmax rounding) */
  readonly tolerance?: number
}

/** What {@link outputRangeProbe} checks. */
export type OutputRange = NumericRange | ProbabilityRange

/**
 * Describes a range for messages: `[0, 1]`, `>= 0`, or `probability rows (sum 1 +- 0.0001)`.
 *
 * @param range - the range
 */
export function describeRange(range: OutputRange): string {
  if ('probabilities' in range) return `probability rows (each in [0, 1], sum 1 +- ${range.tolerance ?? 1e-4})`
  if (range.min !== undefined && range.max !== undefined) return `[${range.min}, ${range.max}]`
  if (range.min !== undefined) return `>= ${range.min}`
  if (range.max !== undefined) return `<= ${range.max}`
  return 'finite numbers'
}

function validate(range: OutputRange, source: string): void {
  if (typeof range !== 'object' || range === null) {
    throw new VitestMlError(source, '`{ min, max }` or `{ probabilities: true }`', String(range), 'Pass bounds such as `{ min: 0, max: 1 }`.')
  }
  if ('probabilities' in range) {
    const tolerance = range.tolerance ?? 1e-4
    if (!(tolerance >= 0))
      throw new VitestMlError(
        source,
        'a sum `tolerance` >= 0',
        String(tolerance),
        'Pass how far a row may sum from 1, for example `{ probabilities: true, tolerance: 1e-4 }`.',
      )
    return
  }
  const { min, max } = range
  if ((min !== undefined && Number.isNaN(min)) || (max !== undefined && Number.isNaN(max)) || (min !== undefined && max !== undefined && min > max)) {
    throw new VitestMlError(source, 'bounds with min <= max', `min ${min}, max ${max}`, 'Swap or fix the bounds.')
  }
}

/**
 * A probe that predicts each case once and requires every output value to be a finite number within `range` (or, with
 * `{ probabilities: true }`, each output row to be a probability distribution). Bigints and booleans count as their
 * numbers; a string, a `null` or `undefined` value, and a missing or empty output are violations that show the value.
 *
 * @param range - numeric bounds or probability rows
 * @param source - public name for errors @defaultValue 'toProduceOutputsInRange'
 * @returns the probe for the batched property engine
 * @example
 * ```ts
 * outputRangeProbe({ min: 0, max: 1 }).judge(row, [[1.2]]) // { reason: 'above-max', detail: 'output[0] = 1.2 > max 1' }
 * outputRangeProbe({ min: 0, max: 1 }).judge(row, ['cat']) // { reason: 'not-a-number', detail: "output[0] = 'cat' is not a number" }
 * outputRangeProbe({ min: 0, max: 1 }).judge(row, [{}]) // { reason: 'empty-output', detail: 'the output is empty ({})' }
 * ```
 */
export function outputRangeProbe<I>(range: OutputRange, source = 'toProduceOutputsInRange'): CaseProbe<I, I, unknown> {
  validate(range, source)
  return {
    inputsOf: (row) => [row],
    // Plain number rows (the common case) are judged as they are; anything else is read value by value first.
    judge: (_row, [output]) => (isNumberRow(output) ? judgeOutput(output, range) : judgeValues(output, range)),
  }
}

/** Reads an output that is not a plain number row: missing and non-numeric values are violations, the rest numbers. */
function judgeValues(output: unknown, range: OutputRange): Violation | undefined {
  const missing = missingOutput(output)
  if (missing !== undefined) return { reason: output === undefined || output === null ? 'missing-output' : 'empty-output', detail: `the output is ${missing}` }
  const leaves = outputLeaves(output)
  const values: number[] = []
  for (let j = 0; j < leaves.length; j++) {
    const value = (leaves[j] as { value: unknown }).value
    if (typeof value === 'number') values.push(value)
    else if (typeof value === 'bigint') values.push(Number(value))
    else if (typeof value === 'boolean') values.push(value ? 1 : 0)
    else return { reason: 'not-a-number', detail: `output[${j}] = ${describeOutputValue(value)} is not a number` }
  }
  return judgeOutput(values, range)
}

function judgeOutput(values: readonly number[], range: OutputRange): Violation | undefined {
  if (values.length === 0) return { reason: 'empty-output', detail: 'the output is empty ([])' }
  for (let j = 0; j < values.length; j++) {
    const value = values[j] as number
    if (!Number.isFinite(value)) return { reason: 'not-finite', detail: `output[${j}] = ${value} is not finite` }
  }
  if ('probabilities' in range) {
    const tolerance = range.tolerance ?? 1e-4
    const outside = values.findIndex((value) => value < 0 || value > 1)
    if (outside >= 0) return { reason: 'not-a-probability', detail: `output[${outside}] = ${values[outside]} is outside [0, 1]` }
    const sum = values.reduce((total, value) => total + value, 0)
    if (values.length > 1 && Math.abs(sum - 1) > tolerance) return { reason: 'sum-not-one', detail: `the row sums to ${sum}, not 1 +- ${tolerance}` }
    return undefined
  }
  for (let j = 0; j < values.length; j++) {
    const value = values[j] as number
    if (range.min !== undefined && value < range.min) return { reason: 'below-min', detail: `output[${j}] = ${value} < min ${range.min}` }
    if (range.max !== undefined && value > range.max) return { reason: 'above-max', detail: `output[${j}] = ${value} > max ${range.max}` }
  }
  return undefined
}

function isNumberRow(output: unknown): output is readonly number[] {
  if (!Array.isArray(output)) return false
  for (const value of output) if (typeof value !== 'number') return false
  return true
}
