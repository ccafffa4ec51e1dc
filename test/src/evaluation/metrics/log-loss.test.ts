import { describe, expect, it } from 'vitest'
import { logLoss } from '../../../../src/evaluation/metrics/log-loss.js'
import { expectedNumber, reference } from './reference.js'

const { binary, multiclass } = reference

describe('logLoss', () => {
  it('matches scikit-learn on a positive-class probability vector', () => {
    // sklearn.metrics.log_loss(y, probabilities) -> 0.4972955829809204
    expect(logLoss(binary.yTrue, binary.probabilities)).toBeCloseTo(expectedNumber(binary, 'log_loss(y, probabilities)'), 13)
  })

  it('matches scikit-learn on a multiclass probability matrix with string classes', () => {
    // sklearn.metrics.log_loss(y, P, labels=classes) -> 0.6509059256879166
    expect(logLoss(multiclass.yTrue, multiclass.probabilities, { classes: multiclass.classes })).toBeCloseTo(
      expectedNumber(multiclass, 'log_loss(y, P, labels=classes)'),
      13,
    )
  })

  it('gives the same value for a vector and the equivalent two-column matrix, and clips zeros', () => {
    expect(logLoss([0, 1], [0.1, 0.8])).toBeCloseTo(
      logLoss(
        [0, 1],
        [
          [0.9, 0.1],
          [0.2, 0.8],
        ],
      ),
      14,
    )
    expect(logLoss([1], [0])).toBeCloseTo(-Math.log(1e-15), 10)
  })

  it('rejects NaN probabilities', () => {
    expect(() =>
      logLoss(
        [0, 1],
        [
          [0.5, 0.5],
          [Number.NaN, 1],
        ],
      ),
    ).toThrow(/logLoss: expected finite probabilities \(row 1\), received NaN at index 0/)
  })
})
