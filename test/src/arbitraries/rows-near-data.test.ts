import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { rowsNearData } from '../../../src/arbitraries/rows-near-data.js'
import { datasetFromRows } from '../../../src/data/dataset.js'
import { featureSchema } from '../../../src/data/feature-schema.js'
import { categorical, integer, numeric } from '../../../src/data/feature-spec.js'
import { vegaJson } from '../../support/vega-data.js'

const cars = vegaJson('cars.json')

const data = datasetFromRows(
  cars.filter((car) => car.Horsepower !== null),
  { name: 'cars.json' },
)
const schema = featureSchema({
  Weight_in_lbs: numeric({ min: 1613, max: 5140 }),
  Cylinders: integer({ min: 3, max: 8 }),
  Origin: categorical(['Europe', 'Japan', 'USA']),
})

describe('rowsNearData', () => {
  test('rows stay within noise of a real row and inside the schema bounds', () => {
    const real = data.rows()
    fc.assert(
      fc.property(rowsNearData(data, schema, { noise: 0.02 }), (row) => {
        expect(schema.validate([row])).toEqual([])
        const width = 0.02 * (5140 - 1613)
        return real.some((car) => car.Origin === row.Origin && Math.abs((car.Weight_in_lbs as number) - (row.Weight_in_lbs as number)) <= width + 1e-9)
      }),
      { seed: 1, numRuns: 300 },
    )
  })

  test('shrinks to the first real row, unperturbed', () => {
    const result = fc.check(
      fc.property(rowsNearData(data, schema), () => false),
      { seed: 2 },
    )
    const first = data.row(0)
    expect(result.counterexample?.[0]).toEqual({ Weight_in_lbs: first.Weight_in_lbs, Cylinders: first.Cylinders, Origin: first.Origin })
  })

  test('categorical swaps happen at roughly the requested rate', () => {
    const sample = fc.sample(rowsNearData([{ Weight_in_lbs: 3000, Cylinders: 4, Origin: 'USA' }], schema, { noise: 0, swapProbability: 0.5 }), {
      seed: 3,
      numRuns: 2000,
    })
    const changed = sample.filter((row) => row.Origin !== 'USA').length / sample.length
    // Half the rows draw a replacement, which is itself 'USA' a third of the time: about 1/3 change.
    expect(changed).toBeGreaterThan(0.25)
    expect(changed).toBeLessThan(0.42)
  })

  test('bad constraints and empty data are clear errors', () => {
    expect(() => rowsNearData([], schema)).toThrow(/rowsNearData: expected at least one real row, received no rows/)
    expect(() => rowsNearData(data, schema, { noise: 2 })).toThrow(/expected noise and swapProbability in \[0, 1\], received noise 2/)
  })
})

describe('rowsNearData spreads its perturbations', () => {
  test('every real row is equally likely to be drawn (no bias toward the first rows)', () => {
    const indexed = Array.from({ length: 400 }, (_, i) => ({ Weight_in_lbs: 2000 + i, Cylinders: 4, Origin: 'USA' }))
    const drawn = fc.sample(rowsNearData(indexed, schema, { noise: 0 }), { seed: 4, numRuns: 4000 }).map((row) => (row.Weight_in_lbs as number) - 2000)
    // Uniform: the first 10 of 400 rows get 2.5% of the draws (binomial sd 0.25%); fast-check's size bias gave them ~17%.
    expect(drawn.filter((index) => index < 10).length / drawn.length).toBeLessThan(0.035)
    expect(new Set(drawn).size).toBeGreaterThan(390)
  })

  test('moves are spread over the whole noise band, not bunched at zero', () => {
    const base = { Weight_in_lbs: 3000, Cylinders: 4, Origin: 'USA' }
    const width = 0.1 * (5140 - 1613)
    const moves = fc
      .sample(rowsNearData([base], schema, { noise: 0.1 }), { seed: 5, numRuns: 2000 })
      .map((row) => Math.abs((row.Weight_in_lbs as number) - 3000) / width)
    // Under fast-check's size bias small moves come first, but a real share of draws reaches the outer half of the band.
    expect(moves.filter((move) => move > 0.5).length / moves.length).toBeGreaterThan(0.2)
  })
})
