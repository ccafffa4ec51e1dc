import { describe, expect, it } from 'vitest'
import { wassersteinDistance } from '../../../src/stats/wasserstein-distance.js'
import { VitestMlError } from '../../../src/util/errors.js'
import { expectStatistic, type Json, reference } from './reference-fixture.js'

describe('wassersteinDistance', () => {
  // Each fixture case: scipy.stats.wasserstein_distance(reference, current) -> statistic
  ;(reference.wassersteinDistance as Json[]).forEach((testCase: Json, index: number) => {
    it(`matches scipy.stats.wasserstein_distance, case ${index} (${testCase.reference.length} vs ${testCase.current.length})`, () => {
      expectStatistic(wassersteinDistance(testCase.reference, testCase.current).statistic, testCase.statistic)
    })
  })

  it('is the shift between two translated samples', () => {
    // scipy.stats.wasserstein_distance([0, 1, 3], [5, 6, 8]) -> 5.0
    expect(wassersteinDistance([0, 1, 3], [5, 6, 8]).statistic).toBeCloseTo(5, 12)
  })

  it('handles one value, constant and all-tied samples', () => {
    // scipy.stats.wasserstein_distance([3], [5]) -> 2.0 ; ([1, 1, 1], [1, 1]) -> 0.0
    expect(wassersteinDistance([3], [5]).statistic).toBe(2)
    expect(wassersteinDistance([1, 1, 1], [1, 1]).statistic).toBe(0)
  })

  it('drops NaN and counts it; rejects empty samples and infinities', () => {
    expect(wassersteinDistance([0, Number.NaN, 1], [0, 1])).toEqual({ statistic: 0, nanDropped: 1 })
    expect(() => wassersteinDistance([], [1])).toThrow(VitestMlError)
    expect(() => wassersteinDistance([Number.NaN], [1])).toThrow(/received 0 \(1 NaN dropped\)\.\nHint:/)
    expect(() => wassersteinDistance([1], [Number.NEGATIVE_INFINITY])).toThrow(/-Infinity at index 0/)
  })
})
