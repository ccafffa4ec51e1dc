import { describe, expect, it } from 'vitest'
import { accuracy, balancedAccuracy } from '../../../../src/evaluation/metrics/accuracy.js'
import { expectedNumber, reference } from './reference.js'

const { binary, multiclass } = reference

describe('accuracy', () => {
  it('matches scikit-learn on binary and string multiclass labels', () => {
    // sklearn.metrics.accuracy_score(y, yPred) -> 0.7166666666666667
    expect(accuracy(binary.yTrue, binary.yPred)).toBeCloseTo(expectedNumber(binary, 'accuracy_score(y, yPred)'), 14)
    // sklearn.metrics.accuracy_score(y, yPred) -> 0.6888888888888889
    expect(accuracy(multiclass.yTrue, multiclass.yPred)).toBeCloseTo(expectedNumber(multiclass, 'accuracy_score(y, yPred)'), 14)
  })

  it('rejects empty and mismatched inputs with a hint', () => {
    expect(() => accuracy([], [])).toThrow(/accuracy: expected at least 1 value in yTrue, received 0/)
    expect(() => accuracy([0, 1], [0])).toThrow(/expected 2 predictions \(one per entry of yTrue\), received 1\.\nHint:/)
  })
})

describe('balancedAccuracy', () => {
  it('matches scikit-learn', () => {
    // sklearn.metrics.balanced_accuracy_score(y, yPred) -> 0.7644415917843389
    expect(balancedAccuracy(binary.yTrue, binary.yPred)).toBeCloseTo(expectedNumber(binary, 'balanced_accuracy_score(y, yPred)'), 14)
    // sklearn.metrics.balanced_accuracy_score(y, yPred) -> 0.6783651783651784
    expect(balancedAccuracy(multiclass.yTrue, multiclass.yPred)).toBeCloseTo(expectedNumber(multiclass, 'balanced_accuracy_score(y, yPred)'), 14)
  })

  it('gives a majority-class predictor 1 / number of classes', () => {
    expect(balancedAccuracy([0, 0, 0, 1], [0, 0, 0, 0])).toBe(0.5)
  })
})
