import { VitestMlError } from '../util/errors.js'
import type { DataContract } from './data-contract.js'
import type { Dataset } from './dataset.js'
import { type FeatureSchema, featureSchema } from './feature-schema.js'
import { boolean, categorical, type FeatureSpec, integer, numeric } from './feature-spec.js'
import { type InferContractOptions, inferContract } from './infer-contract.js'

/** Options of {@link inferSchema}. */
export interface InferSchemaOptions extends InferContractOptions {
  /** Text columns with more distinct values than this are left out (ids, free text, timestamps). @defaultValue 50 */
  readonly maxCategories?: number
  /** Columns to use, in this order. @defaultValue every column */
  readonly columns?: readonly string[]
  /** The label column: recorded in the contract and kept out of the feature schema (it is not a model input). */
  readonly label?: string
}

/** What {@link inferSchema} found, with the columns it could not use and why. */
export interface InferSchemaResult {
  /** The features, for generating rows (`schema.records()`) and validating them. */
  readonly schema: FeatureSchema
  readonly skipped: readonly { readonly column: string; readonly reason: string }[]
  /**
   * The data contract learned from the same data (every column, the label too): kinds, ranges, category domains,
   * missing values, uniqueness, duplicate rows and, with `summaries: true`, distributions. Save it with
   * `writeContract` for review and check data against it with `expect(data).toMatchSchema(contract)`.
   */
  readonly contract: DataContract
  /** What a reviewer of the contract should look at: constant or empty columns, tokens read as missing, ids. */
  readonly notes: readonly string[]
}

/**
 * Infers a feature schema and a data contract from (training) data. The feature schema: numeric columns become
 * `integer` (all whole numbers) or `numeric` with the observed min and max; text columns become `categorical` with
 * their distinct values (sorted); boolean columns `boolean`; a feature is nullable when the column has missing values;
 * text columns with too many distinct values are skipped. The contract (see `inferContract`) covers every column.
 *
 * @param dataset - the data
 * @param options - category limit, column selection, label, sentinels, summaries
 * @returns the schema, the skipped columns, the contract and review notes
 * @example
 * ```ts
 * const { schema, contract } = inferSchema(await readJson('penguins.json'), { label: 'Species' })
 * schema.features['Body Mass (g)'] // { kind: 'integer', min: 2700, max: 6300, nullable: true }
 * contract.columns['Body Mass (g)'] // { kind: 'integer', min: 2700, max: 6300, missing: 2, missingShare: 0.00581, ... }
 * ```
 */
export function inferSchema(dataset: Dataset, options: InferSchemaOptions = {}): InferSchemaResult {
  const maxCategories = options.maxCategories ?? 50
  const features: Record<string, FeatureSpec> = {}
  const skipped: { column: string; reason: string }[] = []
  for (const name of options.columns ?? dataset.columnNames) {
    if (name === options.label) continue
    const values = dataset.column(name)
    if (values instanceof Float64Array) {
      let min = Number.POSITIVE_INFINITY
      let max = Number.NEGATIVE_INFINITY
      let missing = false
      let whole = true
      for (const [row, value] of values.entries()) {
        if (Number.isNaN(value)) {
          missing = true
          continue
        }
        if (!Number.isFinite(value)) {
          throw new VitestMlError(
            'inferSchema',
            `finite numbers in column "${name}" of ${dataset.name}`,
            `${value} at row ${row}`,
            'Replace infinities (often a division by zero upstream) with a bound or a missing value first.',
          )
        }
        if (value < min) min = value
        if (value > max) max = value
        if (whole && !Number.isInteger(value)) whole = false
      }
      if (min > max) {
        skipped.push({ column: name, reason: 'no values' })
        continue
      }
      features[name] = whole ? integer({ min, max, nullable: missing }) : numeric({ min, max, nullable: missing })
      continue
    }
    const present = values.filter((value) => value !== null)
    const missing = present.length < values.length
    if (present.length === 0) {
      skipped.push({ column: name, reason: 'no values' })
      continue
    }
    if (present.every((value) => typeof value === 'boolean')) {
      features[name] = boolean({ nullable: missing })
      continue
    }
    // Values kept as they are (a 2 stays a number), so the data validates against the schema inferred from it.
    const distinct = [...new Set(present as (string | number)[])].sort((left, right) =>
      String(left) < String(right) ? -1 : String(left) > String(right) ? 1 : 0,
    )
    if (distinct.length > maxCategories) {
      skipped.push({ column: name, reason: `${distinct.length} distinct values > maxCategories ${maxCategories}` })
      continue
    }
    features[name] = categorical(distinct, { nullable: missing })
  }
  if (Object.keys(features).length === 0) {
    throw new VitestMlError(
      'inferSchema',
      'at least one usable column',
      `none (${skipped.map((s) => `${s.column}: ${s.reason}`).join('; ')})`,
      'Pass `columns`, or raise `maxCategories` for text columns.',
    )
  }
  const { contract, notes } = inferContract(dataset, options)
  return { schema: featureSchema(features), skipped, contract, notes }
}
