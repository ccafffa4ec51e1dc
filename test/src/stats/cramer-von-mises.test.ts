import { describe, expect, it } from 'vitest'
import { cramerVonMises } from '../../../src/stats/cramer-von-mises.js'
import { VitestMlError } from '../../../src/util/errors.js'
import { expectPValue, expectStatistic, type Json, reference } from './reference-fixture.js'

describe('cramerVonMises', () => {
  // Each fixture case: scipy.stats.cramervonmises_2samp(reference, current, method) -> statistic, pvalue
  ;(reference.cramerVonMises as Json[]).forEach((testCase: Json, index: number) => {
    it(`matches scipy.stats.cramervonmises_2samp, case ${index} (${testCase.reference.length} vs ${testCase.current.length})`, () => {
      for (const expected of testCase.results as Json[]) {
        const result = cramerVonMises(testCase.reference, testCase.current, { method: expected.method })
        expectStatistic(result.statistic, expected.statistic)
        expectPValue(result.pValue, expected.pValue)
      }
    })
  })

  it('handles identical and all-tied samples', () => {
    // scipy.stats.cramervonmises_2samp([1, 2, 3], [1, 2, 3]) -> statistic 0.0277..., pvalue 1.0
    expect(cramerVonMises([1, 2, 3], [1, 2, 3]).pValue).toBe(1)
    expect(cramerVonMises([4, 4, 4], [4, 4]).pValue).toBe(1)
  })

  it('drops NaN (counted); throws VitestMlError with a hint below 2 values', () => {
    expect(cramerVonMises([1, 2, Number.NaN], [1, 3]).nanDropped).toBe(1)
    expect(() => cramerVonMises([1], [1, 2])).toThrow(/at least 2 finite values in reference, received 1\.\nHint:/)
    expect(() => cramerVonMises([], [1, 2])).toThrow(VitestMlError)
  })
})
