import fc from 'fast-check'
import type { PerturbableRow } from '../arbitraries/perturb-row.js'
import { perturbUniform } from '../arbitraries/perturb-uniform.js'
import type { Model } from '../model/model.js'
import type { PlotSpec } from '../record/check-record.js'
import { VitestMlError } from '../util/errors.js'
import { baseRows } from './base-rows.js'
import { featureRange, type StepRange } from './feature-range.js'
import type { FeatureRef } from './feature-ref.js'
import { type LocalizedViolation, localizeViolation } from './localize-violation.js'
import { type FeatureBounds, type MonotonicCase, type MonotonicDirection, monotonicityProbe, raisedPair } from './monotonicity-probe.js'
import { type OutputSelector, outputIndex } from './output-selector.js'
import { type RelationResult, runRelation, type StatisticalOptions } from './run-relation.js'
import { sweepFeature } from './sweep-feature.js'

/** Options of `checkMonotonicity`. */
export interface MonotonicityOptions<I> extends StatisticalOptions {
  /** Base rows: real rows (sampled uniformly) or an arbitrary of rows. */
  readonly inputs: fc.Arbitrary<I> | readonly I[]
  /** Cases generated. @defaultValue 1000 */
  readonly numRuns?: number
  /** fast-check seed. */
  readonly seed: number
  /** Generated step range. @defaultValue `{ min: 0, max: width / 4 }` */
  readonly step?: StepRange
  /** Range the feature stays within. @defaultValue the range seen in the inputs */
  readonly bounds?: FeatureBounds
  /** Output number watched, by index or class name (with `classes`). @defaultValue 0 */
  readonly output?: OutputSelector
  /** Class names in output order. */
  readonly classes?: readonly string[]
  /** The output must move the right way by more than `tolerance`. @defaultValue false */
  readonly strict?: boolean
  /** Wrong-way movement tolerated. @defaultValue 0 */
  readonly tolerance?: number
  /** Points in the sweep plot of a counterexample. @defaultValue 25 */
  readonly sweepPoints?: number
  /** Public name for errors. @defaultValue 'toBeMonotonicIn' */
  readonly source?: string
}

/** What `checkMonotonicity` found. */
export interface MonotonicityResult<I, O> extends RelationResult<MonotonicCase<I>, I, O> {
  readonly feature: FeatureRef
  readonly direction: MonotonicDirection
  readonly bounds: FeatureBounds
  readonly step: { readonly min: number; readonly max: number }
  /** The output swept across the feature's bounds from the counterexample's base row, with the violation marked. */
  readonly sweep?: PlotSpec
  /** The shrunk violation narrowed down by bisection to where the output turns the wrong way. */
  readonly localized?: LocalizedViolation<I, O>
}

/**
 * Checks that raising `feature` by a generated step (within `bounds`) never moves the watched output the wrong way:
 * base and raised rows are predicted together in large batches, a failure is shrunk to a minimal (row, step) pair and
 * the output is swept across the feature's range from that row.
 *
 * @param model - the model
 * @param feature - index (array rows) or name (record rows)
 * @param direction - `increasing` or `decreasing`
 * @param options - inputs, steps, bounds, output, strictness, statistics
 * @returns the verdict, counts, the shrunk pair and the sweep
 * @example
 * ```ts
 * const result = await checkMonotonicity(model, 3, 'decreasing', { inputs: rows, seed: 1 })
 * result.passed // true
 * ```
 */
export async function checkMonotonicity<I extends PerturbableRow, O>(
  model: Model<I, O>,
  feature: FeatureRef,
  direction: MonotonicDirection,
  options: MonotonicityOptions<I>,
): Promise<MonotonicityResult<I, O>> {
  const source = options.source ?? 'toBeMonotonicIn'
  const strict = options.strict ?? false
  const tolerance = options.tolerance ?? 0
  if (!(tolerance >= 0))
    throw new VitestMlError(source, 'a `tolerance` >= 0', String(tolerance), 'Pass the wrong-way movement to forgive (float rounding), for example 1e-6.')
  const base = baseRows(options.inputs, source)
  const { bounds, step } = featureRange(options.inputs, feature, { ...options, strict, source })
  const output = outputIndex(options.output, options.classes, source)
  const probe = monotonicityProbe<I, O>({ feature, direction, bounds, output, strict, tolerance, source })
  const cases: fc.Arbitrary<MonotonicCase<I>> = fc.tuple(base, perturbUniform(step.min, step.max, step.min))
  const result = await runRelation({ ...options, model, cases, probe, numRuns: options.numRuns ?? 1000, source })
  const extra = { feature, direction, bounds, step }
  const ce = result.counterexample
  if (ce === undefined || result.passed) return { ...result, ...extra }
  const [baseRow, raisedRow] = raisedPair(ce.testCase[0], ce.testCase[1], { feature, bounds, source })
  const at = (row: I): number => (row as Record<string | number, unknown>)[feature] as number
  const localized = await localizeViolation(model, probe, baseRow, feature, at(baseRow), at(raisedRow), 40, source)
  const sweep = await sweepFeature(model, baseRow, {
    feature,
    bounds,
    output,
    points: options.sweepPoints ?? 25,
    source,
    title: `${model.identity.name}: output[${output}] across feature ${JSON.stringify(feature)} (expected ${direction})`,
    markers:
      localized === undefined
        ? [
            { x: at(baseRow), label: 'violation' },
            { x: at(raisedRow), label: 'violation (raised)' },
          ]
        : [
            { x: localized.from, label: 'violation' },
            { x: localized.to, label: 'violation (raised)' },
            { x: at(baseRow), label: 'counterexample base' },
            { x: at(raisedRow), label: 'counterexample raised' },
          ],
  })
  return { ...result, ...extra, sweep, ...(localized && { localized }) }
}
