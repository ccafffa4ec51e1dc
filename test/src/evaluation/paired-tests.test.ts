import { describe, expect, it } from 'vitest'
import { bootstrapGainInterval, mcnemarExact } from '../../../src/evaluation/paired-tests.js'

describe('mcnemarExact', () => {
  it('gives the exact one-sided and two-sided McNemar p-values', () => {
    // scipy.stats.binomtest(12, 15, 0.5, alternative='greater').pvalue -> 0.017578125
    // statsmodels mcnemar([[0, 3], [12, 0]], exact=True).pvalue -> 0.03515625
    expect(mcnemarExact(12, 3)).toEqual({ oneSided: 0.017578125, twoSided: 0.03515625 })
    // scipy.stats.binomtest(3, 15, 0.5, alternative='greater').pvalue -> 1 - 121 / 32768 = 0.996307373046875
    expect(mcnemarExact(3, 12).oneSided).toBeCloseTo(1 - 121 / 32768, 14)
    expect(mcnemarExact(0, 0)).toEqual({ oneSided: 1, twoSided: 1 })
  })
})

describe('bootstrapGainInterval', () => {
  it('is a zero-width interval for a constant gain, with the smallest p-value above the threshold', () => {
    const result = bootstrapGainInterval(20, () => 0.1, { confidence: 0.95, resamples: 500, seed: 1, threshold: 0 })
    expect(result).toEqual({ low: 0.1, high: 0.1, resamples: 500, undefinedResamples: 0, pValue: 1 / 501 })
  })

  it('brackets the mean of a paired difference and is reproducible', () => {
    const differences = Array.from({ length: 200 }, (_, i) => (i % 4 === 0 ? 1 : 0) - (i % 10 === 0 ? 1 : 0))
    const mean = (indices: Uint32Array): number => {
      let total = 0
      for (const i of indices) total += differences[i] as number
      return total / indices.length
    }
    const options = { confidence: 0.95, resamples: 1000, seed: 3, threshold: 0 }
    const result = bootstrapGainInterval(200, mean, options)
    expect(result.low).toBeLessThan(0.15)
    expect(result.high).toBeGreaterThan(0.15)
    expect(result.low).toBeGreaterThan(0)
    expect(result.pValue).toBeLessThan(0.05)
    expect(bootstrapGainInterval(200, mean, options)).toEqual(result)
  })

  it('counts undefined resamples as the worst gain', () => {
    let call = 0
    const result = bootstrapGainInterval(10, () => (call++ % 2 === 0 ? 1 : Number.NaN), { confidence: 0.95, resamples: 100, seed: 1, threshold: 0 })
    expect(result.undefinedResamples).toBe(50)
    expect(result.low).toBe(-Number.MAX_VALUE)
    expect(result.pValue).toBeCloseTo(51 / 101, 12)
  })
})
