import { describe, expect, it } from 'vitest'
import { averagePrecision, averagePrecisionOneVsRest } from '../../../../src/evaluation/metrics/average-precision.js'
import { expectedNumber, reference } from './reference.js'

const { binary, multiclass } = reference

describe('averagePrecision', () => {
  it('matches scikit-learn, ties included', () => {
    // sklearn.metrics.average_precision_score(y, scores) -> 0.9376218323586745
    expect(averagePrecision(binary.yTrue, binary.scores)).toBeCloseTo(expectedNumber(binary, 'average_precision_score(y, scores)'), 14)
  })

  it('matches the scikit-learn documentation example', () => {
    // sklearn.metrics.average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) -> 0.8333...
    expect(averagePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.8333333333333333, 14)
  })

  it('matches scikit-learn macro one-vs-rest on a probability matrix', () => {
    // sklearn.metrics.average_precision_score(label_binarize(y), P, average='macro') -> 0.8133997530600942
    expect(averagePrecisionOneVsRest(multiclass.yTrue, multiclass.probabilities)).toBeCloseTo(
      expectedNumber(multiclass, "average_precision_score(label_binarize(y), P, average='macro')"),
      14,
    )
  })
})
