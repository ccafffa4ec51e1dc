import { describe, expect, it } from 'vitest'
import { confusionMatrix } from '../../../../src/evaluation/metrics/confusion-matrix.js'
import { expectedObject, reference } from './reference.js'

const { multiclass } = reference

describe('confusionMatrix', () => {
  it('matches scikit-learn (rows true, columns predicted, sorted labels)', () => {
    // sklearn.metrics.confusion_matrix(y, yPred) -> [[24, 8, 5], [4, 9, 1], [7, 3, 29]]
    const result = confusionMatrix(multiclass.yTrue, multiclass.yPred)
    expect(result.labels).toEqual(multiclass.classes)
    expect(result.matrix).toEqual(expectedObject(multiclass, 'confusion_matrix(y, yPred)'))
  })

  it('honours a given label order and ignores labels outside it', () => {
    expect(confusionMatrix([0, 1, 2], [0, 0, 2], { labels: [1, 0] })).toEqual({
      labels: [1, 0],
      matrix: [
        [0, 1],
        [0, 1],
      ],
    })
  })

  it('rejects an empty label list', () => {
    expect(() => confusionMatrix([0], [0], { labels: [] })).toThrow(/confusionMatrix: expected at least one label/)
  })
})
