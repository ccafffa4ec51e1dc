import type { Ajv, ErrorObject, ValidateFunction } from 'ajv'
import { lazyRequire } from '../util/lazy-require.js'

const ajvModule = lazyRequire<typeof import('ajv')>('ajv')

import { VitestMlError } from './errors.js'

let shared: Ajv | undefined

/** One Ajv instance for every vitest-ml schema: all errors, no coercion, no defaults injected. */
function ajv(): Ajv {
  shared ??= new (ajvModule().Ajv)({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true })
  return shared
}

/** A compiled JSON Schema that throws a readable {@link VitestMlError} when a value does not match. */
export interface SchemaValidator<T> {
  /** Returns the value typed when it matches, or throws naming the first offending fields and how to fix them. */
  readonly assert: (value: unknown, source: string, subject: string) => T
  /** Returns the list of problems (empty when valid), each as `path: message`. */
  readonly problems: (value: unknown) => string[]
}

/**
 * Compiles a JSON Schema once and returns helpers that explain failures field by field.
 *
 * @param schema - a draft-07 JSON Schema object
 * @param hint - how to fix an invalid value, printed on the error's `Hint:` line
 * @returns the validator
 * @example
 * ```ts
 * const gate = schemaValidator<GateConfig>(GATE_CONFIG_SCHEMA, 'See the gate file reference.')
 * gate.assert(JSON.parse(text), 'loadGateConfig', 'gate.json') // throws "... /thresholds/accuracy/min must be number"
 * ```
 */
export function schemaValidator<T>(schema: object, hint: string): SchemaValidator<T> {
  const validate = ajv().compile(schema) as ValidateFunction<T>
  const problems = (value: unknown): string[] => (validate(value) ? [] : (validate.errors ?? []).map((error) => describeError(error)))
  return {
    problems,
    assert(value, source, subject) {
      const found = problems(value)
      if (found.length === 0) return value as T
      const shown = found.slice(0, 5).join('; ') + (found.length > 5 ? `; and ${found.length - 5} more` : '')
      throw new VitestMlError(source, `${subject} to match its schema`, shown, hint)
    },
  }
}

function describeError(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(root)' : error.instancePath
  const params = error.params as Record<string, unknown>
  if (error.keyword === 'additionalProperties') return `${where}: unknown field "${String(params['additionalProperty'])}"`
  if (error.keyword === 'required') return `${where}: missing field "${String(params['missingProperty'])}"`
  if (error.keyword === 'enum') {
    const values = (params['allowedValues'] as unknown[]).map((value) => JSON.stringify(value))
    const allowed = values.length > 5 ? `${values.slice(0, 4).join(', ')}, ... (${values.length} allowed values)` : values.join(', ')
    return `${where}: must be one of ${allowed}`
  }
  return `${where}: ${error.message ?? 'is invalid'}`
}
