import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { datasetFromRows } from '../../../src/data/dataset.js'
import { featureArbitrary, featureSchema } from '../../../src/data/feature-schema.js'
import { boolean, categorical, integer, numeric } from '../../../src/data/feature-spec.js'
import { inferSchema } from '../../../src/data/infer-schema.js'
import { chiSquareGoodnessOfFit } from '../../../src/stats/chi-square-goodness-of-fit.js'
import { arbitraryDescription } from '../../../src/util/described-arbitrary.js'
import { vegaJson } from '../../support/vega-data.js'

const penguins = vegaJson('penguins.json')

const schema = featureSchema({
  weight: numeric({ min: 1500, max: 5200 }),
  cylinders: integer({ min: 3, max: 8 }),
  origin: categorical(['Europe', 'Japan', 'USA'], { nullable: true }),
  turbo: boolean(),
})

describe('featureSchema', () => {
  test('numeric features are uniform over their bounds (body mass 2700-6300 g: each third equally likely), and rows say so', () => {
    const mass = featureSchema({ mass: numeric({ min: 2700, max: 6300 }) })
    const values = fc.sample(fc.noBias(mass.arrays()), { seed: 5, numRuns: 30_000 }).map((row) => row[0] as number)
    const thirds = [0, 1, 2].map((third) => values.filter((value) => value >= 2700 + 1200 * third && value < 2700 + 1200 * (third + 1)).length)
    expect(chiSquareGoodnessOfFit(thirds).pValue).toBeGreaterThan(0.001)
    expect(arbitraryDescription(schema.arrays())).toBe('uniform rows of the schema (weight, cylinders, origin, turbo)')
    expect(arbitraryDescription(schema.records())).toBe('uniform rows of the schema (weight, cylinders, origin, turbo)')
    const incomes = fc.sample(fc.noBias(featureArbitrary(numeric({ min: 1, max: 1e6, scale: 'log-uniform' }))), { seed: 6, numRuns: 30_000 }) as number[]
    const decades = [0, 1, 2, 3, 4, 5].map(
      (decade) => incomes.filter((value) => Math.floor(Math.log10(value)) === decade || (decade === 5 && value === 1e6)).length,
    )
    expect(chiSquareGoodnessOfFit(decades).pValue).toBeGreaterThan(0.001)
  })

  test('a whole schema, or anything but one feature spec, is an error where one spec is expected (it used to give booleans)', () => {
    expect(() => featureArbitrary(schema as never)).toThrow(
      'featureArbitrary: expected one feature spec (from numeric(), integer(), categorical() or boolean()), received a whole feature schema.\nHint: For rows of a whole schema use schema.arrays() or schema.records(); for one feature pass schema.features.name.',
    )
    expect(() => featureArbitrary({ min: 0, max: 1 } as never)).toThrow(/received an object with "min", "max"\./)
    expect(() => featureArbitrary({ kind: 'numeric', min: 0, max: 1 } as never)).toThrow(/expected one feature spec/)
    expect(() => featureArbitrary(undefined as never)).toThrow(/received undefined undefined|received undefined/)
    expect(() => featureSchema({ x: 5 } as never)).toThrow(
      /featureSchema: expected a feature spec for "x" \(from numeric\(\), integer\(\), categorical\(\) or boolean\(\)\), received number 5\./,
    )
    expect(() => featureSchema({ x: schema } as never)).toThrow(/featureSchema: expected a feature spec for "x"/)
    expect(() => featureSchema([numeric({ min: 0, max: 1 })] as never)).toThrow(/featureSchema: expected an object of named feature specs, received an array/)
    expect(() => numeric({ min: '0', max: 1 } as never)).toThrow(/numeric: expected finite bounds with min <= max, received min 0, max 1/)
    expect(() => numeric({ min: 0, max: 1, scale: 'log' } as never)).toThrow(/numeric: expected scale 'uniform' or 'log-uniform', received "log"/)
    expect(() => numeric({ min: 0, max: 1, scale: 'log-uniform' })).toThrow(/numeric: expected min > 0 for a log-uniform scale/)
  })

  test('generated rows always validate, as records and as arrays', () => {
    fc.assert(
      fc.property(schema.records(), (row) => schema.validate([row]).length === 0),
      { seed: 1, numRuns: 500 },
    )
    fc.assert(
      fc.property(schema.arrays(), (row) => row.length === 4 && schema.validate([row]).length === 0),
      { seed: 2, numRuns: 500 },
    )
  })

  test('nullable features generate missing values now and then; others never', () => {
    const sample = fc.sample(schema.records(), { seed: 3, numRuns: 1000 })
    expect(sample.some((row) => row.origin === null)).toBe(true)
    expect(sample.every((row) => row.weight !== null && row.cylinders !== null)).toBe(true)
  })

  test('validate names the row, the feature and the problem', () => {
    const issues = schema.validate([{ weight: 6000, cylinders: 4.5, origin: 'Mars', turbo: 'yes' }, [2000, 4, null, true], [2000, 4]])
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
    expect(inferred.features['Beak Length (mm)']).toEqual({ kind: 'numeric', min: 32.1, max: 59.6, nullable: true, scale: 'uniform' })
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
