import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { chiSquareGoodnessOfFit } from '../../../src/stats/chi-square-goodness-of-fit.js'
import { arbitraryDescription } from '../../../src/util/described-arbitrary.js'
import { uniformNumber } from '../../../src/util/uniform-number.js'

/** Counts of values per bin of equal width over [min, max]. */
function histogram(values: readonly number[], min: number, max: number, bins: number, transform: (value: number) => number = (value) => value): number[] {
  const counts = new Array<number>(bins).fill(0)
  const low = transform(min)
  const width = (transform(max) - low) / bins
  for (const value of values) counts[Math.min(bins - 1, Math.floor((transform(value) - low) / width))]! += 1
  return counts
}
const unbiased = <T>(arbitrary: fc.Arbitrary<T>, numRuns: number, seed = 1): T[] => fc.sample(fc.noBias(arbitrary), { seed, numRuns })

describe('uniformNumber', () => {
  it('is flat over the interval (statistical mode): each tenth of [0, 1] holds 10% of 100,000 draws, within sampling error', () => {
    const counts = histogram(unbiased(uniformNumber({ min: 0, max: 1 }), 100_000), 0, 1, 10)
    for (const count of counts) expect(Math.abs(count / 100_000 - 0.1)).toBeLessThan(0.003)
    // Uniform over the bins: scipy.stats.chisquare(counts) would not reject (we use our scipy-checked implementation).
    expect(chiSquareGoodnessOfFit(counts).pValue).toBeGreaterThan(0.001)
  })

  it('is flat over a range away from zero, where fc.double crowds toward the lower bound', () => {
    const ours = histogram(unbiased(uniformNumber({ min: 2048, max: 8192 }), 20_000), 2048, 8192, 3)
    const doubles = histogram(unbiased(fc.double({ min: 2048, max: 8192, noNaN: true }), 20_000), 2048, 8192, 3)
    expect(chiSquareGoodnessOfFit(ours).pValue).toBeGreaterThan(0.001)
    // fc.double: [2048, 4096) holds twice the density of [4096, 8192) (one binary exponent each).
    expect(doubles[0]! / 20_000).toBeGreaterThan(0.45)
  })

  it('log-uniform: every decade of [1, 1e6] equally likely', () => {
    const counts = histogram(unbiased(uniformNumber({ min: 1, max: 1e6, scale: 'log-uniform' }), 60_000), 1, 1e6, 6, Math.log10)
    expect(chiSquareGoodnessOfFit(counts).pValue).toBeGreaterThan(0.001)
  })

  it('whole numbers: each of 3..8 equally likely, the bounds included', () => {
    const values = unbiased(uniformNumber({ min: 3, max: 8, integer: true }), 60_000)
    expect(values.every(Number.isInteger)).toBe(true)
    const counts = [3, 4, 5, 6, 7, 8].map((value) => values.filter((drawn) => drawn === value).length)
    expect(chiSquareGoodnessOfFit(counts).pValue).toBeGreaterThan(0.001)
  })

  it('in exact mode (fast-check bias on), about edgeShare of the cases are edges: bounds, zero, origin, neighbours of the bounds', () => {
    const values = fc.sample(uniformNumber({ min: -1, max: 1 }), { seed: 3, numRuns: 20_000 })
    const edges = new Set([-1, 1, 0, -1 + 2 ** -53, 1 - 2 ** -53]) // the doubles next to ±1 toward 0 are 2^-53 away
    const share = values.filter((value) => edges.has(value)).length / values.length
    expect(share).toBeGreaterThan(0.04)
    expect(share).toBeLessThan(0.06)
    expect(new Set(values.filter((value) => edges.has(value)))).toEqual(edges)
    const none = unbiased(uniformNumber({ min: -1, max: 1 }), 20_000).filter((value) => edges.has(value))
    expect(none).toEqual([])
    const noEdges = fc.sample(uniformNumber({ min: -1, max: 1, edgeShare: 0 }), { seed: 3, numRuns: 5000 }).filter((value) => edges.has(value))
    expect(noEdges).toEqual([])
  })

  it('shrinks toward the origin: to the boundary of a failing region', () => {
    const details = fc.check(
      fc.property(uniformNumber({ min: 0, max: 10 }), (value) => value < 7.25),
      { seed: 4 },
    )
    expect(details.failed).toBe(true)
    expect(details.counterexample?.[0]).toBeGreaterThanOrEqual(7.25)
    expect(details.counterexample?.[0]).toBeLessThan(7.25 + 1e-9)
    const toOrigin = fc.check(
      fc.property(uniformNumber({ min: 0, max: 10, origin: 10 }), (value) => value > 2),
      { seed: 4 },
    )
    expect(toOrigin.counterexample?.[0]).toBeLessThanOrEqual(2)
    expect(toOrigin.counterexample?.[0]).toBeGreaterThan(2 - 1e-9)
    const whole = fc.check(
      fc.property(uniformNumber({ min: -50, max: 50, integer: true }), (value) => Math.abs(value) < 17),
      { seed: 2 },
    )
    expect(Math.abs(whole.counterexample?.[0] ?? 0)).toBe(17)
  })

  it('gives the same values for the same seed, and says what it draws', () => {
    const arbitrary = uniformNumber({ min: 0, max: 5 })
    expect(fc.sample(arbitrary, { seed: 9, numRuns: 5 })).toEqual(fc.sample(arbitrary, { seed: 9, numRuns: 5 }))
    expect(arbitraryDescription(arbitrary)).toBe('numbers uniform over [0, 5]')
    expect(arbitraryDescription(arbitrary.map((value) => [value]))).toBe('numbers uniform over [0, 5]')
    expect(arbitraryDescription(uniformNumber({ min: 1, max: 100, scale: 'log-uniform' }))).toBe('numbers log-uniform over [1, 100]')
    expect(arbitraryDescription(uniformNumber({ min: 1, max: 6, integer: true }).filter((value) => value !== 3))).toBe(
      'whole numbers uniform over [1, 6], filtered',
    )
  })

  it('rejects bad constraints with a clear error', () => {
    expect(() => uniformNumber({ min: 1, max: 0 })).toThrow(/uniformNumber: expected finite bounds with min <= max, received min 1, max 0\./)
    expect(() => uniformNumber({ min: 0, max: Number.POSITIVE_INFINITY })).toThrow(/finite bounds/)
    expect(() => uniformNumber({ min: 0, max: 10, scale: 'log-uniform' })).toThrow(/expected min > 0 for a log-uniform scale, received min 0/)
    expect(() => uniformNumber({ min: 0.5, max: 3, integer: true })).toThrow(/whole-number bounds/)
    expect(() => uniformNumber({ min: 0, max: 1, origin: 2 })).toThrow(/expected an origin within \[0, 1\], received 2/)
    expect(() => uniformNumber({ min: 0, max: 1, edgeShare: 2 })).toThrow(/edgeShare in \[0, 1\]/)
    expect(() => uniformNumber(undefined as never)).toThrow(/expected constraints `\{ min, max \}`, received undefined/)
    expect(fc.sample(uniformNumber({ min: 4, max: 4 }), { seed: 1, numRuns: 3 })).toEqual([4, 4, 4])
  })
})
