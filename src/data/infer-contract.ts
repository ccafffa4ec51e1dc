import { linearQuantile } from '../stats/linear-quantile.js'
import { type ColumnKind, columnKind, isMissingCell, parseDateText, parseNumberText } from './column-kind.js'
import { type ColumnContract, type ContractCategorySummary, type ContractNumericSummary, DATA_CONTRACT_FORMAT, type DataContract } from './data-contract.js'
import type { Column, Dataset } from './dataset.js'
import { datasetHash } from './dataset-hash.js'
import { findDuplicateRows } from './duplicate-rows.js'

/** Options of `inferContract`. */
export interface InferContractOptions {
  /** The label column (recorded in the contract; never taken for an id). */
  readonly label?: string
  /** Values that mean "missing", per column: `{ delay: [-999], city: ['', 'n/a'] }`. @defaultValue {} */
  readonly sentinels?: Readonly<Record<string, readonly (string | number)[]>>
  /** A text column with more distinct values than this is `text`, not `categorical`. @defaultValue 50 */
  readonly maxCategories?: number
  /** Also save each column's distribution (quantiles, mean and sd; category shares). @defaultValue false */
  readonly summaries?: boolean
  /** Columns to use, in this order. @defaultValue every column */
  readonly columns?: readonly string[]
}

/** Result of `inferContract`: the contract and what a reviewer should look at. */
export interface InferContractResult {
  readonly contract: DataContract
  /** One line per finding worth a look: constant or empty columns, non-numeric tokens read as missing, ids. */
  readonly notes: readonly string[]
}

/** Below this many present values, all-distinct is not evidence of an id. */
const MIN_ROWS_FOR_UNIQUE = 20

/**
 * Learns a data contract from training data: per column its kind (by the rule of `columnKind`), missing values,
 * range (numbers) or allowed values (categories), distinct count and whether every value is distinct (ids), and
 * optionally its distribution; for the whole table the share of exact duplicate rows.
 *
 * @param dataset - the training data
 * @param options - label, sentinels, category limit, summaries
 * @returns the contract and review notes
 * @example
 * ```ts
 * const { contract } = inferContract(await readCsv('train.csv'), { label: 'species' })
 * contract.columns.island // { kind: 'categorical', values: ['Biscoe', 'Dream', 'Torgersen'], missing: 0, ... }
 * ```
 */
export function inferContract(dataset: Dataset, options: InferContractOptions = {}): InferContractResult {
  const names = options.columns ?? dataset.columnNames
  const notes: string[] = []
  const columns: Record<string, ColumnContract> = {}
  for (const name of names) {
    const learned = learnColumn(dataset.column(name), name, options, name === options.label)
    columns[name] = learned.contract
    notes.push(...learned.notes)
  }
  const duplicates = findDuplicateRows(dataset, { columns: names, maxListed: 1 })
  if (duplicates.duplicateRows > 0)
    notes.push(`${duplicates.duplicateRows} of ${dataset.rowCount} rows repeat an earlier row (share ${round(duplicates.duplicateShare)})`)
  const contract: DataContract = {
    format: DATA_CONTRACT_FORMAT,
    source: { name: dataset.name, rows: dataset.rowCount, sha256: datasetHash(dataset) },
    ...(options.label === undefined ? {} : { label: options.label }),
    columns,
    duplicates: { rows: duplicates.duplicateRows, share: round(duplicates.duplicateShare) },
  }
  return { contract, notes }
}

function learnColumn(column: Column, name: string, options: InferContractOptions, isLabel: boolean): { contract: ColumnContract; notes: string[] } {
  const declared = options.sentinels?.[name] ?? []
  const decided = columnKind(column, { sentinels: declared, maxCategories: options.maxCategories ?? 50 })
  const tokens = decided.nonNumericTokens.map((token) => token.value)
  const sentinels = [...declared, ...tokens]
  const missingSet = new Set<unknown>(sentinels)
  const notes: string[] = []
  let missing = 0
  const numbers: number[] = []
  const present: unknown[] = []
  for (let index = 0; index < column.length; index++) {
    const value = column[index]
    if (isMissingCell(value, missingSet)) {
      missing++
      continue
    }
    const number = asNumber(value, decided.kind)
    if (number !== undefined) numbers.push(number)
    else present.push(value)
  }
  const rows = column.length
  const base = {
    kind: decided.kind,
    required: true,
    missing,
    missingShare: round(rows === 0 ? 0 : missing / rows),
    ...(sentinels.length > 0 ? { sentinels } : {}),
  }
  if (decided.nonNumericTokens.length > 0) {
    notes.push(`${name}: numbers with ${decided.nonNumericTokens.map((token) => `${JSON.stringify(token.value)} x${token.count}`).join(', ')} read as missing`)
  }
  if (decided.kind === 'empty') notes.push(`${name}: no values at all`)
  const contract = ((): ColumnContract => {
    if (decided.kind === 'numeric' || decided.kind === 'integer' || decided.kind === 'datetime') {
      const sorted = Float64Array.from(numbers.filter(Number.isFinite)).sort()
      let distinct = sorted.length > 0 ? 1 : 0
      for (let index = 1; index < sorted.length; index++) if (sorted[index] !== sorted[index - 1]) distinct++
      const unique = !isLabel && decided.kind === 'integer' && distinct === sorted.length && sorted.length >= MIN_ROWS_FOR_UNIQUE
      if (unique) notes.push(`${name}: every value distinct (an id?): repeats will be anomalies`)
      const first = sorted[0] ?? 0
      const last = sorted[sorted.length - 1] ?? 0
      const range = decided.kind === 'datetime' ? { earliest: new Date(first).toISOString(), latest: new Date(last).toISOString() } : { min: first, max: last }
      const summary = options.summaries === true && decided.kind !== 'datetime' && sorted.length > 0 ? { summary: numericSummary(sorted) } : {}
      return { ...base, ...range, distinct, unique, ...summary }
    }
    const counts = new Map<unknown, number>()
    for (const value of present) counts.set(value, (counts.get(value) ?? 0) + 1)
    const distinct = counts.size
    const unique = !isLabel && decided.kind === 'text' && distinct === present.length && present.length >= MIN_ROWS_FOR_UNIQUE
    if (unique) notes.push(`${name}: every value distinct (an id?): repeats will be anomalies`)
    if (decided.kind === 'categorical' || decided.kind === 'boolean') {
      const values = [...counts.keys()].sort(compareValues) as (string | number | boolean)[]
      const summary = options.summaries === true ? { summary: categorySummary(counts, present.length) } : {}
      return { ...base, values, distinct, unique, ...summary }
    }
    return { ...base, distinct, unique }
  })()
  if (contract.distinct === 1 && !isLabel)
    notes.push(`${name}: one value only (${JSON.stringify(contract.values?.[0] ?? contract.min)}): a constant carries no information`)
  return { contract, notes }
}

function asNumber(value: unknown, kind: ColumnKind): number | undefined {
  if (kind === 'numeric' || kind === 'integer') return typeof value === 'number' ? value : parseNumberText(String(value))
  if (kind === 'datetime') return typeof value === 'string' ? parseDateText(value) : typeof value === 'number' ? value : undefined
  return undefined
}

function numericSummary(sorted: Float64Array): ContractNumericSummary {
  let sum = 0
  for (const value of sorted) sum += value
  const mean = sum / sorted.length
  let squares = 0
  for (const value of sorted) squares += (value - mean) ** 2
  const q = (p: number): number => round(linearQuantile(sorted, p), 12)
  return {
    mean: round(mean, 12),
    sd: round(Math.sqrt(squares / sorted.length), 12),
    quantiles: { p01: q(0.01), p05: q(0.05), p25: q(0.25), p50: q(0.5), p75: q(0.75), p95: q(0.95), p99: q(0.99) },
  }
}

function categorySummary(counts: ReadonlyMap<unknown, number>, present: number): ContractCategorySummary {
  const shares: Record<string, number> = {}
  for (const [value, count] of [...counts].sort(([x], [y]) => compareValues(x, y))) shares[String(value)] = round(count / present)
  return { shares }
}

function compareValues(left: unknown, right: unknown): number {
  if (typeof left === 'number' && typeof right === 'number') return left - right
  return String(left) < String(right) ? -1 : String(left) > String(right) ? 1 : 0
}

/** Rounds a share or statistic for a file people read (6 significant digits by default). */
function round(value: number, digits = 6): number {
  return value === 0 || !Number.isFinite(value) ? value : Number(value.toPrecision(digits))
}
