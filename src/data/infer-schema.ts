import { VitestMlError } from '../util/errors.js'
import type { Dataset } from './dataset.js'
import { featureSchema, type FeatureSchema } from './feature-schema.js'
import { boolean, categorical, integer, numeric, type FeatureSpec } from './feature-spec.js'

/** Options of {@link inferSchema}. */
export interface InferSchemaOptions {
  /** Text columns with more distinct values than this are left out (ids, free text, timestamps). @defaultValue 50 */
  readonly maxCategories?: number
  /** Columns to use, in this order. @defaultValue every column */
  readonly columns?: readonly string[]
}

/** What {@link inferSchema} found, with the columns it could not use and why. */
export interface InferSchemaResult {
  readonly schema: FeatureSchema
  readonly skipped: readonly { readonly column: string; readonly reason: string }[]
}

/**
 * Infers a feature schema from data: numeric columns become `integer` (all whole numbers) or `numeric` with the observed
 * min and max; text columns become `categorical` with their distinct values (sorted); boolean columns `boolean`. A
 * feature is nullable when the column has missing values. Text columns with too many distinct values are skipped.
 *
 * @param dataset - the data
 * @param options - category limit and column selection
 * @returns the schema and the skipped columns
 * @example
 * ```ts
 * const { schema } = inferSchema(await readJson('penguins.json'))
 * schema.features['Body Mass (g)'] // { kind: 'integer', min: 2700, max: 6300, nullable: true }
 * ```
 */
export function inferSchema(dataset: Dataset, options: InferSchemaOptions = {}): InferSchemaResult {
  const maxCategories = options.maxCategories ?? 50
  const features: Record<string, FeatureSpec> = {}
  const skipped: { column: string; reason: string }[] = []
  for (const name of options.columns ?? dataset.columnNames) {
    const values = dataset.column(name)
    if (values instanceof Float64Array) {
      let min = Number.POSITIVE_INFINITY
      let max = Number.NEGATIVE_INFINITY
      let missing = false
      let whole = true
      for (const [row, value] of values.entries()) {
        if (Number.isNaN(value)) { missing = true; continue }
        if (!Number.isFinite(value)) {
          throw new VitestMlError('inferSchema', `finite numbers in column "${name}" of ${dataset.name}`, `${value} at row ${row}`, 'Replace infinities (often a division by zero upstream) with a bound or a missing value first.')
        }
        if (value < min) min = value
        if (value > max) max = value
        if (whole && !Number.isInteger(value)) whole = false
      }
      if (min > max) { skipped.push({ column: name, reason: 'no values' }); continue }
      features[name] = whole ? integer({ min, max, nullable: missing }) : numeric({ min, max, nullable: missing })
      continue
    }
    const present = values.filter((value) => value !== null)
    const missing = present.length < values.length
    if (present.length === 0) { skipped.push({ column: name, reason: 'no values' }); continue }
    if (present.every((value) => typeof value === 'boolean')) { features[name] = boolean({ nullable: missing }); continue }
    // Values kept as they are (a 2 stays a number), so the data validates against the schema inferred from it.
    const distinct = [...new Set(present as (string | number)[])].sort((left, right) => (String(left) < String(right) ? -1 : String(left) > String(right) ? 1 : 0))
    if (distinct.length > maxCategories) { skipped.push({ column: name, reason: `${distinct.length} distinct values > maxCategories ${maxCategories}` }); continue }
    features[name] = categorical(distinct, { nullable: missing })
  }
  if (Object.keys(features).length === 0) {
    throw new VitestMlError('inferSchema', 'at least one usable column', `none (${skipped.map((s) => `${s.column}: ${s.reason}`).join('; ')})`, 'Pass `columns`, or raise `maxCategories` for text columns.')
  }
  return { schema: featureSchema(features), skipped }
}
