import { describe, expect, it } from 'vitest'
import { mcnemarTest } from '../../../src/stats/mcnemar-test.js'
import { VitestMlError } from '../../../src/util/errors.js'
import { expectPValue, expectStatistic, type Json, reference } from './reference-fixture.js'

describe('mcnemarTest', () => {
  // Each fixture case: statsmodels.stats.contingency_tables.mcnemar(table, exact, correction) -> statistic, pvalue
  // (computed with statsmodels when installed, else its formulas on scipy.stats.binom / chi2; see "source")
  for (const testCase of reference.mcnemarTest as Json[]) {
    it(`matches statsmodels mcnemar(${JSON.stringify(testCase.table)}, exact=${testCase.exact}, correction=${testCase.correction})`, () => {
      const result = mcnemarTest(testCase.table, { exact: testCase.exact, correction: testCase.correction })
      expectStatistic(result.statistic, testCase.statistic)
      expectPValue(result.pValue, testCase.pValue)
    })
  }

  it('returns statistic 0, p 1 with no discordant pairs', () => {
    expect(
      mcnemarTest(
        [
          [5, 0],
          [0, 7],
        ],
        { exact: false },
      ),
    ).toMatchObject({ statistic: 0, pValue: 1 })
  })

  it('throws VitestMlError with a hint on a malformed table', () => {
    expect(() =>
      mcnemarTest([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).toThrow(/a 2x2 table/)
    expect(() =>
      mcnemarTest([
        [1, -2],
        [4, 5],
      ]),
    ).toThrow(VitestMlError)
    expect(() =>
      mcnemarTest([
        [1, 2.5],
        [4, 5],
      ]),
    ).toThrow(/integer counts for the exact test.*\nHint:/)
  })
})
