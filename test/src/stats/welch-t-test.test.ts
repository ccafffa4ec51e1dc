import { describe, expect, it } from 'vitest'
import { VitestMlError } from '../../../src/util/errors.js'
import { welchTTest } from '../../../src/stats/welch-t-test.js'
import { expectPValue, expectStatistic, reference, type Json } from './reference-fixture.js'

describe('welchTTest', () => {
  // Each fixture case: scipy.stats.ttest_ind(reference, current, equal_var=False, alternative) -> t, p, df
  ;(reference.welchTTest as Json[]).forEach((testCase: Json, index: number) => {
    it(`matches scipy.stats.ttest_ind(equal_var=False), case ${index}`, () => {
      for (const expected of testCase.results as Json[]) {
        const result = welchTTest(testCase.reference, testCase.current, { alternative: expected.alternative })
        expectStatistic(result.statistic, expected.statistic)
        expectStatistic(result.df, expected.df)
        expectPValue(result.pValue, expected.pValue)
      }
    })
  })

  it('accepts one constant sample', () => {
    // scipy.stats.ttest_ind([1, 1, 1], [1, 2, 3], equal_var=False) -> t=-1.7320508, p=0.2254
    const result = welchTTest([1, 1, 1], [1, 2, 3])
    expectStatistic(result.statistic, -1.7320508075688772)
  })

  it('throws VitestMlError with a hint on degenerate input', () => {
    expect(() => welchTTest([1, 1], [1, 1])).toThrow(/two constant samples \(standard error 0\)\.\nHint:/)
    expect(() => welchTTest([1], [1, 2])).toThrow(/at least 2 finite values in reference/)
    expect(welchTTest([1, 2, Number.NaN], [1, 3]).nanDropped).toBe(1)
    expect(() => welchTTest([1, 2], [Number.NEGATIVE_INFINITY, 3])).toThrow(VitestMlError)
  })
})
