import { describe, expect, it } from 'vitest'
import { brierScore } from '../../../../src/evaluation/metrics/brier-score.js'
import { expectedNumber, reference } from './reference.js'

const { binary, multiclass } = reference

describe('brierScore', () => {
  it('matches scikit-learn on binary probabilities', () => {
    // sklearn.metrics.brier_score_loss(y, probabilities) -> 0.16512111733333332
    expect(brierScore(binary.yTrue, binary.probabilities)).toBeCloseTo(expectedNumber(binary, 'brier_score_loss(y, probabilities)'), 14)
    const matrix = binary.probabilities.map((p) => [1 - p, p])
    expect(brierScore(binary.yTrue, matrix)).toBeCloseTo(expectedNumber(binary, 'brier_score_loss(y, probabilities)'), 14)
  })

  it('computes the multiclass Brier score as numpy does', () => {
    // numpy.mean(numpy.sum((P - label_binarize(y)) ** 2, axis=1)) -> 0.3847863412174889
    expect(brierScore(multiclass.yTrue, multiclass.probabilities, { classes: multiclass.classes })).toBeCloseTo(
      expectedNumber(multiclass, 'mean(sum((P - onehot)^2, axis=1))'),
      14,
    )
  })
})
