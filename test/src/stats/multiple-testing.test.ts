import { describe, expect, it } from 'vitest'
import { benjaminiHochberg } from '../../../src/stats/benjamini-hochberg.js'
import { bonferroni } from '../../../src/stats/bonferroni.js'
import { VitestMlError } from '../../../src/util/errors.js'
import { expectStatistic, type Json, reference } from './reference-fixture.js'

describe('bonferroni and benjaminiHochberg', () => {
  // Each fixture case: statsmodels.stats.multitest.multipletests(p, alpha, method='bonferroni' | 'fdr_bh')
  for (const testCase of reference.multipleTesting as Json[]) {
    it(`match statsmodels multipletests on ${JSON.stringify(testCase.pValues)}`, () => {
      const bonf = bonferroni(testCase.pValues, { alpha: testCase.alpha })
      const bh = benjaminiHochberg(testCase.pValues, { alpha: testCase.alpha })
      for (const [i, p] of bonf.adjusted.entries()) expectStatistic(p, testCase.bonferroni[i])
      for (const [i, p] of bh.adjusted.entries()) expectStatistic(p, testCase.benjaminiHochberg[i])
      expect(bonf.rejected).toEqual(testCase.bonferroniReject)
      expect(bh.rejected).toEqual(testCase.benjaminiHochbergReject)
    })
  }

  it('return empty results for no p-values', () => {
    expect(bonferroni([])).toEqual({ adjusted: [], rejected: [], alpha: 0.05 })
    expect(benjaminiHochberg([])).toEqual({ adjusted: [], rejected: [], alpha: 0.05 })
  })

  it('throw VitestMlError with a hint on NaN or out-of-range p-values', () => {
    expect(() => bonferroni([0.1, Number.NaN])).toThrow(/p-values in \[0, 1\], received NaN at index 1\.\nHint:/)
    expect(() => benjaminiHochberg([1.5])).toThrow(VitestMlError)
    expect(() => benjaminiHochberg([0.1], { alpha: 0 })).toThrow(/alpha in \(0, 1\)/)
  })
})
