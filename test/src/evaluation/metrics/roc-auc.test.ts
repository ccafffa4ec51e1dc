import { describe, expect, it } from 'vitest'
import { rocAuc, rocAucOneVsRest } from '../../../../src/evaluation/metrics/roc-auc.js'
import { expectedNumber, reference } from './reference.js'

const { binary, multiclass } = reference

describe('rocAuc', () => {
  it('matches scikit-learn, ties included', () => {
    // sklearn.metrics.roc_auc_score(y, scores) -> 0.9794608472400513 (scores rounded to 0.1: many ties)
    expect(rocAuc(binary.yTrue, binary.scores)).toBeCloseTo(expectedNumber(binary, 'roc_auc_score(y, scores)'), 14)
    // sklearn.metrics.roc_auc_score(y, probabilities) -> 0.8973042362002568
    expect(rocAuc(binary.yTrue, binary.probabilities)).toBeCloseTo(expectedNumber(binary, 'roc_auc_score(y, probabilities)'), 14)
  })

  it('flips with the positive label', () => {
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBe(0.75)
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], { positiveLabel: 0 })).toBe(0.25)
  })

  it('rejects one class, NaN scores and length mismatches', () => {
    expect(() => rocAuc([1, 1], [0.2, 0.3])).toThrow(/rocAuc: expected exactly two classes in yTrue, received 1 \(1\)/)
    expect(() => rocAuc([0, 1], [0.2, Number.NaN])).toThrow(/rocAuc: expected finite scores, received NaN at index 1/)
    expect(() => rocAuc([0, 1, 1], [0.2, 0.3])).toThrow(/expected 3 scores/)
  })
})

describe('rocAucOneVsRest', () => {
  it('matches scikit-learn macro and weighted one-vs-rest', () => {
    // sklearn.metrics.roc_auc_score(y, P, multi_class='ovr', average='macro') -> 0.8951529984519645
    expect(rocAucOneVsRest(multiclass.yTrue, multiclass.probabilities)).toBeCloseTo(
      expectedNumber(multiclass, "roc_auc_score(y, P, multi_class='ovr', average='macro')"),
      14,
    )
    // sklearn.metrics.roc_auc_score(y, P, multi_class='ovr', average='weighted') -> 0.8923664522633504
    expect(rocAucOneVsRest(multiclass.yTrue, multiclass.probabilities, { average: 'weighted' })).toBeCloseTo(
      expectedNumber(multiclass, "roc_auc_score(y, P, multi_class='ovr', average='weighted')"),
      14,
    )
  })

  it('rejects rows of different widths and unknown labels', () => {
    expect(() => rocAucOneVsRest([0, 1], [[0.5, 0.5], [1]])).toThrow(/expected probability rows of 2 values, received 1 at row 1/)
    expect(() =>
      rocAucOneVsRest(
        ['x', 'y'],
        [
          [0.5, 0.5],
          [0.2, 0.8],
        ],
        { classes: ['a', 'b'] },
      ),
    ).toThrow(/expected labels among the classes "a", "b", received "x" at index 0/)
  })
})
