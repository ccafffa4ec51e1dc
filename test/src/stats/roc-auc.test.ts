import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { rocAuc } from '../../../src/stats/roc-auc.js'

const reference = JSON.parse(readFileSync(new URL('../../fixtures/reference/multivariate.json', import.meta.url), 'utf8'))

describe('rocAuc', () => {
  it('matches sklearn.metrics.roc_auc_score on scores with ties', () => {
    for (const testCase of reference.rocAuc) {
      // sklearn.metrics.roc_auc_score(labels, scores) -> 0.62656...
      expect(rocAuc(testCase.scores, testCase.labels)).toBeCloseTo(testCase.auc, 12)
    }
  })

  it('gives 0.75 on the documented example and 0.5 for constant scores', () => {
    // sklearn.metrics.roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) -> 0.75
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75)
    expect(rocAuc([1, 1, 1, 1], [0, 1, 0, 1])).toBe(0.5)
  })

  it('rejects one class, NaN scores, bad labels and mismatched lengths', () => {
    expect(() => rocAuc([0.1, 0.2], [1, 1])).toThrow(/both classes among the labels, received 2 positives and 0 negatives\.\nHint:/)
    expect(() => rocAuc([Number.NaN, 0.2], [0, 1])).toThrow(/NaN at index 0/)
    expect(() => rocAuc([0.1, 0.2], [0, 2])).toThrow(/labels 0 or 1, received 2 at index 1/)
    expect(() => rocAuc([0.1, 0.2], [0])).toThrow(/2 labels/)
  })
})
