import { VitestMlError } from '../util/errors.js'
import type { DataContract } from './data-contract.js'
import { type FeatureSchema, featureSchema } from './feature-schema.js'
import { boolean, categorical, type FeatureSpec, integer, numeric } from './feature-spec.js'

/**
 * The feature schema of some columns of a data contract, to generate model inputs from what training data held:
 * numeric and integer columns uniform over [min, max], categorical and boolean columns over their allowed values.
 * Missing values are not generated (nullable false): a model's inputs are what the generated rows test, and a
 * contract's missing values are checked on data by `toMatchSchema`.
 *
 * @param contract - the data contract
 * @param columns - the columns, in the order the model takes them @defaultValue every column but the label
 * @returns the feature schema
 * @throws VitestMlError for a column the contract lacks, or one whose kind cannot be generated (text, dates, empty)
 * @example
 * ```ts
 * const inputs = schemaFromContract(loadContract('schema.json'), ['island', 'body_mass_g'])
 * fc.sample(inputs.records(), 1) // [{ island: 'Dream', body_mass_g: 4312 }]
 * ```
 */
export function schemaFromContract(contract: DataContract, columns?: readonly string[]): FeatureSchema {
  const names = columns ?? Object.keys(contract.columns).filter((name) => name !== contract.label)
  const features: Record<string, FeatureSpec> = {}
  for (const name of names) {
    const column = contract.columns[name]
    if (column === undefined) {
      throw new VitestMlError(
        'schemaFromContract',
        `a column of the contract (${Object.keys(contract.columns).join(', ')})`,
        `"${name}"`,
        'Name the model inputs as the contract names its columns.',
      )
    }
    if ((column.kind === 'numeric' || column.kind === 'integer') && column.min !== undefined && column.max !== undefined) {
      features[name] = column.kind === 'integer' ? integer({ min: column.min, max: column.max }) : numeric({ min: column.min, max: column.max })
    } else if (column.kind === 'categorical' && column.values !== undefined) {
      features[name] = categorical(column.values.filter((value): value is string | number => typeof value !== 'boolean'))
    } else if (column.kind === 'boolean') {
      features[name] = boolean()
    } else {
      throw new VitestMlError(
        'schemaFromContract',
        `a column that can be generated (numeric, integer, categorical, boolean) for "${name}"`,
        `a ${column.kind} column`,
        'Leave text, date and empty columns out of the generated inputs, or generate them yourself.',
      )
    }
  }
  return featureSchema(features)
}
