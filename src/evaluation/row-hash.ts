import { createHash } from 'node:crypto'
import type { Dataset } from '../data/dataset.js'
import { VitestMlError } from '../util/errors.js'
import { describeValue } from './labels.js'

/** Rows to check for leakage or fingerprint: an array of rows, a `Dataset`, or an evaluation set `{ inputs }`. */
export type RowSource = readonly unknown[] | Dataset | { readonly inputs: readonly unknown[] }

/**
 * The rows of a {@link RowSource}.
 *
 * @param source - public name to blame
 * @param data - rows, a dataset or `{ inputs }`
 * @param name - what to call it in errors
 * @returns the rows
 * @example
 * ```ts
 * rowsOf('findLeakage', { inputs: [[1, 2]], labels: [0] }, 'test') // [[1, 2]]
 * ```
 */
export function rowsOf(source: string, data: RowSource | undefined, name: string): readonly unknown[] {
  if (Array.isArray(data)) return data
  if (typeof data === 'object' && data !== null) {
    if ('inputs' in data && Array.isArray(data.inputs)) return data.inputs
    if ('rows' in data && typeof data.rows === 'function') return (data as Dataset).rows()
  }
  throw new VitestMlError(
    source,
    `${name} rows: an array, a Dataset or { inputs }`,
    describeValue(data),
    'Pass the rows themselves, or the evaluation set object.',
  )
}

/**
 * Canonical JSON: object keys sorted, typed arrays as arrays, bigints as `"<n>n"`, NaN and infinities as strings,
 * -0 as 0, undefined properties dropped. Equal content gives equal text whatever the key order.
 *
 * @param value - a row or any JSON-like value
 * @returns the canonical text
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [2n, NaN] }) // '{"a":["2n","NaN"],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value === 0 ? 0 : value) : JSON.stringify(String(value))
  if (typeof value === 'bigint') return JSON.stringify(`${value}n`)
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return canonicalJson(Array.from(value as unknown as ArrayLike<number>))
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value instanceof Date) return JSON.stringify(value.toISOString())
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined && typeof item !== 'function')
    .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`
}

/**
 * SHA-256 of a row's canonical JSON, or of just its key columns.
 *
 * @param row - a record or an array
 * @param keys - record keys or array positions that identify the row
 * @returns lower-case hex SHA-256
 * @example
 * ```ts
 * rowHash({ id: 7, x: 1 }, ['id']) === rowHash({ x: 2, id: 7 }, ['id']) // true
 * ```
 */
export function rowHash(row: unknown, keys?: readonly (string | number)[]): string {
  const picked = keys === undefined ? row : keys.map((key) => (row as Record<string | number, unknown> | null)?.[key])
  return createHash('sha256').update(canonicalJson(picked)).digest('hex')
}

/**
 * Order-independent SHA-256 of a set of rows (the sorted row hashes, hashed): the identity of a test set in the
 * reuse ledger and in reports, unchanged by shuffling.
 *
 * @param rows - the rows
 * @returns lower-case hex SHA-256
 * @example
 * ```ts
 * rowSetHash([[1], [2]]) === rowSetHash([[2], [1]]) // true
 * ```
 */
export function rowSetHash(rows: readonly unknown[]): string {
  const hashes = rows.map((row) => rowHash(row)).sort()
  return createHash('sha256')
    .update(`vitest-ml-rows-v1\n${rows.length}\n${hashes.join('\n')}`)
    .digest('hex')
}
