import { describe, expect, test } from 'vitest'
import { bootstrapIndices } from '../../../src/stats/bootstrap-resampler.js'

describe('bootstrapIndices with strata', () => {
  const strata = Int32Array.from({ length: 30 }, (_, i) => (i < 10 ? 0 : 1))

  test('every resample keeps each stratum at its size and draws only from it', () => {
    const seen: number[][] = []
    bootstrapIndices(
      'test',
      30,
      (indices) => {
        seen.push(Array.from(indices))
        return 0
      },
      { resamples: 50, seed: 3 },
      strata,
    )
    for (const indices of seen.slice(1)) {
      for (const [position, index] of indices.entries()) expect(strata[index]).toBe(strata[position])
    }
    // and it does resample: some position draws another row of its stratum
    expect(seen.slice(1).some((indices) => indices.some((index, position) => index !== position))).toBe(true)
  })

  test('a statistic of the stratum mix is constant under stratified resampling, not under plain resampling', () => {
    const shareOfFirst = (indices: Uint32Array): number => Array.from(indices).filter((index) => index < 10).length / indices.length
    const stratified = bootstrapIndices('test', 30, shareOfFirst, { resamples: 200, seed: 1 }, strata)
    expect(stratified.standardError).toBeLessThan(1e-12)
    expect([stratified.low, stratified.high]).toEqual([1 / 3, 1 / 3])
    expect(bootstrapIndices('test', 30, shareOfFirst, { resamples: 200, seed: 1 }).standardError).toBeGreaterThan(0.05)
  })

  test('same seed, same interval; one stratum per observation or an error', () => {
    const mean = (indices: Uint32Array): number => Array.from(indices).reduce((sum, index) => sum + index, 0) / indices.length
    expect(bootstrapIndices('test', 30, mean, { seed: 9, resamples: 300 }, strata)).toEqual(
      bootstrapIndices('test', 30, mean, { seed: 9, resamples: 300 }, strata),
    )
    expect(() => bootstrapIndices('test', 30, mean, {}, strata.subarray(0, 29))).toThrow(/^test: expected one stratum per observation \(30\), received 29\./)
  })
})
