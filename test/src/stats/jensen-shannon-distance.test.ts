import { describe, expect, it } from 'vitest'
import { jensenShannonDistance } from '../../../src/stats/jensen-shannon-distance.js'
import { VitestMlError } from '../../../src/util/errors.js'
import { expectStatistic, type Json, reference } from './reference-fixture.js'

describe('jensenShannonDistance', () => {
  // Each fixture case: scipy.spatial.distance.jensenshannon(p, q, base) -> distance
  for (const testCase of reference.jensenShannonDistance as Json[]) {
    it(`matches scipy jensenshannon(${JSON.stringify(testCase.p)}, ${JSON.stringify(testCase.q)}, base=${testCase.base})`, () => {
      const options = testCase.base === null ? {} : { base: testCase.base }
      expectStatistic(jensenShannonDistance(testCase.p, testCase.q, options).statistic, testCase.statistic)
    })
  }

  it('is 1 bit for disjoint distributions and 0 for identical ones', () => {
    // scipy.spatial.distance.jensenshannon([1, 0], [0, 1], base=2) -> 1.0
    expect(jensenShannonDistance([1, 0], [0, 1], { base: 2 }).statistic).toBeCloseTo(1, 12)
    expect(jensenShannonDistance([3, 3], [1, 1]).statistic).toBe(0)
  })

  it('throws VitestMlError with a hint on degenerate input', () => {
    expect(() => jensenShannonDistance([], [])).toThrow(VitestMlError)
    expect(() => jensenShannonDistance([1, 2], [1])).toThrow(/q with 2 categories \(as p\), received 1\.\nHint:/)
    expect(() => jensenShannonDistance([0, 0], [1, 1])).toThrow(/positive total/)
    expect(() => jensenShannonDistance([1, -1], [1, 1])).toThrow(VitestMlError)
    expect(() => jensenShannonDistance([1, 1], [1, 1], { base: 1 })).toThrow(/logarithm base/)
  })
})
