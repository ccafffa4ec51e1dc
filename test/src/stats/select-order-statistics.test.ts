import { describe, expect, it } from 'vitest'
import { selectOrderStatistics } from '../../../src/stats/select-order-statistics.js'

describe('selectOrderStatistics', () => {
  it('places each requested rank like a full sort would (random, tied and sorted inputs)', () => {
    const inputs = [
      Float64Array.from({ length: 10_000 }, (_, i) => Math.sin(i * 78.233) * 1000),
      Float64Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 13),
      Float64Array.from({ length: 5_000 }, (_, i) => i),
      Float64Array.from({ length: 5_000 }, () => 4),
    ]
    for (const input of inputs) {
      const sorted = input.slice().sort()
      const ranks = [0, 1, 499, 500, 2499, 2500, 4998, 4999]
      const partitioned = selectOrderStatistics(input.slice(), ranks)
      for (const r of ranks) expect(partitioned[r]).toBe(sorted[r])
    }
  })

  it('accepts no ranks and tiny arrays', () => {
    expect(Array.from(selectOrderStatistics(Float64Array.of(3, 1, 2), []))).toEqual([3, 1, 2])
    expect(selectOrderStatistics(Float64Array.of(3, 1, 2), [1])[1]).toBe(2)
  })
})
