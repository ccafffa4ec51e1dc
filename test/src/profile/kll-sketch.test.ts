import seedrandom from 'seedrandom'
import { describe, expect, it } from 'vitest'
import { type KllSketch, kllCreate, kllMerge, kllRankError, kllUpdate, kllUpdateWeighted, kllWeightedItems } from '../../../src/profile/kll-sketch.js'

/** The largest gap between the sketch's CDF and the exact CDF of `values`, read at every value. */
function maxCdfError(sketch: KllSketch, values: Float64Array): number {
  const sorted = values.slice().sort()
  const { values: items, weights } = kllWeightedItems(sketch)
  let cumulative = 0
  let next = 0
  let worst = 0
  for (let i = 0; i < sorted.length; i++) {
    const x = sorted[i] as number
    if (i + 1 < sorted.length && sorted[i + 1] === x) continue
    while (next < items.length && (items[next] as number) <= x) cumulative += weights[next++] as number
    worst = Math.max(worst, Math.abs(cumulative / sketch.n - (i + 1) / sorted.length))
  }
  return worst
}

const draws = {
  uniform: (random: () => number) => random(),
  skewed: (random: () => number) => random() ** 4 * 1000,
  ties: (random: () => number) => Math.floor(random() * 50),
}

describe('KLL sketch against exact quantiles', () => {
  for (const [name, draw] of Object.entries(draws)) {
    it(`keeps every CDF value within the stated rank error (${name}, 100k values, 5 seeds, k = 200)`, () => {
      for (let seed = 0; seed < 5; seed++) {
        const random = seedrandom(`kll-${name}-${seed}`)
        const values = Float64Array.from({ length: 100_000 }, () => draw(random))
        const sketch = kllCreate(200, seed)
        kllUpdate(sketch, values)
        expect(sketch.n).toBe(100_000)
        expect(maxCdfError(sketch, values)).toBeLessThanOrEqual(kllRankError(200))
        const size = sketch.levels.reduce((sum, level) => sum + level.length, 0)
        expect(size).toBeLessThan(3 * 200)
      }
    })
  }

  it('merges shards into a sketch of the concatenation within the same error', () => {
    const random = seedrandom('kll-merge')
    const values = Float64Array.from({ length: 300_000 }, () => random() * random())
    const shards = [0, 1, 2, 3, 4].map(() => kllCreate(400, 1))
    for (const [index, value] of values.entries()) kllUpdate(shards[index % 5] as KllSketch, [value])
    const merged = kllCreate(400, 1)
    for (const shard of shards) kllMerge(merged, shard)
    expect(merged.n).toBe(300_000)
    expect(maxCdfError(merged, values)).toBeLessThanOrEqual(kllRankError(400))
  })

  it('is deterministic for a seed and enters weighted counts without error', () => {
    const values = Float64Array.from({ length: 50_000 }, (_, index) => (index * 7919) % 10_007)
    const first = kllCreate(100, 5)
    const second = kllCreate(100, 5)
    kllUpdate(first, values)
    kllUpdate(second, values)
    expect(first).toEqual(second)
    const weighted = kllCreate(100)
    kllUpdateWeighted(weighted, 3, 5)
    kllUpdateWeighted(weighted, 1, 2)
    // 5 = 101b: one item of weight 1 and one of weight 4; 2 = 10b: one item of weight 2.
    expect(kllWeightedItems(weighted)).toEqual({ values: Float64Array.of(1, 3, 3), weights: Float64Array.of(2, 1, 4) })
    expect(weighted.n).toBe(7)
  })

  it('states the DataSketches rank-error formula', () => {
    // Apache DataSketches KllSketch.getNormalizedRankError(k, true) = 2.446 / k^0.9433
    expect(kllRankError(200)).toBeCloseTo(0.01652, 4)
    expect(kllRankError(1000)).toBeCloseTo(0.00358, 4)
  })
})
