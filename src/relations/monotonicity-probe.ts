import { type PerturbableRow, withFeature } from '../arbitraries/perturb-row.js'
import { describeOutputValue } from '../model/describe-output-value.js'
import type { CaseProbe, Violation } from '../properties/case-probe.js'
import { type FeatureRef, numericFeature } from './feature-ref.js'
import { outputNumberAt } from './output-selector.js'

/** Which way the output must follow a raised feature. */
export type MonotonicDirection = 'increasing' | 'decreasing'

/** Inclusive bounds of a numeric feature. */
export interface FeatureBounds {
  readonly min: number
  readonly max: number
}

/** One monotonicity case: a base row and how far the feature is raised. */
export type MonotonicCase<I> = readonly [row: I, step: number]

/** Options of {@link monotonicityProbe}. */
export interface MonotonicityProbeOptions {
  readonly feature: FeatureRef
  readonly direction: MonotonicDirection
  readonly bounds: FeatureBounds
  /** Index of the output number watched. */
  readonly output: number
  /** Require a change of more than `tolerance` in the right direction. */
  readonly strict: boolean
  /** Movement the wrong way that is still tolerated (float noise). */
  readonly tolerance: number
  /** Public name for errors. */
  readonly source: string
}

/**
 * The base and raised rows of a case, both within `bounds`: the base value is clipped into the bounds, and when the
 * raised value would leave them the base moves down so that the full step still fits.
 *
 * @param row - the base row
 * @param step - how far to raise the feature (at most the width of the bounds)
 * @param options - feature and bounds
 * @returns `[base, raised]`
 * @example
 * ```ts
 * raisedPair([1, 9], 1, 3, { feature: 1, bounds: { min: 0, max: 10 }, source: 'x' }) // [[1, 7], [1, 10]]
 * ```
 */
export function raisedPair<I extends PerturbableRow>(row: I, step: number, options: Pick<MonotonicityProbeOptions, 'feature' | 'bounds' | 'source'>): [I, I] {
  const { feature, bounds } = options
  const original = numericFeature(row, feature, options.source)
  const value = Math.min(bounds.max, Math.max(bounds.min, original))
  const start = value + step > bounds.max ? Math.max(bounds.min, bounds.max - step) : value
  const raised = Math.min(bounds.max, start + step)
  return [start === original ? row : withFeature(row, feature, start, options.source), withFeature(row, feature, raised, options.source)]
}

/**
 * A probe for monotonicity: predicts the base and the raised row together, and flags a case when the watched output
 * moves the wrong way by more than `tolerance` (or, when `strict`, fails to move the right way by more than it). A
 * missing or empty output is a `missing-output` violation, NaN a `not-finite` one; an `output` position the outputs do
 * not have, or a string there, is a misuse and throws.
 *
 * @param options - feature, direction, bounds, output, strictness, tolerance
 * @returns the probe for the batched property engine
 * @example
 * ```ts
 * const probe = monotonicityProbe({ feature: 0, direction: 'increasing', bounds: { min: 0, max: 1 }, output: 0, strict: false, tolerance: 0, source: 'x' })
 * probe.judge([[0.2], 0.1], [0.5, 0.4]) // { reason: 'wrong-direction', detail: 'raising feature 0 from 0.2 to 0.3 lowered output[0] from 0.5 to 0.4 (by 0.1)' }
 * ```
 */
export function monotonicityProbe<I extends PerturbableRow, O>(options: MonotonicityProbeOptions): CaseProbe<MonotonicCase<I>, I, O> {
  const { feature, direction, output, strict, tolerance } = options
  const sign = direction === 'increasing' ? 1 : -1
  return {
    inputsOf: ([row, step]) => raisedPair(row, step, options),
    judge: ([row, step], [baseOutput, raisedOutput]): Violation | undefined => {
      const read = outputNumberAt(baseOutput, output, options.source)
      const moved = outputNumberAt(raisedOutput, output, options.source)
      const before = read ?? Number.NaN
      const after = moved ?? Number.NaN
      const change = sign * (after - before)
      const finite = Number.isFinite(before) && Number.isFinite(after)
      if (finite && change >= -tolerance && !(strict && change <= tolerance)) return undefined
      const [base, raised] = raisedPair(row, step, options)
      const where = `raising feature ${JSON.stringify(feature)} from ${numericFeature(base, feature, options.source)} to ${numericFeature(raised, feature, options.source)}`
      if (read === undefined || moved === undefined) {
        const [which, shown] = read === undefined ? ['base', baseOutput] : ['raised', raisedOutput]
        return { reason: 'missing-output', detail: `${where}: the ${which} output has no value at output[${output}] (${describeOutputValue(shown)})` }
      }
      if (!finite) return { reason: 'not-finite', detail: `${where}: output[${output}] went from ${before} to ${after}` }
      const verb = after < before ? 'lowered' : after > before ? 'raised' : 'kept'
      if (change < -tolerance)
        return { reason: 'wrong-direction', detail: `${where} ${verb} output[${output}] from ${before} to ${after} (by ${Math.abs(after - before)})` }
      return {
        reason: 'not-strict',
        detail: `${where} ${verb} output[${output}] from ${before} to ${after} (a change of ${after - before}, expected strictly ${direction === 'increasing' ? 'more' : 'less'})`,
      }
    },
  }
}
