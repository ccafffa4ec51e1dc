import { isModel, type Model } from '../../model/model.js'
import { VitestMlError } from '../../util/errors.js'
import { describeValue, type Label } from '../labels.js'
import type { BaselineFittedOn, BaselineModel } from './baseline-model.js'
import { classPriorBaseline } from './class-prior-baseline.js'
import { heuristicBaseline, previousModelBaseline } from './heuristic-baseline.js'
import { majorityClassBaseline } from './majority-class-baseline.js'
import { meanBaseline, medianBaseline } from './mean-baseline.js'
import { stratifiedBaseline } from './stratified-baseline.js'

/** A named baseline fitted for you. */
export type BaselineName = 'majority' | 'stratified' | 'prior' | 'mean' | 'median'

/** What `toBeatBaseline` accepts as a baseline: a name, any model (a previous version), or a row -> prediction rule. */
export type BaselineSpec<I = unknown> = BaselineName | Model<I, unknown> | ((row: I) => unknown)

/** Options of `resolveBaseline`. */
export interface ResolveBaselineOptions {
  /** Labels of the evaluation set (used to fit a named baseline when no training labels are given). */
  readonly evaluationLabels: readonly unknown[]
  /** Training labels; named baselines are fitted on them when given. */
  readonly trainLabels?: readonly unknown[]
  /** Seed of the stratified baseline. @defaultValue `42` */
  readonly seed?: number
  /** Class of each probability column, for the class-prior baseline. */
  readonly classes?: readonly Label[]
}

const NAMES: readonly BaselineName[] = ['majority', 'stratified', 'prior', 'mean', 'median']

/**
 * Turns a {@link BaselineSpec} into a {@link BaselineModel}: named baselines are fitted on the training labels when
 * given, otherwise on the evaluation labels (and the result says so); models and functions are wrapped.
 *
 * @param spec - the baseline
 * @param options - see {@link ResolveBaselineOptions}
 * @returns the baseline model
 * @example
 * ```ts
 * resolveBaseline('majority', { evaluationLabels: testLabels, trainLabels }).baseline.fittedOn // 'train'
 * ```
 */
export function resolveBaseline<I>(spec: BaselineSpec<I>, options: ResolveBaselineOptions): BaselineModel<I, unknown> {
  if (isModel(spec)) return 'baseline' in spec ? (spec as BaselineModel<I, unknown>) : previousModelBaseline(spec as Model<I, unknown>)
  if (typeof spec === 'function') return heuristicBaseline(spec as (row: I) => unknown)
  if (!NAMES.includes(spec)) {
    throw new VitestMlError(
      'toBeatBaseline',
      `a baseline name (${NAMES.join(', ')}), a model or a function`,
      describeValue(spec),
      'Use a named baseline, pass the previous model, or pass `(row) => prediction`.',
    )
  }
  const fittedOn: Exclude<BaselineFittedOn, 'none'> = options.trainLabels === undefined ? 'evaluation' : 'train'
  const labels = options.trainLabels ?? options.evaluationLabels
  switch (spec) {
    case 'majority':
      return majorityClassBaseline(labels, { fittedOn })
    case 'stratified':
      return stratifiedBaseline(labels, { fittedOn, seed: options.seed ?? 42 })
    case 'prior':
      return classPriorBaseline(labels, { fittedOn, ...(options.classes === undefined ? {} : { classes: options.classes }) })
    case 'mean':
      return meanBaseline(labels, { fittedOn })
    case 'median':
      return medianBaseline(labels, { fittedOn })
  }
}
