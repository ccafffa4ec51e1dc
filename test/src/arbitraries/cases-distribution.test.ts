import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { casesDistribution, concentrationWarnings, describeCases, isStatistical } from '../../../src/arbitraries/cases-distribution.js'
import { rowsNearData } from '../../../src/arbitraries/rows-near-data.js'
import { featureSchema } from '../../../src/data/feature-schema.js'
import { numeric } from '../../../src/data/feature-spec.js'
import { describeArbitrary } from '../../../src/util/described-arbitrary.js'
import { uniformNumber } from '../../../src/util/uniform-number.js'

describe('what a check says its cases were drawn from', () => {
  it('names given rows, described arbitraries, and undescribed ones', () => {
    const schema = featureSchema({ a: numeric({ min: 0, max: 1 }), b: numeric({ min: 0, max: 1 }) })
    expect(casesDistribution([[1], [2], [3]])).toBe('the 3 given rows, each once')
    expect(casesDistribution([[1]])).toBe('the 1 given row, each once')
    expect(casesDistribution(schema.arrays())).toBe('uniform rows of the schema (a, b)')
    expect(
      casesDistribution(
        rowsNearData(
          [
            { a: 0.2, b: 0.4 },
            { a: 0.5, b: 0.1 },
          ],
          schema,
          { noise: 0.02 },
        ).map(schema.toArray),
      ),
    ).toBe("the 2 real rows, each equally likely, numbers moved uniformly by up to 0.02 of their feature's range")
    expect(casesDistribution(describeArbitrary(fc.constantFrom(1, 2), 'one of two holdout rows'))).toBe('one of two holdout rows')
    expect(casesDistribution(fc.tuple(fc.double()))).toBe('your arbitrary (undescribed)')
  })

  it('warns about fc.double crowding toward zero, naming the coordinate, the share of the range and the fix', () => {
    const [warning, ...rest] = concentrationWarnings(fc.tuple(uniformNumber({ min: 0, max: 1 }), fc.double({ min: 0, max: 1, noNaN: true })), { seed: 1 })
    expect(rest).toEqual([])
    expect(warning).toMatch(
      /^inputs coordinate \[1\]: half of 1000 sampled cases lie within \S+% of its range \[\S+, \S+\], so a violation rate is a rate near that spot, not over the range\. fc\.double\(\{ min, max \}\) does this/,
    )
    expect(warning).toContain(
      'Hint: draw numbers with uniformNumber({ min, max }) or a featureSchema of numeric({ min, max }), or describe a deliberate distribution with describeArbitrary().',
    )
    expect(concentrationWarnings(fc.record({ mass: fc.double({ min: 0, max: 6300, noNaN: true }) }), { seed: 2 })[0]).toMatch(/^inputs coordinate \.mass:/)
  })

  it('does not warn about even spreads, constant or discrete coordinates, or described arbitraries', () => {
    expect(concentrationWarnings(fc.tuple(uniformNumber({ min: 0, max: 1 }), fc.integer({ min: 0, max: 3 }), fc.constant(5)), { seed: 3 })).toEqual([])
    expect(concentrationWarnings(describeArbitrary(fc.double({ min: 0, max: 1, noNaN: true }), 'deliberately skewed'), { seed: 3 })).toEqual([])
  })

  it('only checks concentration in statistical mode, where the rate is the verdict', () => {
    const doubles = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }))
    expect(describeCases(doubles, { statistical: false, seed: 1 })).toEqual({ distribution: 'your arbitrary (undescribed)', warnings: [] })
    expect(describeCases(doubles, { statistical: true, seed: 1 }).warnings).toHaveLength(1)
    expect(describeCases([[0.5]], { statistical: true, seed: 1 }).warnings).toEqual([])
    expect([isStatistical(undefined), isStatistical(0), isStatistical(0.01)]).toEqual([false, false, true])
  })
})
