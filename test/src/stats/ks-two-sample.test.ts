import { describe, expect, it } from 'vitest'
import { ksTwoSample } from '../../../src/stats/ks-two-sample.js'
import { VitestMlError } from '../../../src/util/errors.js'
import { expectPValue, expectStatistic, type Json, reference, weyl } from './reference-fixture.js'

describe('ksTwoSample', () => {
  // Each fixture case: scipy.stats.ks_2samp(reference, current, method=..., alternative=...) -> statistic, pvalue
  for (const testCase of reference.ksTwoSample as Json[]) {
    it(`matches scipy.stats.ks_2samp: ${testCase.name}`, () => {
      const ref = testCase.generated === undefined ? testCase.reference : weyl(testCase.generated.reference)
      const cur = testCase.generated === undefined ? testCase.current : weyl(testCase.generated.current)
      for (const expected of testCase.results as Json[]) {
        const result = ksTwoSample(ref, cur, { method: expected.method, alternative: expected.alternative })
        expectStatistic(result.statistic, expected.statistic)
        expectPValue(result.pValue, expected.pValue)
      }
    })
  }

  it('gives D = 0.5, p = 0.3571 on a small exact case', () => {
    // scipy.stats.ks_2samp([1, 2, 3, 4, 5], [3, 4, 5, 6, 7, 8]) -> D=0.5, p=0.35714285714285715
    const result = ksTwoSample([1, 2, 3, 4, 5], [3, 4, 5, 6, 7, 8])
    expect(result.statistic).toBeCloseTo(0.5, 12)
    expectPValue(result.pValue, 0.35714285714285715)
    expect(result.method).toBe('exact')
  })

  it('throws a VitestMlError with a hint on an empty sample', () => {
    expect(() => ksTwoSample([], [1, 2])).toThrow(VitestMlError)
    expect(() => ksTwoSample([1], [])).toThrow(/expected at least 1 finite value in current, received 0\.\nHint:/)
  })

  it('drops NaN, counts it, and errors when only NaN is left', () => {
    const result = ksTwoSample([1, Number.NaN, 2, 3], [Number.NaN, 2, 3, 4])
    expect(result.nanDropped).toBe(2)
    expect(result.referenceSize).toBe(3)
    expect(() => ksTwoSample([Number.NaN], [1])).toThrow(/received 0 \(1 NaN dropped\)/)
  })

  it('rejects infinities', () => {
    expect(() => ksTwoSample([1, Number.POSITIVE_INFINITY], [1, 2])).toThrow(/finite numbers in reference, received Infinity at index 1/)
  })

  it('handles one value per sample, constant samples and all ties', () => {
    // scipy.stats.ks_2samp([1], [2]) -> D=1, p=1.0
    expect(ksTwoSample([1], [2])).toMatchObject({ statistic: 1, pValue: 1 })
    // scipy.stats.ks_2samp([3, 3, 3], [3, 3]) -> D=0, p=1.0
    expect(ksTwoSample([3, 3, 3], [3, 3])).toMatchObject({ statistic: 0, pValue: 1 })
    // scipy.stats.ks_2samp([0]*20, [1]*20) -> D=1, p=1.4508889103849681e-11
    const apart = ksTwoSample(new Array(20).fill(0), new Array(20).fill(1))
    expect(apart.statistic).toBe(1)
    expectPValue(apart.pValue, 1.4508889103849681e-11)
  })

  it('rejects unknown options', () => {
    // @ts-expect-error invalid method on purpose
    expect(() => ksTwoSample([1], [2], { method: 'fast' })).toThrow(VitestMlError)
  })
})
