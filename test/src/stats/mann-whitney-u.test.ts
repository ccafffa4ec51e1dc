import { describe, expect, it } from 'vitest'
import { mannWhitneyU } from '../../../src/stats/mann-whitney-u.js'
import { VitestMlError } from '../../../src/util/errors.js'
import { expectPValue, expectStatistic, type Json, reference } from './reference-fixture.js'

describe('mannWhitneyU', () => {
  // Each fixture case: scipy.stats.mannwhitneyu(reference, current, use_continuity, alternative, method) -> U1, p
  ;(reference.mannWhitneyU as Json[]).forEach((testCase: Json, index: number) => {
    it(`matches scipy.stats.mannwhitneyu, case ${index} (${testCase.reference.length} vs ${testCase.current.length})`, () => {
      for (const expected of testCase.results as Json[]) {
        const result = mannWhitneyU(testCase.reference, testCase.current, {
          alternative: expected.alternative,
          method: expected.method,
          continuity: expected.continuity,
        })
        expectStatistic(result.statistic, expected.statistic)
        expectPValue(result.pValue, expected.pValue)
      }
    })
  })

  it('gives p = 1 when every value is tied', () => {
    expect(mannWhitneyU([2, 2, 2], [2, 2], { method: 'asymptotic' })).toMatchObject({ statistic: 3, pValue: 1 })
  })

  it('drops NaN (counted); throws VitestMlError with a hint on empty samples or infinities', () => {
    expect(mannWhitneyU([1, Number.NaN], [2]).nanDropped).toBe(1)
    expect(() => mannWhitneyU([], [1])).toThrow(/at least 1 finite value in reference, received 0\.\nHint:/)
    expect(() => mannWhitneyU([1], [Number.POSITIVE_INFINITY])).toThrow(VitestMlError)
  })
})
