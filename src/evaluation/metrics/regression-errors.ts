import { assertFinite, assertPaired } from '../labels.js'

function checked(source: string, yTrue: readonly number[], yPred: readonly number[]): void {
  assertPaired(source, 'yTrue', yTrue, 'predictions', yPred)
  assertFinite(source, 'targets', yTrue)
  assertFinite(source, 'predictions', yPred)
}

/**
 * Root mean squared error, sqrt(mean((y - yhat)^2)) (`sqrt(sklearn.metrics.mean_squared_error)`).
 *
 * @param yTrue - true values
 * @param yPred - predicted values
 * @returns a non-negative number in the units of the target; lower is better
 * @example
 * ```ts
 * rootMeanSquaredError([3, -0.5, 2, 7], [2.5, 0, 2, 8]) // 0.6124
 * ```
 */
export function rootMeanSquaredError(yTrue: readonly number[], yPred: readonly number[]): number {
  checked('rootMeanSquaredError', yTrue, yPred)
  let total = 0
  for (let index = 0; index < yTrue.length; index++) total += ((yTrue[index] as number) - (yPred[index] as number)) ** 2
  return Math.sqrt(total / yTrue.length)
}

/**
 * Mean absolute error, mean(|y - yhat|) (`sklearn.metrics.mean_absolute_error`).
 *
 * @param yTrue - true values
 * @param yPred - predicted values
 * @returns a non-negative number in the units of the target; lower is better
 * @example
 * ```ts
 * meanAbsoluteError([3, -0.5, 2, 7], [2.5, 0, 2, 8]) // 0.5
 * ```
 */
export function meanAbsoluteError(yTrue: readonly number[], yPred: readonly number[]): number {
  checked('meanAbsoluteError', yTrue, yPred)
  let total = 0
  for (let index = 0; index < yTrue.length; index++) total += Math.abs((yTrue[index] as number) - (yPred[index] as number))
  return total / yTrue.length
}

/**
 * Mean absolute percentage error, mean(|y - yhat| / max(|y|, eps)) as a fraction, not a percentage
 * (`sklearn.metrics.mean_absolute_percentage_error`, with eps = 2.220446049250313e-16).
 *
 * @param yTrue - true values
 * @param yPred - predicted values
 * @returns a non-negative fraction; lower is better (huge when some targets are near zero)
 * @example
 * ```ts
 * meanAbsolutePercentageError([100, 200], [110, 180]) // 0.1
 * ```
 */
export function meanAbsolutePercentageError(yTrue: readonly number[], yPred: readonly number[]): number {
  checked('meanAbsolutePercentageError', yTrue, yPred)
  let total = 0
  for (let index = 0; index < yTrue.length; index++) {
    const target = yTrue[index] as number
    total += Math.abs(target - (yPred[index] as number)) / Math.max(Math.abs(target), Number.EPSILON)
  }
  return total / yTrue.length
}

/**
 * Coefficient of determination R^2 = 1 - SS_res / SS_tot (`sklearn.metrics.r2_score`). With constant targets it is
 * 1 for a perfect prediction and 0 otherwise, as scikit-learn's `force_finite`.
 *
 * @param yTrue - true values
 * @param yPred - predicted values
 * @returns at most 1; 0 is the mean predictor, negative is worse than it
 * @example
 * ```ts
 * rSquared([3, -0.5, 2, 7], [2.5, 0, 2, 8]) // 0.9486
 * ```
 */
export function rSquared(yTrue: readonly number[], yPred: readonly number[]): number {
  checked('rSquared', yTrue, yPred)
  const mean = yTrue.reduce((sum, value) => sum + value, 0) / yTrue.length
  let residual = 0
  let totalVariation = 0
  for (let index = 0; index < yTrue.length; index++) {
    residual += ((yTrue[index] as number) - (yPred[index] as number)) ** 2
    totalVariation += ((yTrue[index] as number) - mean) ** 2
  }
  if (totalVariation === 0) return residual === 0 ? 1 : 0
  return 1 - residual / totalVariation
}
