import type { Violation } from '../properties/case-probe.js'
import { argmaxLabel, outputAt } from './output-selector.js'
import { outputNumbers } from '../model/output-numbers.js'

/**
 * One golden case (CheckList's minimum functionality test): an input and what the model must answer: a `label`, a
 * `value` (with `tolerance`), a range (`min` and/or `max`), or several of them (`label` with `min`: the right class
 * with at least that score). Every expectation given must hold.
 */
export interface GoldenCase<I = unknown> {
  /** Shown in failures. @defaultValue `case <index>` */
  readonly name?: string
  readonly input: I
  /** Expected class: an index, or a name from `classes`. Compared with the argmax of the output. */
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
}

/**
 * Judges one golden case against the model's output.
 *
 * @param goldenCase - the case
 * @param output - the model's output for its input
 * @param options - classes, output index, default tolerance
 * @returns the violation, or `undefined` when the case passes
 * @example
 * ```ts
 * judgeGoldenCase({ input: row, label: 'Gentoo' }, [0.9, 0.05, 0.05], { classes: ['Adelie', 'Chinstrap', 'Gentoo'], output: 0, tolerance: 0 })
 * // { reason: 'wrong-label', detail: 'expected label Gentoo, got Adelie' }
 * ```
 */
export function judgeGoldenCase(goldenCase: GoldenCase, output: unknown, options: GoldenJudgeOptions): Violation | undefined {
  const name = (index: number): string => options.classes?.[index] ?? String(index)
  if (goldenCase.label !== undefined) {
    const predicted = argmaxLabel(output)
    const expected = typeof goldenCase.label === 'number' ? goldenCase.label : (options.classes?.indexOf(goldenCase.label) ?? -1)
    if (predicted !== expected || expected < 0) {
      return { reason: 'wrong-label', detail: `expected label ${String(goldenCase.label)}, got ${predicted < 0 ? 'no label (non-finite output)' : name(predicted)}` }
    }
  }
  const tolerance = goldenCase.tolerance ?? options.tolerance
  if (goldenCase.value !== undefined) {
    if (typeof goldenCase.value === 'number') {
      const actual = outputAt(output, options.output)
      const difference = Math.abs(actual - goldenCase.value)
      if (!(difference <= tolerance)) return { reason: 'wrong-value', detail: `expected ${goldenCase.value} +- ${tolerance}, got ${actual} (off by ${difference})` }
    } else {
      const actual = outputNumbers(output)
      const expected = goldenCase.value
      const worst = actual.length !== expected.length ? Number.POSITIVE_INFINITY : Math.max(0, ...expected.map((value, j) => Math.abs((actual[j] as number) - value)))
      if (!(worst <= tolerance)) return { reason: 'wrong-value', detail: `expected [${expected.join(', ')}] +- ${tolerance}, got [${actual.join(', ')}]` }
    }
  }
  const { min, max } = goldenCase
  if (min === undefined && max === undefined) return undefined
  const actual = outputAt(output, options.output)
  if (!Number.isFinite(actual) || (min !== undefined && actual < min) || (max !== undefined && actual > max)) {
    return { reason: 'out-of-range', detail: `expected output[${options.output}] in [${min ?? '-Infinity'}, ${max ?? 'Infinity'}], got ${actual}` }
  }
  return undefined
}
