import { describe, expect, it } from 'vitest'
import { bootstrapConfidenceInterval } from '../../../src/stats/bootstrap-confidence-interval.js'
import { VitestMlError } from '../../../src/util/errors.js'
import { type Json, reference } from './reference-fixture.js'

const mean = (x: Float64Array): number => {
  let sum = 0
  for (let i = 0; i < x.length; i++) sum += x[i] as number
  return sum / x.length
}
const sample = Array.from({ length: 60 }, (_, i) => 1.5 * Math.sin(i * 1.7) + 0.1 * i)

describe('bootstrapConfidenceInterval', () => {
  it('agrees with scipy.stats.bootstrap up to resampling noise', () => {
    // scipy.stats.bootstrap((x,), np.mean, n_resamples=9999, method='percentile' | 'BCa') over 50 seeds, from
    // scripts/reference/stats_reference.py: each bound's mean and sd across seeds, on a near-symmetric sample and a
    // skewed one (where BCa's bounds sit 6-8 sds above the percentile ones, so mixing the methods up fails). Our
    // resampler draws other random numbers, so each bound must lie within 4 scipy sds of scipy's mean.
    for (const testCase of reference.bootstrapConfidenceInterval as Json[]) {
      for (const seed of [1, 2, 3]) {
        const result = bootstrapConfidenceInterval(testCase.x, mean, {
          seed,
          method: testCase.method,
          resamples: testCase.resamples,
          confidence: testCase.confidence,
        })
        expect(result.estimate).toBeCloseTo(testCase.estimate, 12)
        for (const bound of ['low', 'high', 'standardError'] as const) {
          const deviation = Math.abs(result[bound] - testCase[bound].mean) / testCase[bound].sd
          expect(
            deviation,
            `${testCase.sample} ${testCase.method} ${bound} seed ${seed}: ${result[bound]} vs scipy ${testCase[bound].mean} (sd ${testCase[bound].sd})`,
          ).toBeLessThan(4)
        }
      }
    }
  })

  it('is reproducible for a seed and reports it', () => {
    const first = bootstrapConfidenceInterval(sample, mean, { seed: 42, resamples: 500 })
    const again = bootstrapConfidenceInterval(sample, mean, { seed: 42, resamples: 500 })
    const other = bootstrapConfidenceInterval(sample, mean, { seed: 43, resamples: 500 })
    expect(again).toEqual(first)
    expect(other.low).not.toBe(first.low)
    expect(first).toMatchObject({ seed: 42, resamples: 500, method: 'percentile', confidence: 0.95 })
    expect(bootstrapConfidenceInterval(sample, mean, { resamples: 100 }).seed).toBe(20240601)
  })

  it('narrows with a lower confidence level', () => {
    const wide = bootstrapConfidenceInterval(sample, mean, { seed: 3, confidence: 0.99, resamples: 2000 })
    const narrow = bootstrapConfidenceInterval(sample, mean, { seed: 3, confidence: 0.8, resamples: 2000 })
    expect(narrow.high - narrow.low).toBeLessThan(wide.high - wide.low)
  })

  it('handles one value and constant samples; BCa refuses a constant statistic', () => {
    expect(bootstrapConfidenceInterval([5], mean, { resamples: 50 })).toMatchObject({ low: 5, high: 5, estimate: 5 })
    expect(bootstrapConfidenceInterval([2, 2, 2], mean, { resamples: 50 })).toMatchObject({ low: 2, high: 2, standardError: 0 })
    expect(() => bootstrapConfidenceInterval([2, 2, 2], mean, { resamples: 50, method: 'bca' })).toThrow(/method 'percentile'/)
  })

  it('drops NaN (counted) and throws VitestMlError with a hint on empty input or bad options', () => {
    expect(bootstrapConfidenceInterval([1, Number.NaN, 3], mean, { resamples: 50 }).nanDropped).toBe(1)
    expect(() => bootstrapConfidenceInterval([], mean)).toThrow(/at least 1 finite value in samples, received 0\.\nHint:/)
    expect(() => bootstrapConfidenceInterval([1, 2], mean, { confidence: 1 })).toThrow(VitestMlError)
    expect(() => bootstrapConfidenceInterval([1, 2], mean, { resamples: 1 })).toThrow(/resamples >= 2/)
  })
})
