import { describe, expect, it } from 'vitest'
import { chiSquareGoodnessOfFit } from '../../../src/stats/chi-square-goodness-of-fit.js'
import { VitestMlError } from '../../../src/util/errors.js'
import { expectPValue, expectStatistic, type Json, reference } from './reference-fixture.js'

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

  // The fixture's degenerate cases: scipy.stats.chisquare answers instead of raising ("inf" / "nan" encode inf / NaN).
  for (const testCase of reference.degenerate.chiSquareGoodnessOfFit as Json[]) {
    const label = `${JSON.stringify(testCase.observed)} / ${JSON.stringify(testCase.expected)}`
    if (testCase.statistic === 'inf') {
      it(`answers an observation in a category expected 0 times like scipy (inf, p 0): ${label}`, () => {
        // e.g. scipy.stats.chisquare([3, 2, 1], [3, 3, 0]) -> (inf, 0.0)
        const result = chiSquareGoodnessOfFit(testCase.observed, testCase.expected)
        expect(result.statistic).toBe(Number.POSITIVE_INFINITY)
        expect(result.pValue).toBe(testCase.pValue)
      })
    } else {
      it(`drops a category expected and observed 0 times where scipy gives NaN: ${label}`, () => {
        // scipy.stats.chisquare([0, 4, 6], [0, 5, 5]) -> (nan, nan); without the empty category: chisquare([4, 6], [5, 5]) -> (0.4, 0.5271)
        const result = chiSquareGoodnessOfFit(testCase.observed, testCase.expected)
        expect(testCase.statistic).toBe('nan')
        expectStatistic(result.statistic, 0.4)
        expectPValue(result.pValue, 0.5270892568655381)
        expect(result.dof).toBe(1)
      })
    }
  }

  it('throws VitestMlError with a hint on degenerate input', () => {
    expect(() => chiSquareGoodnessOfFit([0, 5], [0, 5])).toThrow(
      /received 0 \(k = 1 after dropping 1 categories expected and observed 0 times, ddof = 0\)\.\nHint:/,
    )
    expect(() => chiSquareGoodnessOfFit([])).toThrow(VitestMlError)
    expect(() => chiSquareGoodnessOfFit([5])).toThrow(/at least 1 degree of freedom/)
    expect(() => chiSquareGoodnessOfFit([0, 0, 0])).toThrow(/at least one observation/)
    expect(() => chiSquareGoodnessOfFit([5, 5], [2, 2])).toThrow(/summing to the observed total 10, received a total of 4\.\nHint:/)
    expect(() => chiSquareGoodnessOfFit([5, 5], [10])).toThrow(/2 expected counts/)
    expect(() => chiSquareGoodnessOfFit([5, Number.NaN])).toThrow(VitestMlError)
  })
})
