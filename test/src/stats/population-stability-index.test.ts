import { describe, expect, it } from 'vitest'
import { populationStabilityIndex } from '../../../src/stats/population-stability-index.js'
import { VitestMlError } from '../../../src/util/errors.js'
import { expectStatistic, type Json, reference } from './reference-fixture.js'

describe('populationStabilityIndex', () => {
  // Each fixture case: psi_quantile(reference, current, bins) in numpy (see scripts/reference/stats_reference.py):
  // np.unique(np.quantile(ref, k/bins)) edges, searchsorted side='right', empty proportions -> 1e-4
  ;(reference.populationStabilityIndex as Json[]).forEach((testCase: Json, index: number) => {
    it(`matches the numpy definition, case ${index} (${testCase.bins} bins)`, () => {
      const result = populationStabilityIndex(testCase.reference, testCase.current, { bins: testCase.bins })
      expectStatistic(result.statistic, testCase.statistic)
    })
  })

  it('is 0 for identical samples and puts edge values in the bin above', () => {
    const result = populationStabilityIndex([1, 2, 3, 4], [1, 2, 3, 4], { bins: 2 })
    // np.quantile([1, 2, 3, 4], 0.5) -> 2.5 ; searchsorted([2.5], [1, 2, 3, 4], 'right') -> [0, 0, 1, 1]
    expect(result).toMatchObject({ statistic: 0, edges: [2.5], referenceProportions: [0.5, 0.5] })
  })

  it('handles a constant reference (one edge left after de-duplication)', () => {
    // psi_quantile([1]*50, [1]*20 + [2]*5) -> 0.0: edges [1.0], every value >= 1 lands in bin 1 (side='right')
    const result = populationStabilityIndex(new Array(50).fill(1), [...new Array(20).fill(1), 2, 2, 2, 2, 2])
    expect(result.edges).toEqual([1])
    expect(result.referenceProportions).toEqual([1e-4, 1])
  })

  it('drops NaN and counts it; rejects empty samples, infinities and bad options', () => {
    expect(populationStabilityIndex([1, 2, Number.NaN], [1, 2]).nanDropped).toBe(1)
    expect(() => populationStabilityIndex([], [1])).toThrow(/expected at least 1 finite value in reference, received 0\.\nHint:/)
    expect(() => populationStabilityIndex([1], [Number.POSITIVE_INFINITY])).toThrow(VitestMlError)
    expect(() => populationStabilityIndex([1], [1], { bins: 1 })).toThrow(/bins >= 2/)
  })
})
