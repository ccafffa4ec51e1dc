import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { datasetFromRows } from '../../../src/data/dataset.js'
import { featureSchema } from '../../../src/data/feature-schema.js'
import { boolean, categorical, integer, numeric } from '../../../src/data/feature-spec.js'
import { inferSchema } from '../../../src/data/infer-schema.js'
import { vegaJson } from '../../support/vega-data.js'

const penguins = vegaJson('penguins.json')

const schema = featureSchema({
  weight: numeric({ min: 1500, max: 5200 }),
  cylinders: integer({ min: 3, max: 8 }),
  origin: categorical(['Europe', 'Japan', 'USA'], { nullable: true }),
  turbo: boolean(),
})

describe('featureSchema', () => {
  test('generated rows always validate, as records and as arrays', () => {
    fc.assert(fc.property(schema.records(), (row) => schema.validate([row]).length === 0), { seed: 1, numRuns: 500 })
    fc.assert(fc.property(schema.arrays(), (row) => row.length === 4 && schema.validate([row]).length === 0), { seed: 2, numRuns: 500 })
  })

  test('nullable features generate missing values now and then; others never', () => {
    const sample = fc.sample(schema.records(), { seed: 3, numRuns: 1000 })
    expect(sample.some((row) => row.origin === null)).toBe(true)
    expect(sample.every((row) => row.weight !== null && row.cylinders !== null)).toBe(true)
  })

  test('validate names the row, the feature and the problem', () => {
    const issues = schema.validate([
      { weight: 6000, cylinders: 4.5, origin: 'Mars', turbo: 'yes' },
      [2000, 4, null, true],
      [2000, 4],
    ])
    expect(issues).toEqual([
      { row: 0, feature: 'weight', problem: '6000 is above max 5200' },
      { row: 0, feature: 'cylinders', problem: '4.5 is not a whole number' },
      { row: 0, feature: 'origin', problem: '"Mars" is not one of ["Europe", "Japan", "USA"]' },
      { row: 0, feature: 'turbo', problem: '"yes" is not a boolean' },
      { row: 2, feature: '*', problem: 'has 2 values, expected 4 (weight, cylinders, origin, turbo)' },
    ])
    expect(() => schema.assertValid([{ weight: Number.NaN, cylinders: 4, origin: 'USA', turbo: false }])).toThrow(
      /featureSchema: expected rows that fit the schema, received 1 problem\(s\): row 0, weight: is missing \(feature is not nullable\)/,
    )
  })

  test('builders reject impossible specs', () => {
    expect(() => numeric({ min: 2, max: 1 })).toThrow(/numeric: expected finite bounds with min <= max, received min 2, max 1/)
    expect(() => integer({ min: 0.5, max: 3 })).toThrow(/integer: expected whole-number bounds/)
    expect(() => categorical([])).toThrow(/categorical: expected at least one allowed value, received an empty list/)
    expect(() => featureSchema({})).toThrow(/featureSchema: expected at least one feature/)
  })
})

describe('inferSchema on the penguins data (which has missing values)', () => {
  const data = datasetFromRows(penguins as Record<string, unknown>[], { name: 'penguins.json' })
  const { schema: inferred, skipped } = inferSchema(data)

  test('finds kinds, bounds, categories and nullability', () => {
    expect(inferred.names).toEqual(['Species', 'Island', 'Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)', 'Sex'])
    expect(inferred.features.Species).toEqual({ kind: 'categorical', values: ['Adelie', 'Chinstrap', 'Gentoo'], nullable: false })
    expect(inferred.features['Body Mass (g)']).toEqual({ kind: 'integer', min: 2700, max: 6300, nullable: true })
    expect(inferred.features['Beak Length (mm)']).toEqual({ kind: 'numeric', min: 32.1, max: 59.6, nullable: true })
    expect(inferred.features.Sex).toMatchObject({ kind: 'categorical', nullable: true })
    expect(skipped).toEqual([])
    expect(inferred.validate(data.rows())).toEqual([])
  })

  test('a column mixing numbers and text keeps its values as they are, so the data validates against its own schema', () => {
    const mixed = datasetFromRows([{ grade: 'A' }, { grade: 2 }, { grade: 'B' }, { grade: 2 }])
    const { schema: mixedSchema } = inferSchema(mixed)
    expect(mixedSchema.features.grade).toEqual({ kind: 'categorical', values: [2, 'A', 'B'], nullable: false })
    expect(mixedSchema.validate(mixed.rows())).toEqual([])
  })

  test('an infinite value is a clear error from inferSchema that says where it is', () => {
    const broken = datasetFromRows([{ x: 1 }, { x: Number.POSITIVE_INFINITY }, { x: 3 }], { name: 'sensor.csv' })
    expect(() => inferSchema(broken)).toThrow(/^inferSchema: expected finite numbers in column "x" of sensor\.csv, received Infinity at row 1\.\nHint: /)
  })

  test('skips high-cardinality text and says why', () => {
    const ids = datasetFromRows(Array.from({ length: 80 }, (_, i) => ({ id: `row-${i}`, x: i })))
    const result = inferSchema(ids)
    expect(result.skipped).toEqual([{ column: 'id', reason: '80 distinct values > maxCategories 50' }])
    expect(result.schema.names).toEqual(['x'])
  })
})
