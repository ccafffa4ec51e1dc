import { describe, expect, it } from 'vitest'
import { chiSquareHomogeneity } from '../../../src/stats/chi-square-homogeneity.js'
import { VitestMlError } from '../../../src/util/errors.js'
import { expectPValue, expectStatistic, type Json, reference } from './reference-fixture.js'

describe('chiSquareHomogeneity', () => {
  // Each fixture case: scipy.stats.chi2_contingency(table[:, table.sum(0) > 0], correction) -> chi2, p, dof, expected
  for (const testCase of reference.chiSquareHomogeneity as Json[]) {
    it(`matches scipy.stats.chi2_contingency on ${JSON.stringify(testCase.table)} (correction ${testCase.correction})`, () => {
      const result = chiSquareHomogeneity(testCase.table, { correction: testCase.correction })
      expectStatistic(result.statistic, testCase.statistic)
      expectPValue(result.pValue, testCase.pValue)
      expect(result.dof).toBe(testCase.dof)
      for (const [r, row] of result.expected.entries()) for (const [c, value] of row.entries()) expectStatistic(value, testCase.expected[r][c])
    })
  }

  it('applies Yates only at one degree of freedom', () => {
    // scipy.stats.chi2_contingency([[12, 5], [7, 9]]) -> chi2=1.2795..., Yates applied
    expect(
      chiSquareHomogeneity([
        [12, 5],
        [7, 9],
      ]).correctionApplied,
    ).toBe(true)
    expect(
      chiSquareHomogeneity([
        [12, 5, 1],
        [7, 9, 1],
      ]).correctionApplied,
    ).toBe(false)
  })

  it('drops categories absent from both samples and reports them', () => {
    const result = chiSquareHomogeneity([
      [30, 0, 12, 0],
      [25, 0, 20, 5],
    ])
    expect(result.droppedCategories).toEqual([1])
    expect(result.dof).toBe(2)
  })

  it('keeps a category present in only one sample (evidence of drift)', () => {
    // scipy.stats.chi2_contingency([[50, 0], [40, 10]]) -> dof 1, p < 0.01
    expect(
      chiSquareHomogeneity([
        [50, 0],
        [40, 10],
      ]).pValue,
    ).toBeLessThan(0.01)
  })

  it('gives statistic 0, p 1 when only one category is left', () => {
    // scipy.stats.chi2_contingency([[5], [7]]) -> (0.0, 1.0, 0, [[5], [7]])
    expect(
      chiSquareHomogeneity([
        [5, 0],
        [7, 0],
      ]),
    ).toMatchObject({ statistic: 0, pValue: 1, dof: 0 })
  })

  it('throws VitestMlError with a hint on degenerate tables', () => {
    expect(() => chiSquareHomogeneity([[1, 2]])).toThrow(VitestMlError)
    expect(() =>
      chiSquareHomogeneity([
        [1, 2],
        [0, 0],
      ]),
    ).toThrow(/row 1 with total 0\.\nHint:/)
    expect(() => chiSquareHomogeneity([[1, 2], [3]])).toThrow(/every row to have 2 categories/)
    expect(() =>
      chiSquareHomogeneity([
        [1, Number.NaN],
        [3, 4],
      ]),
    ).toThrow(/a finite count >= 0 in table\[0\]\[1\], received NaN/)
    expect(() =>
      chiSquareHomogeneity([
        [1, -1],
        [3, 4],
      ]),
    ).toThrow(VitestMlError)
  })
})
