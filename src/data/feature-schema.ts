import fc from 'fast-check'
import { describeArbitrary } from '../util/described-arbitrary.js'
import { VitestMlError } from '../util/errors.js'
import { uniformNumber } from '../util/uniform-number.js'
import type { CellValue, DataRow } from './dataset.js'
import { type FeatureSpec, featureIssue, isFeatureSpec } from './feature-spec.js'

/** One problem found by {@link FeatureSchema.validate}. */
export interface SchemaIssue {
  readonly row: number
  readonly feature: string
  readonly problem: string
}

/**
 * An ordered set of named features: it validates rows and yields fast-check arbitraries of rows, as records or as
 * arrays in feature order (what a single-input ONNX model takes).
 */
export interface FeatureSchema {
  /** Feature specs by name. */
  readonly features: Readonly<Record<string, FeatureSpec>>
  /** Feature names in order. */
  readonly names: readonly string[]
  /** Arbitrary of record rows. */
  records(): fc.Arbitrary<Record<string, CellValue>>
  /**
   * Arbitrary of array rows in feature order. Categorical values come as declared: strings feed string inputs directly
   * (give a multi-input model `records()`, keyed by input name); a numeric input needs numeric codes.
   */
  arrays(): fc.Arbitrary<CellValue[]>
  /** A record row as an array in feature order. */
  toArray(row: DataRow): CellValue[]
  /** Every problem in the rows (record or array form). */
  validate(rows: readonly (DataRow | readonly CellValue[])[]): SchemaIssue[]
  /** Throws a `VitestMlError` listing the first problems when any row does not fit. */
  assertValid(rows: readonly (DataRow | readonly CellValue[])[]): void
}

/**
 * The fast-check arbitrary of one feature's values: numbers uniform (or log-uniform) over the bounds and whole numbers
 * uniform over theirs, both with 5% edge values in exact mode (see `uniformNumber`); categories and booleans equally
 * likely; missing values about 1 time in 10 when nullable.
 *
 * @param spec - one feature, from `numeric()`, `integer()`, `categorical()` or `boolean()`
 * @returns the arbitrary
 * @throws VitestMlError when given anything else — a whole schema, a plain object — instead of one feature spec
 * @example
 * ```ts
 * featureArbitrary(numeric({ min: 0, max: 1 })) // numbers uniform over [0, 1]
 * ```
 */
export function featureArbitrary(spec: FeatureSpec): fc.Arbitrary<CellValue> {
  if (!isFeatureSpec(spec)) {
    const received = typeof spec === 'object' && spec !== null && 'names' in spec && 'features' in spec ? 'a whole feature schema' : describeKind(spec)
    throw new VitestMlError(
      'featureArbitrary',
      'one feature spec (from numeric(), integer(), categorical() or boolean())',
      received,
      'For rows of a whole schema use schema.arrays() or schema.records(); for one feature pass schema.features.name.',
    )
  }
  const present: fc.Arbitrary<CellValue> =
    spec.kind === 'numeric'
      ? uniformNumber({ min: spec.min, max: spec.max, scale: spec.scale ?? 'uniform' })
      : spec.kind === 'integer'
        ? uniformNumber({ min: spec.min, max: spec.max, integer: true })
        : spec.kind === 'categorical'
          ? fc.constantFrom(...spec.values)
          : fc.boolean()
  return spec.nullable ? fc.option(present, { nil: null, freq: 10 }) : present
}

function describeKind(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object')
    return `an object with ${
      Object.keys(value)
        .slice(0, 4)
        .map((key) => `"${key}"`)
        .join(', ') || 'no keys'
    }`
  return `${typeof value} ${JSON.stringify(value)}`
}

/**
 * Builds a schema from named feature specs (order of keys = feature order).
 *
 * @param features - name to spec, e.g. from `numeric()`, `integer()`, `categorical()`, `boolean()`
 * @returns the schema
 * @example
 * ```ts
 * const schema = featureSchema({ weight: numeric({ min: 1500, max: 5200 }), cylinders: integer({ min: 3, max: 8 }) })
 * fc.sample(schema.arrays(), 1) // [[3124.5, 4]]
 * ```
 */
export function featureSchema(features: Readonly<Record<string, FeatureSpec>>): FeatureSchema {
  if (typeof features !== 'object' || features === null || Array.isArray(features)) {
    throw new VitestMlError('featureSchema', 'an object of named feature specs', describeKind(features), 'Pass `{ name: numeric({ min, max }), ... }`.')
  }
  const names = Object.keys(features)
  if (names.length === 0) throw new VitestMlError('featureSchema', 'at least one feature', 'none', 'Pass `{ name: numeric({ min, max }), ... }`.')
  for (const name of names) {
    if (!isFeatureSpec(features[name])) {
      throw new VitestMlError(
        'featureSchema',
        `a feature spec for "${name}" (from numeric(), integer(), categorical() or boolean())`,
        describeKind(features[name]),
        `Write \`${name}: numeric({ min: 0, max: 1 })\` or similar.`,
      )
    }
  }
  const specs = names.map((name) => features[name] as FeatureSpec)
  const toArray = (row: DataRow): CellValue[] => names.map((name) => row[name] ?? null)
  const validate = (rows: readonly (DataRow | readonly CellValue[])[]): SchemaIssue[] => {
    const issues: SchemaIssue[] = []
    rows.forEach((row, index) => {
      const values = Array.isArray(row) ? (row as readonly CellValue[]) : toArray(row as DataRow)
      if (Array.isArray(row) && row.length !== names.length) {
        issues.push({ row: index, feature: '*', problem: `has ${row.length} values, expected ${names.length} (${names.join(', ')})` })
        return
      }
      specs.forEach((spec, j) => {
        const problem = featureIssue(spec, values[j])
        if (problem !== undefined) issues.push({ row: index, feature: names[j] as string, problem })
      })
    })
    return issues
  }
  return {
    features,
    names,
    records: () =>
      describeArbitrary(
        fc.record(Object.fromEntries(names.map((name, j) => [name, featureArbitrary(specs[j] as FeatureSpec)]))) as fc.Arbitrary<Record<string, CellValue>>,
        `uniform rows of the schema (${names.join(', ')})`,
      ),
    arrays: () =>
      describeArbitrary(
        fc.tuple(...specs.map(featureArbitrary)).map((values) => [...values]),
        `uniform rows of the schema (${names.join(', ')})`,
      ),
    toArray,
    validate,
    assertValid(rows) {
      const issues = validate(rows)
      if (issues.length === 0) return
      const shown = issues
        .slice(0, 5)
        .map((issue) => `row ${issue.row}, ${issue.feature}: ${issue.problem}`)
        .join('; ')
      throw new VitestMlError(
        'featureSchema',
        'rows that fit the schema',
        `${issues.length} problem(s): ${shown}`,
        'Fix the data, or widen the schema if these values are legitimate.',
      )
    },
  }
}
