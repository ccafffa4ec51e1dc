import { describe, expect, it } from 'vitest'
import { meanAbsoluteError, meanAbsolutePercentageError, rootMeanSquaredError, rSquared } from '../../../../src/evaluation/metrics/regression-errors.js'
import { expectedNumber, reference } from './reference.js'

const { regression } = reference

describe('regression errors', () => {
  it('match scikit-learn', () => {
    // numpy.sqrt(sklearn.metrics.mean_squared_error(y, yPred)) -> 2.3845018242811222
    expect(rootMeanSquaredError(regression.yTrue, regression.yPred)).toBeCloseTo(expectedNumber(regression, 'sqrt(mean_squared_error(y, yPred))'), 13)
    // sklearn.metrics.mean_absolute_error(y, yPred) -> 1.8261499999999997
    expect(meanAbsoluteError(regression.yTrue, regression.yPred)).toBeCloseTo(expectedNumber(regression, 'mean_absolute_error(y, yPred)'), 13)
    // sklearn.metrics.mean_absolute_percentage_error(y, yPred) -> 0.09725153549942225
    expect(meanAbsolutePercentageError(regression.yTrue, regression.yPred)).toBeCloseTo(
      expectedNumber(regression, 'mean_absolute_percentage_error(y, yPred)'),
      13,
    )
    // sklearn.metrics.r2_score(y, yPred) -> 0.9523846294446899
    expect(rSquared(regression.yTrue, regression.yPred)).toBeCloseTo(expectedNumber(regression, 'r2_score(y, yPred)'), 13)
  })

  it('match the scikit-learn documentation examples', () => {
    expect(meanAbsoluteError([3, -0.5, 2, 7], [2.5, 0, 2, 8])).toBe(0.5)
    expect(rSquared([3, -0.5, 2, 7], [2.5, 0, 2, 8])).toBeCloseTo(0.9486081370449679, 14)
    expect(rSquared([1, 1], [1, 1])).toBe(1)
    expect(rSquared([1, 1], [1, 2])).toBe(0)
  })

  it('reject NaN predictions', () => {
    expect(() => rootMeanSquaredError([1, 2], [1, Number.NaN])).toThrow(/rootMeanSquaredError: expected finite predictions, received NaN at index 1/)
  })
})
