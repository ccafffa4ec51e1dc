import { readFileSync } from 'node:fs'
import { VitestMlError } from '../util/errors.js'
import { type SchemaValidator, schemaValidator } from '../util/schema-validator.js'
import { writeAtomically } from '../util/write-atomically.js'
import type { DataContract } from './data-contract.js'
import { DATA_CONTRACT_SCHEMA } from './data-contract-schema.js'

const HINT =
  'A data contract is written by `writeContract(path, inferSchema(train).contract)` and edited by hand only within its schema: ' +
  'widen `min`/`max`, add to `values`, set `required: false`, `maxUnseenShare` or `maxOutOfRangeShare`.'

let validator: SchemaValidator<DataContract> | undefined

/**
 * Validates a parsed data contract against {@link DATA_CONTRACT_SCHEMA} (ajv) and its own consistency (min <= max,
 * missing values no more than rows).
 *
 * @param value - the parsed JSON
 * @param subject - what to call it in errors, usually the file name @defaultValue 'the data contract'
 * @returns the contract, typed
 * @throws VitestMlError naming each offending field, such as `/columns/island/kind: must be one of "numeric", ...`
 * @example
 * ```ts
 * validateContract(JSON.parse(text), 'schema.json').columns.island.kind // 'categorical'
 * ```
 */
export function validateContract(value: unknown, subject = 'the data contract'): DataContract {
  validator ??= schemaValidator<DataContract>(DATA_CONTRACT_SCHEMA, HINT)
  const contract = validator.assert(value, 'loadContract', subject)
  for (const [name, column] of Object.entries(contract.columns)) {
    if (column.min !== undefined && column.max !== undefined && column.min > column.max) {
      throw new VitestMlError(
        'loadContract',
        `columns.${name}.min <= columns.${name}.max in ${subject}`,
        `min ${column.min} > max ${column.max}`,
        'Swap the bounds.',
      )
    }
    if (column.missing > contract.source.rows) {
      throw new VitestMlError(
        'loadContract',
        `columns.${name}.missing <= source.rows (${contract.source.rows}) in ${subject}`,
        String(column.missing),
        'The missing count is of the rows the contract was learned from; infer it again rather than editing it.',
      )
    }
  }
  return contract
}

/**
 * Reads and validates a saved data contract (synchronously, so a test file can load it at the top).
 *
 * @param path - the JSON file, relative to the working directory (the project root)
 * @returns the contract
 * @throws VitestMlError when the file is missing, not JSON, or not a valid contract
 * @example
 * ```ts
 * const contract = loadContract('schema.json')
 * expect(servingRows).toMatchSchema(contract)
 * ```
 */
export function loadContract(path: string): DataContract {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (cause) {
    throw new VitestMlError(
      'loadContract',
      `a readable contract file at "${path}"`,
      (cause as NodeJS.ErrnoException).code ?? 'an unreadable file',
      'Write it first with `writeContract(path, inferSchema(train).contract)` or `npx vitest-ml init`; paths resolve from the project root.',
      { cause },
    )
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (cause) {
    throw new VitestMlError(
      'loadContract',
      `valid JSON in "${path}"`,
      (cause as Error).message,
      'Fix the syntax (trailing commas and comments are not allowed in JSON).',
      { cause },
    )
  }
  return validateContract(parsed, path)
}

/**
 * Writes a data contract as readable JSON (two-space indent, columns in data order) for review in a pull request,
 * atomically; it is validated first, so a file that would not load is never written.
 *
 * @param path - where to write
 * @param contract - the contract, usually `inferSchema(train).contract`
 * @example
 * ```ts
 * writeContract('schema.json', inferSchema(train, { label: 'species' }).contract)
 * ```
 */
export function writeContract(path: string, contract: DataContract): void {
  validateContract(JSON.parse(JSON.stringify(contract)) as unknown, 'the contract to write')
  writeAtomically(path, `${JSON.stringify(contract, null, 2)}\n`)
}
