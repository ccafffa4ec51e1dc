// A binary metric on labels of one class only (a slice of negatives, a small evaluation set): the scores are still
// P(positive). scikit-learn reads 0/1 and -1/1 labels with pos_label 1 and asks for pos_label with strings.
import { describe, expect, it } from 'vitest'
import { averagePrecision } from '../../../../src/evaluation/metrics/average-precision.js'
import { brierScore } from '../../../../src/evaluation/metrics/brier-score.js'
import { logLoss } from '../../../../src/evaluation/metrics/log-loss.js'
import { expectedNumber, reference } from './reference.js'

const { oneClass } = reference
const { scores } = oneClass

describe('binary metrics with one class present', () => {
  it('0 and -1 labels are negatives: the scores stay P(1), as scikit-learn', () => {
    // sklearn.metrics.log_loss([0, 0, 0], [0.1, 0.2, 0.4], labels=[0, 1]) -> 0.2797765635793423
    expect(logLoss([0, 0, 0], scores)).toBeCloseTo(expectedNumber(oneClass, 'log_loss([0, 0, 0], scores, labels=[0, 1])'), 14)
    // sklearn.metrics.brier_score_loss([0, 0, 0], scores) -> 0.07; with -1 labels the same
    expect(brierScore([0, 0, 0], scores)).toBeCloseTo(expectedNumber(oneClass, 'brier_score_loss([0, 0, 0], scores)'), 14)
    expect(brierScore([-1, -1, -1], scores)).toBeCloseTo(expectedNumber(oneClass, 'brier_score_loss([-1, -1, -1], scores)'), 14)
    // sklearn.metrics.average_precision_score([0, 0, 0], scores) -> -0.0 (no positives), with a warning
    expect(averagePrecision([0, 0, 0], scores)).toBe(expectedNumber(oneClass, 'average_precision_score([0, 0, 0], scores)'))
  })

  it('1 labels are positives', () => {
    // sklearn.metrics.log_loss([1, 1, 1], scores, labels=[0, 1]) -> 1.6094379124341003; brier_score_loss -> 0.6033
    expect(logLoss([1, 1, 1], scores)).toBeCloseTo(expectedNumber(oneClass, 'log_loss([1, 1, 1], scores, labels=[0, 1])'), 14)
    expect(brierScore([1, 1, 1], scores)).toBeCloseTo(expectedNumber(oneClass, 'brier_score_loss([1, 1, 1], scores)'), 14)
  })

  it('one string class needs positiveLabel: which class the scores are about cannot be guessed', () => {
    expect(() => brierScore(['no', 'no', 'no'], scores)).toThrow(
      'brierScore: expected `positiveLabel` when yTrue holds one class, received only "no".\nHint: Pass the class the scores are the probability of, for example { positiveLabel: "yes" }.',
    )
    expect(brierScore(['no', 'no', 'no'], scores, { positiveLabel: 'yes' })).toBeCloseTo(0.07, 14)
  })
})
