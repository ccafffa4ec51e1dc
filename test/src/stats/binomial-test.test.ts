import { describe, expect, it } from 'vitest'
import { binomialTest } from '../../../src/stats/binomial-test.js'
import { VitestMlError } from '../../../src/util/errors.js'
import { expectPValue, expectStatistic, type Json, reference } from './reference-fixture.js'

describe('binomialTest', () => {
  // Each fixture case: r = scipy.stats.binomtest(k, n, p, alternative) -> r.statistic, r.pvalue,
  // r.proportion_ci(0.95 / 0.9, method='exact')
  for (const testCase of reference.binomialTest as Json[]) {
    it(`matches scipy.stats.binomtest(${testCase.k}, ${testCase.n}, ${testCase.p}, '${testCase.alternative}')`, () => {
      const result = binomialTest(testCase.k, testCase.n, { p: testCase.p, alternative: testCase.alternative })
      expectStatistic(result.statistic, testCase.statistic)
      expectPValue(result.pValue, testCase.pValue)
      const ci95 = result.confidenceInterval()
      const ci90 = result.confidenceInterval(0.9)
      expectPValue(ci95.low, testCase.clopperPearson95[0])
      expectPValue(ci95.high, testCase.clopperPearson95[1])
      expectPValue(ci90.low, testCase.clopperPearson90[0])
      expectPValue(ci90.high, testCase.clopperPearson90[1])
    })
  }

  it('handles k = 0 and k = n', () => {
    // scipy.stats.binomtest(0, 10, 0.2).pvalue -> 0.22824806400000008 (two-sided)
    expectPValue(binomialTest(0, 10, { p: 0.2 }).pValue, 0.22824806400000008)
    expect(binomialTest(10, 10).confidenceInterval().high).toBe(1)
    expect(binomialTest(0, 10).confidenceInterval().low).toBe(0)
  })

  it('throws VitestMlError with a hint on invalid input', () => {
    expect(() => binomialTest(3, 0)).toThrow(/expected n that is an integer >= 1, received 0\.\nHint:/)
    expect(() => binomialTest(11, 10)).toThrow(VitestMlError)
    expect(() => binomialTest(1.5, 10)).toThrow(VitestMlError)
    expect(() => binomialTest(1, 10, { p: 1.5 })).toThrow(/null proportion/)
  })
})
