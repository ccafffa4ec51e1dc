import type fc from 'fast-check'
import type { PerturbableRow } from '../arbitraries/perturb-row.js'
import { VitestMlError } from '../util/errors.js'
import { sampleRows } from './base-rows.js'
import { type FeatureRef, numericFeature, requireNumericFeature } from './feature-ref.js'
import type { FeatureBounds } from './monotonicity-probe.js'

/** A generated step: how far a feature is raised, at least `min` and at most `max`. */
export interface StepRange {
  /** Smallest step. @defaultValue 0 (or 1/1000 of the bounds' width when strict) */
  readonly min?: number
  /** Largest step. @defaultValue a quarter of the bounds' width */
  readonly max?: number
}

/** What {@link featureRange} settles on. */
export interface FeatureRangeResult {
  readonly bounds: FeatureBounds
  readonly step: { readonly min: number; readonly max: number }
}

/**
 * Settles the bounds a feature stays within and the range of generated steps: given bounds are validated, missing
 * ones are the range seen in the inputs (all real rows, or 256 rows sampled from the arbitrary with the seed).
 * Throws for an unknown feature, a step below 0 or wider than the bounds.
 *
 * @param inputs - rows or an arbitrary of rows
 * @param feature - index or name
 * @param options - given bounds and step, seed, strictness, public name
 * @returns bounds and step
 * @example
 * ```ts
 * featureRange([[1, 10], [2, 30]], 1, { seed: 1, strict: false, source: 'toBeMonotonicIn' }) // { bounds: { min: 10, max: 30 }, step: { min: 0, max: 5 } }
 * ```
 */
export function featureRange<I extends PerturbableRow>(
  inputs: fc.Arbitrary<I> | readonly I[],
  feature: FeatureRef,
  options: { readonly bounds?: FeatureBounds; readonly step?: StepRange; readonly seed: number; readonly strict: boolean; readonly source: string },
): FeatureRangeResult {
  const { source } = options
  const rows = sampleRows(inputs, options.seed)
  const first = rows[0]
  if (first === undefined) throw new VitestMlError(source, 'at least one input row', 'none', 'Pass real rows or an arbitrary.')
  requireNumericFeature(feature, first, source)
  let bounds = options.bounds
  if (bounds === undefined) {
    const values = rows.map((row) => numericFeature(row, feature, source))
    bounds = { min: Math.min(...values), max: Math.max(...values) }
    if (bounds.min === bounds.max) bounds = { min: bounds.min, max: bounds.min + Math.max(1, Math.abs(bounds.min)) }
  } else if (!(Number.isFinite(bounds.min) && Number.isFinite(bounds.max) && bounds.min < bounds.max)) {
    throw new VitestMlError(
      source,
      'finite `bounds` with min < max',
      `min ${bounds.min}, max ${bounds.max}`,
      'Pass the range the feature may take, for example `bounds: { min: 1500, max: 5200 }`.',
    )
  }
  const width = bounds.max - bounds.min
  const step = { min: options.step?.min ?? (options.strict ? width / 1000 : 0), max: options.step?.max ?? width / 4 }
  if (!(step.min >= 0 && step.min <= step.max && Number.isFinite(step.max))) {
    throw new VitestMlError(
      source,
      'a `step` with 0 <= min <= max',
      `min ${step.min}, max ${step.max}`,
      'Steps raise the feature; pass for example `step: { min: 10, max: 200 }`.',
    )
  }
  if (step.max > width) {
    throw new VitestMlError(
      source,
      `a step within the bounds [${bounds.min}, ${bounds.max}] (at most ${width})`,
      `step.max ${step.max}`,
      'Lower `step.max` or widen `bounds`.',
    )
  }
  return { bounds, step }
}
