import { DATA_CONTRACT_FORMAT } from './data-contract.js'

const count = { type: 'integer', minimum: 0 } as const
const share = { type: 'number', minimum: 0, maximum: 1 } as const
const isoTime = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}' } as const

const numericSummary = {
  type: 'object',
  additionalProperties: false,
  required: ['mean', 'sd', 'quantiles'],
  properties: {
    mean: { type: 'number' },
    sd: { type: 'number', minimum: 0 },
    quantiles: {
      type: 'object',
      additionalProperties: false,
      required: ['p01', 'p05', 'p25', 'p50', 'p75', 'p95', 'p99'],
      properties: Object.fromEntries(['p01', 'p05', 'p25', 'p50', 'p75', 'p95', 'p99'].map((key) => [key, { type: 'number' }])),
    },
  },
} as const

const categorySummary = {
  type: 'object',
  additionalProperties: false,
  required: ['shares'],
  properties: { shares: { type: 'object', additionalProperties: share } },
} as const

const column = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'required', 'missing', 'missingShare', 'distinct', 'unique'],
  properties: {
    kind: { enum: ['numeric', 'integer', 'boolean', 'datetime', 'categorical', 'text', 'empty'] },
    required: { type: 'boolean' },
    missing: count,
    missingShare: share,
    sentinels: { type: 'array', items: { type: ['string', 'number'] } },
    min: { type: 'number' },
    max: { type: 'number' },
    earliest: isoTime,
    latest: isoTime,
    values: { type: 'array', minItems: 1, items: { type: ['string', 'number', 'boolean'] } },
    distinct: count,
    unique: { type: 'boolean' },
    maxUnseenShare: share,
    maxOutOfRangeShare: share,
    summary: { oneOf: [numericSummary, categorySummary] },
    note: { type: 'string' },
  },
} as const

/**
 * The JSON Schema (draft-07) of a saved data contract, checked by `loadContract` with ajv so a hand edit that breaks
 * the file (a misspelt field, a share above 1, a kind that does not exist) is an error that names the field.
 *
 * @example
 * ```ts
 * schemaValidator(DATA_CONTRACT_SCHEMA, '...').problems({ format: 'x' }) // ['/format: must be equal to constant', ...]
 * ```
 */
export const DATA_CONTRACT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://vitest-ml.dev/schemas/data-contract-1.json',
  title: 'vitest-ml data contract',
  type: 'object',
  additionalProperties: false,
  required: ['format', 'source', 'columns', 'duplicates'],
  properties: {
    $schema: { type: 'string' },
    format: { const: DATA_CONTRACT_FORMAT },
    source: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'rows'],
      properties: { name: { type: 'string' }, rows: count, sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
    },
    label: { type: 'string' },
    columns: { type: 'object', minProperties: 1, additionalProperties: column },
    duplicates: { type: 'object', additionalProperties: false, required: ['rows', 'share'], properties: { rows: count, share } },
  },
} as const
