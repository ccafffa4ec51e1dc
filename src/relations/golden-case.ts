import { describeOutputValue } from '../model/describe-output-value.js'
import { missingOutput } from '../model/missing-output.js'
import { type OutputLabel, outputLabel } from '../model/output-label.js'
import { outputLeaves } from '../model/output-leaves.js'
import type { Violation } from '../properties/case-probe.js'
import { outputNumberAt } from './output-selector.js'

/**
 * One golden case (CheckList's minimum functionality test): an input and what the model must answer: a `label`, a
 * `value` (with `tolerance`), a range (`min` and/or `max`), or several of them (`label` with `min`: the right class
 * with at least that score). Every expectation given must hold.
 */
export interface GoldenCase<I = unknown> {
  /** Shown in failures. @defaultValue `case <index>` */
  readonly name?: string
  readonly input: I
  /** Expected class: an index, or a name (from `classes`, or a string label the model returns). Compared with the model's predicted class. */
  readonly label?: number | string
  /** Expected output number (at `output`), or the whole output's numbers. */
  readonly value?: number | readonly number[]
  /** Allowed absolute difference for `value`. @defaultValue the check's tolerance */
  readonly tolerance?: number
  /** Lower bound for the output number (at `output`). */
  readonly min?: number
  /** Upper bound for the output number (at `output`). */
  readonly max?: number
}

/** How outputs are read when judging golden cases. */
export interface GoldenJudgeOptions {
  /** Class names, in output order, for labels given by name. */
  readonly classes?: readonly string[]
  /** Index of the output number compared with `value`, `min` and `max`. */
  readonly output: number
  /** Default tolerance for `value`. */
  readonly tolerance: number
  /** Public name for errors. @defaultValue 'toPassGoldenCases' */
  readonly source?: string
}

/**
 * Judges one golden case against the model's output, read as what it is: the predicted class is the model's own label
 * (a string label, or the argmax of a row of numbers, named through `classes`), numbers are read at `output`. A missing
 * or empty output fails the case; a string where a number is expected (`value`, `min`, `max`) is a misuse and throws.
 *
 * @param goldenCase - the case
 * @param output - the model's output for its input
 * @param options - classes, output index, default tolerance, public name for errors
 * @returns the violation, or `undefined` when the case passes
 * @example
 * ```ts
 * judgeGoldenCase({ input: row, label: 'Gentoo' }, [0.9, 0.05, 0.05], { classes: ['Adelie', 'Chinstrap', 'Gentoo'], output: 0, tolerance: 0 })
 * // { reason: 'wrong-label', detail: 'expected label Gentoo, got Adelie' }
 * judgeGoldenCase({ input: row, label: 'Gentoo' }, 'Adelie', { output: 0, tolerance: 0 }) // { reason: 'wrong-label', detail: "expected label Gentoo, got 'Adelie'" }
 * ```
 */
export function judgeGoldenCase(goldenCase: GoldenCase, output: unknown, options: GoldenJudgeOptions): Violation | undefined {
  const source = options.source ?? 'toPassGoldenCases'
  const missing = missingOutput(output)
  if (missing !== undefined) return { reason: 'missing-output', detail: `the output is ${missing}` }
  if (goldenCase.label !== undefined) {
    const predicted = outputLabel(output)
    if (predicted === undefined)
      return { reason: 'wrong-label', detail: `expected label ${String(goldenCase.label)}, got no label (${describeOutputValue(output)})` }
    if (!sameLabel(predicted, goldenCase.label, options.classes)) {
      const shown =
        typeof predicted === 'number' && options.classes?.[predicted] !== undefined ? (options.classes[predicted] as string) : describeOutputValue(predicted)
      return { reason: 'wrong-label', detail: `expected label ${String(goldenCase.label)}, got ${shown}` }
    }
  }
  const tolerance = goldenCase.tolerance ?? options.tolerance
  if (goldenCase.value !== undefined) {
    if (typeof goldenCase.value === 'number') {
      const actual = outputNumberAt(output, options.output, source)
      if (actual === undefined)
        return { reason: 'missing-output', detail: `the output has no value at output[${options.output}]: ${describeOutputValue(output)}` }
      const difference = Math.abs(actual - goldenCase.value)
      if (!(difference <= tolerance))
        return { reason: 'wrong-value', detail: `expected ${goldenCase.value} +- ${tolerance}, got ${actual} (off by ${difference})` }
    } else {
      const expected = goldenCase.value
      const actual = outputLeaves(output).map((leaf) => leaf.value)
      const worst = actual.length !== expected.length ? Number.POSITIVE_INFINITY : Math.max(0, ...expected.map((value, j) => numericDistance(actual[j], value)))
      if (!(worst <= tolerance))
        return { reason: 'wrong-value', detail: `expected [${expected.join(', ')}] +- ${tolerance}, got ${describeOutputValue(output, expected.length + 1)}` }
    }
  }
  const { min, max } = goldenCase
  if (min === undefined && max === undefined) return undefined
  const actual = outputNumberAt(output, options.output, source)
  if (actual === undefined || !Number.isFinite(actual) || (min !== undefined && actual < min) || (max !== undefined && actual > max)) {
    return {
      reason: 'out-of-range',
      detail: `expected output[${options.output}] in [${min ?? '-Infinity'}, ${max ?? 'Infinity'}], got ${actual ?? describeOutputValue(output)}`,
    }
  }
  return undefined
}

/** Whether a predicted label is the expected one, directly or through `classes` (index on one side, name on the other). */
function sameLabel(predicted: OutputLabel, expected: number | string, classes: readonly string[] | undefined): boolean {
  if (predicted === expected) return true
  if (classes === undefined) return false
  if (typeof predicted === 'number' && typeof expected === 'string') return classes[predicted] === expected
  if (typeof predicted === 'string' && typeof expected === 'number') return classes[expected] === predicted
  return false
}

/** |actual - expected| for a number (or bigint / boolean) value; Infinity for anything else. */
function numericDistance(actual: unknown, expected: number): number {
  const value = typeof actual === 'bigint' ? Number(actual) : typeof actual === 'boolean' ? Number(actual) : actual
  return typeof value === 'number' ? Math.abs(value - expected) : Number.POSITIVE_INFINITY
}
