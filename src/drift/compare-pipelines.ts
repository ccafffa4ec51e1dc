import fc from 'fast-check'
import { checkedPredict } from '../model/checked-predict.js'
import { missingOutput } from '../model/missing-output.js'
import { isModel, type Model } from '../model/model.js'
import { VitestMlError } from '../util/errors.js'
import { flattenOutput } from './flatten-output.js'

/** A pipeline from raw input to features or outputs: a {@link Model}, or a function from a batch to one output per row. */
export type Pipeline<I = unknown, O = unknown> = Model<I, O> | ((batch: readonly I[]) => readonly O[] | Promise<readonly O[]>)

/** Options of `comparePipelines`. */
export interface ComparePipelinesOptions<I = unknown> {
  /** Raw inputs: a fast-check arbitrary (sampled with `seed`) or real rows. */
  readonly inputs: fc.Arbitrary<I> | readonly I[]
  /** Seed for sampling an arbitrary. */
  readonly seed: number
  /** Inputs sampled from an arbitrary. @defaultValue 1000 */
  readonly numRuns?: number
  /** Rows per call to each pipeline (the same batches go to both). @defaultValue 100 */
  readonly batchSize?: number
  /**
   * Two numbers are equal when `|training - serving| <= tolerance + relativeTolerance * max(|training|, |serving|)`.
   * @defaultValue 1e-9
   */
  readonly tolerance?: number
  /** The relative part of that rule. @defaultValue 1e-9 */
  readonly relativeTolerance?: number
}

/** The row where the two pipelines disagree most. */
export interface PipelineMismatch<I = unknown> {
  /** Position of the row among the inputs. */
  readonly index: number
  /** The raw input. */
  readonly input: I
  /** What the training pipeline produced for it. */
  readonly training: unknown
  /** What the serving pipeline produced for it. */
  readonly serving: unknown
  /** The output field that differs most (`income`, `[2]`, or `` for a scalar). */
  readonly field: string
  /** Its absolute difference (Infinity when one side is missing or not a number). */
  readonly difference: number
}

/** Result of `comparePipelines`. */
export interface PipelineComparisonResult<I = unknown> {
  /** Rows compared. */
  readonly rows: number
  /** Rows where some field differs beyond the tolerance. */
  readonly mismatches: number
  /** mismatches / rows. */
  readonly mismatchRate: number
  /** Largest absolute difference over every row and field. */
  readonly maxDifference: number
  /** The row with the largest difference, when any row differs. */
  readonly worst?: PipelineMismatch<I>
}

/**
 * Feeds the same raw inputs, in the same batches, through the training and the serving pipeline and compares what
 * comes out field by field, numbers within a tolerance, everything else exactly. A pipeline that returns more or fewer
 * outputs than rows, or a missing or empty output for a row, is an error: nothing would be compared. This is the direct test of the
 * seed's anti-pattern 2 (training-serving skew from duplicated preprocessing): batch-dependent serving code, a
 * different fill value or a different scaling shows up as a mismatch with the worst row and field named.
 *
 * @param training - the pipeline used to build training data (reference)
 * @param serving - the pipeline used at serving time (current)
 * @param options - inputs, seed, numRuns, batchSize, tolerance
 * @returns mismatch counts and the worst row
 * @example
 * ```ts
 * const result = await comparePipelines(preprocessTraining, preprocessServing, { inputs: rows, seed: 1 })
 * result.worst // { index: 3, field: 'income', training: { income: 0.5 }, serving: { income: 0.25 }, difference: 0.25, ... }
 * ```
 */
export async function comparePipelines<I>(
  training: Pipeline<I>,
  serving: Pipeline<I>,
  options: ComparePipelinesOptions<I>,
): Promise<PipelineComparisonResult<I>> {
  const inputs = sampleInputs(options)
  const batchSize = options.batchSize ?? 100
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new VitestMlError(
      'comparePipelines',
      'a whole `batchSize` >= 1',
      String(batchSize),
      'batchSize is the number of rows per pipeline call, for example 100.',
    )
  const absolute = options.tolerance ?? 1e-9
  const relative = options.relativeTolerance ?? 1e-9
  let mismatches = 0
  let maxDifference = 0
  let worst: PipelineMismatch<I> | undefined
  for (let start = 0; start < inputs.length; start += batchSize) {
    const batch = inputs.slice(start, start + batchSize)
    const trainingOutputs = await run('training', training, batch, start)
    const servingOutputs = await run('serving', serving, batch, start)
    batch.forEach((input, offset) => {
      const diff = compareOutput(trainingOutputs[offset], servingOutputs[offset], absolute, relative)
      if (diff.mismatch) mismatches++
      if (diff.difference > maxDifference || (diff.mismatch && worst === undefined)) {
        maxDifference = Math.max(maxDifference, diff.difference)
        if (diff.mismatch)
          worst = {
            index: start + offset,
            input,
            training: trainingOutputs[offset],
            serving: servingOutputs[offset],
            field: diff.field,
            difference: diff.difference,
          }
      }
    })
  }
  return {
    rows: inputs.length,
    mismatches,
    mismatchRate: inputs.length === 0 ? 0 : mismatches / inputs.length,
    maxDifference,
    ...(worst === undefined ? {} : { worst }),
  }
}

function sampleInputs<I>(options: ComparePipelinesOptions<I>): readonly I[] {
  if (Array.isArray(options?.inputs)) {
    if (options.inputs.length === 0)
      throw new VitestMlError('comparePipelines', 'at least one input row', 'an empty array', 'Pass real rows or a fast-check arbitrary.')
    return options.inputs
  }
  if (!(options?.inputs instanceof fc.Arbitrary)) {
    throw new VitestMlError(
      'comparePipelines',
      '`inputs`: a fast-check Arbitrary or an array of raw rows',
      typeof options?.inputs,
      'Pass `inputs: fc.record({...})` or rows read with readCsv().',
    )
  }
  return fc.sample(options.inputs, { seed: options.seed, numRuns: options.numRuns ?? 1000 })
}

async function run<I>(role: string, pipeline: Pipeline<I>, batch: readonly I[], start: number): Promise<readonly unknown[]> {
  let outputs: readonly unknown[]
  try {
    outputs = isModel(pipeline) ? await checkedPredict(pipeline, batch, 'comparePipelines') : await pipeline(batch)
  } catch (error) {
    if (error instanceof VitestMlError) throw error
    throw new VitestMlError(
      'comparePipelines',
      `the ${role} pipeline to return outputs`,
      `an exception: ${(error as Error)?.message ?? String(error)}`,
      'Fix the pipeline; both pipelines must accept the same raw rows.',
      { cause: error },
    )
  }
  if (!Array.isArray(outputs) || outputs.length !== batch.length) {
    throw new VitestMlError(
      'comparePipelines',
      `the ${role} pipeline to return one output per row (${batch.length})`,
      Array.isArray(outputs) ? `${outputs.length} outputs` : typeof outputs,
      'A pipeline function receives the whole batch: `(batch) => batch.map(preprocess)`; wrap a per-row function as functionModel(fn).',
    )
  }
  // Two pipelines that both answer nothing would "match"; an empty answer is a broken pipeline, not agreement.
  for (const [offset, output] of outputs.entries()) {
    const missing = missingOutput(output)
    if (missing !== undefined) {
      throw new VitestMlError(
        'comparePipelines',
        `the ${role} pipeline to return a value for every row`,
        `${missing} at row ${start + offset}`,
        'Fix the pipeline so it returns the features (or outputs) of every row it is given.',
      )
    }
  }
  return outputs
}

function compareOutput(training: unknown, serving: unknown, absolute: number, relative: number): { mismatch: boolean; field: string; difference: number } {
  const left = flattenOutput(training)
  const right = flattenOutput(serving)
  let worst = { mismatch: false, field: '', difference: 0 }
  for (const field of new Set([...left.keys(), ...right.keys()])) {
    const a = left.get(field)
    const b = right.get(field)
    let difference = 0
    let mismatch = false
    if (typeof a === 'number' && typeof b === 'number') {
      if (Number.isNaN(a) || Number.isNaN(b)) {
        mismatch = Number.isNaN(a) !== Number.isNaN(b)
        difference = mismatch ? Infinity : 0
      } else {
        difference = a === b ? 0 : Math.abs(a - b)
        mismatch = difference > absolute + relative * Math.max(Math.abs(a), Math.abs(b))
      }
    } else if (a !== b) {
      mismatch = true
      difference = Infinity
    }
    if (mismatch && (!worst.mismatch || difference > worst.difference)) worst = { mismatch, field, difference }
    else if (!worst.mismatch && difference > worst.difference) worst = { mismatch: false, field, difference }
  }
  return worst
}
