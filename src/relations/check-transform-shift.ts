import fc from 'fast-check'
import type { Model } from '../model/model.js'
import { VitestMlError } from '../util/errors.js'
import { baseRows } from './base-rows.js'
import { type ChangedCases, changedCases, type TransformCase } from './changed-cases.js'
import type { RowTransform } from './invariance-probe.js'
import { type OutputSelector, outputIndex } from './output-selector.js'
import { type RelationResult, runRelation, type StatisticalOptions } from './run-relation.js'
import { type ShiftDirection, transformShiftProbe } from './transform-shift-probe.js'

/** Options of `checkTransformShift`. */
export interface TransformShiftOptions<I> extends StatisticalOptions {
  /** Base rows: real rows (sampled uniformly under a generated transform, each once under a plain one) or an arbitrary. */
  readonly inputs: fc.Arbitrary<I> | readonly I[]
  /** Which way the watched output must move. */
  readonly direction: ShiftDirection
  /** Smallest move in that direction; a negative value tolerates that much the other way. @defaultValue 0 */
  readonly atLeast?: number
  /** Output number watched, by index or class name. @defaultValue 0 */
  readonly output?: OutputSelector
  /** Class names in output order, to select `output` by name. @defaultValue the model's own classes, when it declares them */
  readonly classes?: readonly string[]
  /** Leave out cases whose transform does not change the input (no negation written, no adjective to intensify). @defaultValue true */
  readonly skipUnchanged?: boolean
  /** Cases generated. @defaultValue 1000; real rows under a plain transform are all judged once */
  readonly numRuns?: number
  /** fast-check seed. */
  readonly seed: number
  /** Public name for errors. @defaultValue 'toShiftOutputUnder' */
  readonly source?: string
}

/** What `checkTransformShift` found. */
export interface TransformShiftResult<I, O> extends RelationResult<TransformCase<I>, I, O> {
  readonly direction: ShiftDirection
  readonly atLeast: number
  /** The watched output's index. */
  readonly output: number
  /** What was left out as unchanged, when `skipUnchanged`. */
  readonly skip?: ChangedCases<I>
}

function checkDirection(direction: unknown, source: string): asserts direction is ShiftDirection {
  if (direction === 'up' || direction === 'down') return
  const point = typeof direction === 'object' && direction !== null ? (direction as { awayFrom?: unknown; toward?: unknown }) : undefined
  if (point !== undefined && (Number.isFinite(point.awayFrom) || Number.isFinite(point.toward)) && !('awayFrom' in point && 'toward' in point)) return
  throw new VitestMlError(
    source,
    "`direction`: 'up', 'down', { awayFrom: number } or { toward: number }",
    JSON.stringify(direction),
    "Say which way the output must move, for example `direction: 'down'` for a negation and `{ awayFrom: 0.5 }` for an intensifier.",
  )
}

/**
 * Checks a directional expectation under a transform (CheckList's DIR): on every case (or, in statistical mode, on
 * all but a bounded rate), the watched output of the transformed input moves from the base input's in `direction` by
 * at least `atLeast`. Cases the transform leaves unchanged are left out by default (a DIR test is about the inputs a
 * perturbation applies to).
 *
 * @param model - the model
 * @param transform - a row function or an arbitrary of them (`negation()`, `intensify()`, ...)
 * @param options - inputs, direction, atLeast, output, statistics
 * @returns the verdict, counts and the shrunk case
 * @example
 * ```ts
 * const result = await checkTransformShift(model, negation(), { inputs: sentences, direction: 'down', output: 'positive', atLeast: 0.1, seed: 1 })
 * result.passed // true when negating lowers P(positive) by 0.1 or more on every sentence
 * ```
 */
export async function checkTransformShift<I, O>(
  model: Model<I, O>,
  transform: RowTransform<I> | fc.Arbitrary<RowTransform<I>>,
  options: TransformShiftOptions<I>,
): Promise<TransformShiftResult<I, O>> {
  const source = options.source ?? 'toShiftOutputUnder'
  checkDirection(options.direction, source)
  const atLeast = options.atLeast ?? 0
  if (!Number.isFinite(atLeast)) throw new VitestMlError(source, 'a finite `atLeast`', String(atLeast), 'Pass the smallest acceptable move, for example 0.05.')
  const classes = options.classes ?? (model.classes?.every((name) => typeof name === 'string') === true ? (model.classes as readonly string[]) : undefined)
  const output = outputIndex(options.output, classes, source)
  let all: fc.Arbitrary<TransformCase<I>> | readonly TransformCase<I>[]
  if (typeof transform === 'function') {
    all = Array.isArray(options.inputs)
      ? (options.inputs as readonly I[]).map((row) => [row, transform] as const)
      : fc.tuple(baseRows(options.inputs, source), fc.constant(transform))
  } else if (transform instanceof fc.Arbitrary) all = fc.tuple(baseRows(options.inputs, source), transform)
  else
    throw new VitestMlError(
      source,
      'a transform: a function `(row) => row` or an arbitrary of such functions',
      transform === null ? 'null' : typeof transform,
      'Pass `negation()`, `intensify()` or `(text) => text + "!"`.',
    )
  const skip = options.skipUnchanged === false ? undefined : changedCases(all, options.seed, source)
  const probe = transformShiftProbe<I, O>({ direction: options.direction, atLeast, output, source })
  const result = await runRelation({ ...options, model, cases: skip?.cases ?? all, probe, numRuns: options.numRuns ?? 1000, source })
  return { ...result, direction: options.direction, atLeast, output, ...(skip === undefined ? {} : { skip }) }
}
