import { describe, expect, it } from 'vitest'
import { welchTTest } from '../../../src/stats/welch-t-test.js'
import { VitestMlError } from '../../../src/util/errors.js'
import { expectPValue, expectStatistic, type Json, reference } from './reference-fixture.js'

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

  // The fixture's degenerate cases: scipy.stats.ttest_ind(equal_var=False) on constant samples ("inf" / "nan" encode them).
  const decode = (value: number | string): number =>
    value === 'inf' ? Infinity : value === '-inf' ? -Infinity : value === 'nan' ? Number.NaN : (value as number)
  for (const testCase of reference.degenerate.welchTTest as Json[]) {
    const label = `${JSON.stringify(testCase.reference)} vs ${JSON.stringify(testCase.current)}, ${testCase.alternative}`
    if (testCase.statistic === 'nan') {
      it(`throws where scipy gives NaN (equal constants): ${label}`, () => {
        expect(() => welchTTest(testCase.reference, testCase.current, { alternative: testCase.alternative })).toThrow(
          /two constant samples equal to 1 \(standard error 0\)\.\nHint:/,
        )
      })
    } else {
      it(`answers two different constants like scipy: ${label}`, () => {
        // e.g. scipy.stats.ttest_ind([1, 1, 1], [2, 2, 2], equal_var=False) -> (-inf, 0.0, df 1.0)
        const result = welchTTest(testCase.reference, testCase.current, { alternative: testCase.alternative })
        expect(result.statistic).toBe(decode(testCase.statistic))
        expect(result.pValue).toBe(decode(testCase.pValue))
        expect(result.df).toBe(decode(testCase.df))
      })
    }
  }

  it('throws VitestMlError with a hint on degenerate input', () => {
    expect(() => welchTTest([1], [1, 2])).toThrow(/at least 2 finite values in reference/)
    expect(welchTTest([1, 2, Number.NaN], [1, 3]).nanDropped).toBe(1)
    expect(() => welchTTest([1, 2], [Number.NEGATIVE_INFINITY, 3])).toThrow(VitestMlError)
  })
})
