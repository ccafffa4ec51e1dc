import fc from 'fast-check'
import type { PerturbableRow } from '../arbitraries/perturb-row.js'
import type { Model } from '../model/model.js'
import { VitestMlError } from '../util/errors.js'
import { baseRows, sampleRows } from './base-rows.js'
import { type FeatureRef, requireNumericFeature } from './feature-ref.js'
import { type OutputSelector, outputIndex } from './output-selector.js'
import { type OutputShiftCase, outputShiftProbe } from './output-shift-probe.js'
import { type RelationResult, runRelation, type StatisticalOptions } from './run-relation.js'

/** How the feature changes: add a fixed amount, add a generated amount, or map the value. */
export type FeatureChange = number | fc.Arbitrary<number> | ((value: number) => number)

/** Options of `checkOutputShift`. */
export interface OutputShiftOptions<I> extends StatisticalOptions {
  /** Base rows: real rows (sampled uniformly) or an arbitrary of rows. */
  readonly inputs: fc.Arbitrary<I> | readonly I[]
  /** Which way the output must move. */
  readonly direction: 'up' | 'down'
  /** Smallest move of the output in that direction. @defaultValue 0 */
  readonly atLeast?: number
  /** Output number watched, by index or class name (with `classes`). @defaultValue 0 */
  readonly output?: OutputSelector
  /** Class names in output order. */
  readonly classes?: readonly string[]
  /**
   * Range the feature must stay in (usually the data's range): a change that would leave it moves the base row instead,
   * a function's result is clipped. @defaultValue no limit
   */
  readonly bounds?: { readonly min: number; readonly max: number }
  /** Cases generated. @defaultValue 1000; real rows under a fixed change are all judged once */
  readonly numRuns?: number
  /** fast-check seed. */
  readonly seed: number
  /** Public name for errors. @defaultValue 'toShiftOutput' */
  readonly source?: string
}

/** What `checkOutputShift` found. */
export interface OutputShiftResult<I, O> extends RelationResult<OutputShiftCase<I>, I, O> {
  readonly feature: FeatureRef
  readonly direction: 'up' | 'down'
  readonly atLeast: number
}

/**
 * Checks a directional expectation: changing `feature` as described by `change` moves the watched output in
 * `direction` by at least `atLeast`, on every generated base row (or, in statistical mode, on all but a bounded rate).
 *
 * @param model - the model
 * @param feature - index (array rows) or name (record rows)
 * @param change - amount to add, an arbitrary of amounts, or a function of the value
 * @param options - direction, delta, inputs, output, statistics
 * @returns the verdict, counts and the shrunk case
 * @example
 * ```ts
 * const result = await checkOutputShift(model, 3, 500, { inputs: rows, direction: 'down', atLeast: 0.5, seed: 1 })
 * result.passed // true when 500 lb more always costs at least 0.5 mpg
 * ```
 */
export async function checkOutputShift<I extends PerturbableRow, O>(
  model: Model<I, O>,
  feature: FeatureRef,
  change: FeatureChange,
  options: OutputShiftOptions<I>,
): Promise<OutputShiftResult<I, O>> {
  const source = options.source ?? 'toShiftOutput'
  const atLeast = options.atLeast ?? 0
  if (options.direction !== 'up' && options.direction !== 'down') {
    throw new VitestMlError(source, "`direction: 'up'` or `'down'`", JSON.stringify(options.direction), 'Say which way the output must move.')
  }
  if (!Number.isFinite(atLeast)) throw new VitestMlError(source, 'a finite `atLeast`', String(atLeast), 'Pass the smallest acceptable move, for example 0.5.')
  const base = baseRows(options.inputs, source)
  const first = sampleRows(options.inputs, options.seed, 1)[0]
  if (first !== undefined) requireNumericFeature(feature, first, source)
  let amounts: fc.Arbitrary<number>
  if (typeof change === 'number') {
    if (!Number.isFinite(change)) throw new VitestMlError(source, 'a finite change', String(change), 'Pass the amount added to the feature, for example 500.')
    amounts = fc.constant(change)
  } else if (change instanceof fc.Arbitrary) amounts = change
  else if (typeof change === 'function') amounts = fc.constant(0)
  else
    throw new VitestMlError(
      source,
      'a change: a number, an arbitrary of numbers, or `(value) => value`',
      typeof change,
      'Pass for example 500 or `fc.double({ min: 100, max: 500 })`.',
    )
  const { bounds } = options
  if (bounds !== undefined && !(Number.isFinite(bounds.min) && Number.isFinite(bounds.max) && bounds.min < bounds.max)) {
    throw new VitestMlError(
      source,
      'finite `bounds` with min < max',
      `min ${bounds.min}, max ${bounds.max}`,
      'Pass the range the feature may take, for example `bounds: { min: 1500, max: 5200 }`.',
    )
  }
  if (bounds !== undefined && typeof change === 'number' && Math.abs(change) > bounds.max - bounds.min) {
    throw new VitestMlError(
      source,
      `a change that fits within the bounds [${bounds.min}, ${bounds.max}]`,
      String(change),
      'Lower the change or widen `bounds`.',
    )
  }
  const output = outputIndex(options.output, options.classes, source)
  const probe = outputShiftProbe<I, O>({
    feature,
    change: typeof change === 'function' ? change : 'add',
    direction: options.direction,
    atLeast,
    output,
    source,
    ...(bounds === undefined ? {} : { bounds }),
  })
  // Real rows under a fixed change: every row is judged once (no sampling, nothing to shrink).
  const fixedAmount = typeof change === 'number' ? change : typeof change === 'function' ? 0 : undefined
  const cases: fc.Arbitrary<OutputShiftCase<I>> | readonly OutputShiftCase<I>[] =
    Array.isArray(options.inputs) && fixedAmount !== undefined
      ? (options.inputs as readonly I[]).map((row) => [row, fixedAmount] as const)
      : fc.tuple(base, amounts)
  const result = await runRelation({ ...options, model, cases, probe, numRuns: options.numRuns ?? 1000, source })
  return { ...result, feature, direction: options.direction, atLeast }
}
