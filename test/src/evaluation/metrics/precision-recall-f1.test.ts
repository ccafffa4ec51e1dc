import { describe, expect, it } from 'vitest'
import { f1Score, precision, precisionRecallF1, recall } from '../../../../src/evaluation/metrics/precision-recall-f1.js'
import { expectedObject, reference } from './reference.js'

const { binary, multiclass } = reference
type Scores = { precision: number; recall: number; f1: number }

describe('precisionRecallF1', () => {
  it.each(['macro', 'micro', 'weighted'] as const)('matches scikit-learn with average=%s', (average) => {
    // sklearn.metrics.precision_recall_fscore_support(y, yPred, average='macro') -> (0.6548, 0.6784, 0.6600)
    const expected = expectedObject<Scores>(multiclass, `precision_recall_fscore_support(y, yPred, average='${average}')`)
    const result = precisionRecallF1(multiclass.yTrue, multiclass.yPred, { average })
    expect(result.precision).toBeCloseTo(expected.precision, 14)
    expect(result.recall).toBeCloseTo(expected.recall, 14)
    expect(result.f1).toBeCloseTo(expected.f1, 14)
  })

  it('matches scikit-learn per class', () => {
    // sklearn.metrics.precision_recall_fscore_support(y, yPred, average=None) -> precision [0.6857, 0.45, 0.8286] ...
    const expected = expectedObject<Record<'precision' | 'recall' | 'f1' | 'support', number[]>>(
      multiclass,
      'precision_recall_fscore_support(y, yPred, average=None)',
    )
    const { perClass } = precisionRecallF1(multiclass.yTrue, multiclass.yPred)
    perClass.forEach((scores, k) => {
      expect(scores.label).toBe(multiclass.classes[k])
      expect(scores.precision).toBeCloseTo(expected.precision[k] as number, 14)
      expect(scores.recall).toBeCloseTo(expected.recall[k] as number, 14)
      expect(scores.f1).toBeCloseTo(expected.f1[k] as number, 14)
      expect(scores.support).toBe(expected.support[k])
    })
  })

  it('matches scikit-learn with average=binary', () => {
    // sklearn.metrics.precision_recall_fscore_support(y, yPred, average='binary') -> (0.53125, 0.8947, 0.6667)
    const expected = expectedObject<Scores>(binary, "precision_recall_fscore_support(y, yPred, average='binary')")
    expect(precision(binary.yTrue, binary.yPred, { average: 'binary' })).toBeCloseTo(expected.precision, 14)
    expect(recall(binary.yTrue, binary.yPred, { average: 'binary' })).toBeCloseTo(expected.recall, 14)
    expect(f1Score(binary.yTrue, binary.yPred, { average: 'binary' })).toBeCloseTo(expected.f1, 14)
  })

  it('uses zeroDivision for classes never predicted', () => {
    expect(precision([0, 1], [0, 0], { average: 'binary' })).toBe(0)
    expect(precision([0, 1], [0, 0], { average: 'binary', zeroDivision: 1 })).toBe(1)
  })

  it('rejects binary averaging on three classes', () => {
    expect(() => precisionRecallF1(['a', 'b', 'c'], ['a', 'b', 'c'], { average: 'binary' })).toThrow(
      /expected binary labels including the positive label 1, received labels "a", "b", "c"/,
    )
  })
})
