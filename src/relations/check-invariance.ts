import fc from 'fast-check'
import type { Model } from '../model/model.js'
import { VitestMlError } from '../util/errors.js'
import { baseRows } from './base-rows.js'
import { type BatchOrderCase, batchOrderProbe, perBatchModel } from './batch-order-probe.js'
import { type ChangedCases, changedCases } from './changed-cases.js'
import { type InvarianceCase, invarianceProbe, type RowTransform } from './invariance-probe.js'
import { type RelationResult, runRelation, type StatisticalOptions } from './run-relation.js'
import { isRowOrderTransform, type RowOrderTransform } from './transforms/row-order.js'

/** What `toBeInvariantUnder` accepts: a row function, an arbitrary of row functions, or the batch-level `rowOrder()`. */
export type InvarianceTransform<I> = RowTransform<I> | fc.Arbitrary<RowTransform<I>> | RowOrderTransform

/** Options of `checkInvariance`. */
export interface InvarianceOptions<I> extends StatisticalOptions {
  /** Base rows: real rows (sampled uniformly) or an arbitrary of rows. */
  readonly inputs: fc.Arbitrary<I> | readonly I[]
  /** Cases generated. @defaultValue 1000 (200 for `rowOrder()`); real rows under a plain function are all judged once */
  readonly numRuns?: number
  /** fast-check seed. */
  readonly seed: number
  /** Largest absolute difference between outputs. @defaultValue 0 */
  readonly tolerance?: number
  /** Compare predicted classes (argmax of the output numbers) instead of numbers. @defaultValue false */
  readonly label?: boolean
  /**
   * Leave out cases whose transform does not change the input (a name swap on a sentence without a name), as CheckList
   * counts a perturbation over the inputs it applies to; otherwise they count as passing cases. @defaultValue false
   */
  readonly skipUnchanged?: boolean
  /** Public name for errors. @defaultValue 'toBeInvariantUnder' */
  readonly source?: string
}

/** What `checkInvariance` found: cases are `[row, transform]`, or `[batch, codes]` for `rowOrder()`. */
export type InvarianceResult<I, O> =
  | (RelationResult<InvarianceCase<I>, I, O> & { readonly transformKind: 'row'; readonly skip?: ChangedCases<I> })
  | (RelationResult<BatchOrderCase<I>, readonly I[], O[]> & { readonly transformKind: 'row-order' })

/**
 * Checks that the model's output is unchanged (within `tolerance`, or the same class with `label`) when its input is
 * transformed. A generated transform is part of the case, so fast-check shrinks it together with the row (toward the
 * mildest transform that still breaks the model). Base and transformed rows are predicted together in big batches.
 *
 * @param model - the model
 * @param transform - a row function, an arbitrary of row functions, or `rowOrder()`
 * @param options - inputs, tolerance or label, statistics
 * @returns the verdict, counts and the shrunk (row, transform) pair
 * @example
 * ```ts
 * const result = await checkInvariance(model, anyValueOf(4, [0, 1, 2]), { inputs: rows, seed: 1 })
 * result.passed // true: the island column is ignored
 * ```
 */
export async function checkInvariance<I, O>(
  model: Model<I, O>,
  transform: InvarianceTransform<I>,
  options: InvarianceOptions<I>,
): Promise<InvarianceResult<I, O>> {
  const source = options.source ?? 'toBeInvariantUnder'
  const tolerance = options.tolerance ?? 0
  if (!(tolerance >= 0))
    throw new VitestMlError(source, 'a `tolerance` >= 0', String(tolerance), 'Pass the largest acceptable output difference, for example 1e-6.')
  const criterion = { tolerance, label: options.label ?? false }
  const base = baseRows(options.inputs, source)
  if (isRowOrderTransform(transform)) {
    const cases: fc.Arbitrary<BatchOrderCase<I>> = fc.tuple(
      fc.array(base, { minLength: transform.minRows, maxLength: transform.maxRows }),
      fc.array(fc.nat({ max: transform.maxRows - 1 }), { minLength: transform.maxRows, maxLength: transform.maxRows }),
    )
    const result = await runRelation({
      ...options,
      model: perBatchModel(model, source),
      cases,
      probe: batchOrderProbe<I, O>(criterion),
      numRuns: options.numRuns ?? 200,
      source,
    })
    return { ...result, transformKind: 'row-order' }
  }
  let transforms: fc.Arbitrary<RowTransform<I>>
  if (transform instanceof fc.Arbitrary) transforms = transform
  else if (typeof transform === 'function') transforms = fc.constant(transform)
  else
    throw new VitestMlError(
      source,
      'a transform: a function `(row) => row`, an arbitrary of such functions, or rowOrder()',
      transform === null ? 'null' : typeof transform,
      'Pass `(row) => ...`, `noiseOn(0, { scale: 0.1 })` or `rowOrder()`.',
    )
  // Real rows under one plain transform: every row is judged once (no sampling, nothing to shrink).
  const all: fc.Arbitrary<InvarianceCase<I>> | readonly InvarianceCase<I>[] =
    Array.isArray(options.inputs) && typeof transform === 'function'
      ? (options.inputs as readonly I[]).map((row) => [row, transform as RowTransform<I>] as const)
      : fc.tuple(base, transforms)
  const skip = options.skipUnchanged === true ? changedCases(all, options.seed, source) : undefined
  const cases = skip?.cases ?? all
  const result = await runRelation({ ...options, model, cases, probe: invarianceProbe<I, O>(criterion, source), numRuns: options.numRuns ?? 1000, source })
  return { ...result, transformKind: 'row', ...(skip === undefined ? {} : { skip }) }
}
