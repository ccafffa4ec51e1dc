import { VitestMlError } from '../../util/errors.js'
import { assertFinite } from '../labels.js'
import { type BaselineModel, baselineModel, type FitBaselineOptions } from './baseline-model.js'

function numericTargets(source: string, targets: readonly unknown[]): number[] {
  if (targets.length === 0) throw new VitestMlError(source, 'at least 1 target to fit on', '0', 'Pass the training targets of a non-empty set.')
  const values = targets.map((value) => (typeof value === 'bigint' ? Number(value) : value)) as number[]
  assertFinite(source, 'numeric targets', values)
  return values
}

/**
 * The mean regressor (scikit-learn's `DummyRegressor(strategy='mean')`): predicts the mean target for every row.
 * The baseline whose R^2 is 0 on the data it was fitted on.
 *
 * @param targets - the targets to fit on, normally the training targets
 * @param options - see {@link FitBaselineOptions}
 * @returns a model predicting that mean
 * @example
 * ```ts
 * await meanBaseline([18, 24, 30]).predict([row]) // [24]
 * ```
 */
export function meanBaseline(targets: readonly unknown[], options: FitBaselineOptions = {}): BaselineModel<unknown, number> {
  const values = numericTargets('meanBaseline', targets)
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length
  const fittedOn = options.fittedOn ?? 'train'
  return baselineModel(
    'mean baseline',
    { kind: 'mean', fittedOn, description: `mean ${mean.toPrecision(6)} of ${values.length} ${fittedOn} targets` },
    () => mean,
  )
}

/**
 * The median regressor (scikit-learn's `DummyRegressor(strategy='median')`): predicts the median target (the mean of
 * the two middle values for an even count), the constant that minimises mean absolute error.
 *
 * @param targets - the targets to fit on, normally the training targets
 * @param options - see {@link FitBaselineOptions}
 * @returns a model predicting that median
 * @example
 * ```ts
 * await medianBaseline([18, 24, 30, 100]).predict([row]) // [27]
 * ```
 */
export function medianBaseline(targets: readonly unknown[], options: FitBaselineOptions = {}): BaselineModel<unknown, number> {
  const values = numericTargets('medianBaseline', targets).sort((left, right) => left - right)
  const middle = Math.floor(values.length / 2)
  const median = values.length % 2 === 1 ? (values[middle] as number) : ((values[middle - 1] as number) + (values[middle] as number)) / 2
  const fittedOn = options.fittedOn ?? 'train'
  return baselineModel(
    'median baseline',
    { kind: 'median', fittedOn, description: `median ${median.toPrecision(6)} of ${values.length} ${fittedOn} targets` },
    () => median,
  )
}
