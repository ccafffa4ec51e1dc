import type fc from 'fast-check'
import type { InvarianceTransform } from '../src/relations/check-invariance.js'
import type { FeatureChange } from '../src/relations/check-output-shift.js'
import type { FeatureRef } from '../src/relations/feature-ref.js'
import type { GoldenCase } from '../src/relations/golden-case.js'
import type { RowTransform } from '../src/relations/invariance-probe.js'
import type { MonotonicDirection } from '../src/relations/monotonicity-probe.js'
import type { InvariantUnderOptions } from './to-be-invariant-under.js'
import type { MonotonicInOptions } from './to-be-monotonic-in.js'
import type { PassGoldenCasesOptions } from './to-pass-golden-cases.js'
import type { ShiftOutputOptions } from './to-shift-output.js'
import type { ShiftOutputUnderOptions } from './to-shift-output-under.js'

/**
 * The metamorphic-relation matchers as they appear on `expect(...)`. All are asynchronous: always `await` them.
 */
export interface RelationMatchers {
  /**
   * The output is unchanged (within `tolerance`, or the same class with `label: true`) when the input is transformed.
   * @example `await expect(model).toBeInvariantUnder(anyValueOf(4, [0, 1, 2]), { inputs: rows, tolerance: 0 })`
   */
  toBeInvariantUnder<I>(transform: InvarianceTransform<I> | fc.Arbitrary<(row: I) => I>, options: InvariantUnderOptions<I>): Promise<void>
  /**
   * Raising the feature never moves the watched output the wrong way.
   * @example `await expect(model).toBeMonotonicIn(3, 'decreasing', { inputs: rows, maxViolationRate: 0.01 })`
   */
  toBeMonotonicIn<I>(feature: FeatureRef, direction: MonotonicDirection, options: MonotonicInOptions<I>): Promise<void>
  /**
   * Changing the feature moves the watched output up or down by at least `atLeast`.
   * @example `await expect(model).toShiftOutput(3, 500, { inputs: rows, direction: 'down', atLeast: 0.5 })`
   */
  toShiftOutput<I>(feature: FeatureRef, change: FeatureChange, options: ShiftOutputOptions<I>): Promise<void>
  /**
   * Transforming the input (a negation, an intensifier) moves the watched output up, down, away from or toward a point
   * by at least `atLeast` (CheckList's DIR); inputs the transform leaves unchanged are not cases.
   * @example `await expect(model).toShiftOutputUnder(negation(), { inputs: sentences, direction: 'down', output: 'positive' })`
   */
  toShiftOutputUnder<I>(transform: RowTransform<I> | fc.Arbitrary<(row: I) => I>, options: ShiftOutputUnderOptions<I>): Promise<void>
  /**
   * Every golden case (input with expected label, value or range; inline or a CSV / JSON file) passes.
   * @example `await expect(model).toPassGoldenCases([{ input: row, label: 'Gentoo' }], { classes })`
   */
  toPassGoldenCases<I>(cases: readonly GoldenCase<I>[] | string, options?: PassGoldenCasesOptions): Promise<void>
}
