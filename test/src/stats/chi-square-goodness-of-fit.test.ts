import { describe, expect, it } from 'vitest'
import { VitestMlError } from '../../../src/util/errors.js'
import { chiSquareGoodnessOfFit } from '../../../src/stats/chi-square-goodness-of-fit.js'
import { expectPValue, expectStatistic, reference, type Json } from './reference-fixture.js'

describe('chiSquareGoodnessOfFit', () => {
  // Each fixture case: scipy.stats.chisquare(observed, expected, ddof) -> statistic, pvalue
  for (const testCase of reference.chiSquareGoodnessOfFit as Json[]) {
    it(`matches scipy.stats.chisquare on ${JSON.stringify(testCase.observed)} / ${JSON.stringify(testCase.expected)} ddof ${testCase.ddof}`, () => {
      const result = chiSquareGoodnessOfFit(testCase.observed, testCase.expected ?? undefined, { ddof: testCase.ddof })
      expectStatistic(result.statistic, testCase.statistic)
      expectPValue(result.pValue, testCase.pValue)
    })
  }

  it('gives statistic 0, p 1 when observed equals expected', () => {
    // scipy.stats.chisquare([10, 10]) -> (0.0, 1.0)
    expect(chiSquareGoodnessOfFit([10, 10])).toMatchObject({ statistic: 0, pValue: 1, dof: 1 })
  })

  it('throws VitestMlError with a hint on degenerate input', () => {
    expect(() => chiSquareGoodnessOfFit([])).toThrow(VitestMlError)
    expect(() => chiSquareGoodnessOfFit([5])).toThrow(/at least 1 degree of freedom/)
    expect(() => chiSquareGoodnessOfFit([0, 0, 0])).toThrow(/at least one observation/)
    expect(() => chiSquareGoodnessOfFit([5, 5], [2, 2])).toThrow(/summing to the observed total 10, received a total of 4\.\nHint:/)
    expect(() => chiSquareGoodnessOfFit([5, 5], [10, 0])).toThrow(/expected\[1\] > 0/)
    expect(() => chiSquareGoodnessOfFit([5, 5], [10])).toThrow(/2 expected counts/)
    expect(() => chiSquareGoodnessOfFit([5, Number.NaN])).toThrow(VitestMlError)
  })
})
