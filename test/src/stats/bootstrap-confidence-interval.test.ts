import { describe, expect, it } from 'vitest'
import { VitestMlError } from '../../../src/errors.js'
import { bootstrapConfidenceInterval } from '../../../src/stats/bootstrap-confidence-interval.js'

const mean = (x: Float64Array): number => {
  let sum = 0
  for (let i = 0; i < x.length; i++) sum += x[i] as number
  return sum / x.length
}
const sample = Array.from({ length: 60 }, (_, i) => 1.5 * Math.sin(i * 1.7) + 0.1 * i)

describe('bootstrapConfidenceInterval', () => {
  it('agrees with scipy.stats.bootstrap up to resampling noise', () => {
    // scipy.stats.bootstrap((x,), np.mean, n_resamples=9999, method='percentile') -> (2.4498, 3.4437), SE 0.2527
    // scipy.stats.bootstrap(..., method='BCa') -> (2.4555, 3.4465)   (x = 1.5 sin(1.7 i) + 0.1 i, i < 60)
    const percentile = bootstrapConfidenceInterval(sample, mean, { seed: 1 })
    expect(percentile.estimate).toBeCloseTo(2.94743, 4)
    expect(percentile.low).toBeCloseTo(2.4498, 1)
    expect(percentile.high).toBeCloseTo(3.4437, 1)
    expect(Math.abs(percentile.standardError - 0.2527)).toBeLessThan(0.01)
    const bca = bootstrapConfidenceInterval(sample, mean, { seed: 1, method: 'bca' })
    expect(bca.low).toBeCloseTo(2.4555, 1)
    expect(bca.high).toBeCloseTo(3.4465, 1)
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
