import type { CellValue, Column, Dataset } from './dataset.js'

/** One repeated row: its index and the index of the first row it repeats. */
export interface DuplicateRow {
  readonly row: number
  readonly firstRow: number
}

/** Result of `findDuplicateRows`. */
export interface DuplicateRowsResult {
  /** Rows compared. */
  readonly rows: number
  /** Rows equal to an earlier row (a row seen three times counts twice). */
  readonly duplicateRows: number
  /** `duplicateRows / rows` (0 for no rows). */
  readonly duplicateShare: number
  /** Distinct rows that occur more than once. */
  readonly groups: number
  /** The first repeated rows, at most `maxListed`. */
  readonly examples: readonly DuplicateRow[]
  /** A marker per row: 1 when it repeats an earlier row, else 0. */
  readonly repeated: Uint8Array
}

/** Options of `findDuplicateRows`. */
export interface DuplicateRowsOptions {
  /** Columns that make a row (leave out ids and timestamps to find the same record entered twice). @defaultValue every column */
  readonly columns?: readonly string[]
  /** Examples kept. @defaultValue 10 */
  readonly maxListed?: number
}

const scratch = new Float64Array(1)
const scratchWords = new Uint32Array(scratch.buffer)

/** Mixes a 32-bit word into a running hash (one MurmurHash3 body step; `seed` is added to the step constant). */
function mix(hash: number, word: number, seed: number): number {
  let k = Math.imul(word, 0xcc9e2d51)
  k = Math.imul((k << 15) | (k >>> 17), 0x1b873593)
  const h = (hash ^ k) >>> 0
  return (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64 + seed) >>> 0
}

/** MurmurHash3's finaliser: every input bit affects every output bit. */
function finish(hash: number): number {
  let h = hash ^ (hash >>> 16)
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

function stringHash(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let index = 0; index < text.length; index++) h = Math.imul(h ^ text.charCodeAt(index), 0x01000193) >>> 0
  return finish(mix(h, text.length, seed))
}

/** The 32-bit hash of one cell under a seed: numbers by their float64 bits (all NaN alike, -0 as 0), text by its characters. */
function cellHash(value: CellValue | undefined, seed: number): number {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return finish(mix(0x9e3779b9, 1, seed))
    scratch[0] = value === 0 ? 0 : value
    return finish(mix(mix(0x85ebca6b, scratchWords[0] as number, seed), scratchWords[1] as number, seed))
  }
  if (value === null || value === undefined) return finish(mix(0x9e3779b9, 1, seed))
  if (typeof value === 'boolean') return finish(mix(0xc2b2ae35, value ? 3 : 2, seed))
  return stringHash(typeof value === 'string' ? value : JSON.stringify(value), seed)
}

/**
 * One 53-bit fingerprint per row of the given columns (two independent 32-bit hashes combined), computed column by
 * column so the work is one pass over each column: O(rows x columns). Equal rows have equal fingerprints; unequal rows
 * collide with probability about 2^-53 per pair, so callers confirm matches by comparing values.
 *
 * @param dataset - the data
 * @param columns - the columns that make a row
 * @returns a fingerprint per row (exact integers below 2^53)
 * @example
 * ```ts
 * const prints = rowFingerprints(datasetFromRows([{ x: 1 }, { x: 1 }]), ['x'])
 * prints[0] === prints[1] // true
 * ```
 */
export function rowFingerprints(dataset: Dataset, columns: readonly string[]): Float64Array {
  const high = new Uint32Array(dataset.rowCount).fill(0x2545f491)
  const low = new Uint32Array(dataset.rowCount).fill(0x6c8e9cf5)
  for (const [position, name] of columns.entries()) {
    const column = dataset.column(name)
    const cache = column instanceof Float64Array ? undefined : new Map<unknown, [number, number]>()
    for (let row = 0; row < dataset.rowCount; row++) {
      const value = column[row] as CellValue | undefined
      let pair = typeof value === 'string' && value.length > 64 ? undefined : cache?.get(value)
      if (pair === undefined) {
        pair = [cellHash(value, position * 2 + 1), cellHash(value, position * 2 + 2)]
        if (cache !== undefined && cache.size < 100_000 && !(typeof value === 'string' && value.length > 64)) cache.set(value, pair)
      }
      high[row] = mix(high[row] as number, pair[0], position)
      low[row] = mix(low[row] as number, pair[1], position + 7)
    }
  }
  const prints = new Float64Array(dataset.rowCount)
  for (let row = 0; row < dataset.rowCount; row++) prints[row] = finish(high[row] as number) * 2 ** 21 + (finish(low[row] as number) >>> 11)
  return prints
}

function sameCell(column: Column, left: number, right: number): boolean {
  const x = column[left]
  const y = column[right]
  if (x === y) return true
  const missing = (value: unknown): boolean => value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))
  return missing(x) && missing(y)
}

/**
 * Finds rows equal to an earlier row on the given columns: rows are fingerprinted (O(rows x columns)), the
 * fingerprints sorted (O(n log n), native typed-array sort), and only rows whose fingerprint repeats are compared value
 * by value, so a false match is impossible and the search stays near-linear on millions of rows. Missing values
 * (null, NaN) are equal to each other.
 *
 * @param dataset - the data
 * @param options - columns and how many examples to keep
 * @returns counts, share, examples and a per-row marker
 * @example
 * ```ts
 * findDuplicateRows(datasetFromRows([{ x: 1 }, { x: 2 }, { x: 1 }])) // { duplicateRows: 1, groups: 1, examples: [{ row: 2, firstRow: 0 }], ... }
 * ```
 */
export function findDuplicateRows(dataset: Dataset, options: DuplicateRowsOptions = {}): DuplicateRowsResult {
  const columns = options.columns ?? dataset.columnNames
  const maxListed = options.maxListed ?? 10
  const rows = dataset.rowCount
  const repeated = new Uint8Array(rows)
  const prints = rowFingerprints(dataset, columns)
  const sorted = Float64Array.from(prints).sort()
  const candidates = new Set<number>()
  for (let index = 1; index < sorted.length; index++) if (sorted[index] === sorted[index - 1]) candidates.add(sorted[index] as number)
  const groupsByPrint = new Map<number, number[]>()
  if (candidates.size > 0) {
    for (let row = 0; row < rows; row++) {
      const print = prints[row] as number
      if (!candidates.has(print)) continue
      const group = groupsByPrint.get(print)
      if (group === undefined) groupsByPrint.set(print, [row])
      else group.push(row)
    }
  }
  const data = columns.map((name) => dataset.column(name))
  const equal = (left: number, right: number): boolean => data.every((column) => sameCell(column, left, right))
  const found: DuplicateRow[] = []
  let duplicateRows = 0
  let groups = 0
  for (const members of groupsByPrint.values()) {
    // Rows with one fingerprint are almost always one value; split them by value to be sure.
    const firsts: number[] = []
    const counted = new Set<number>()
    for (const row of members) {
      const first = firsts.find((candidate) => equal(candidate, row))
      if (first === undefined) {
        firsts.push(row)
        continue
      }
      repeated[row] = 1
      duplicateRows++
      if (!counted.has(first)) {
        counted.add(first)
        groups++
      }
      found.push({ row, firstRow: first })
    }
  }
  found.sort((x, y) => x.row - y.row)
  return { rows, duplicateRows, duplicateShare: rows === 0 ? 0 : duplicateRows / rows, groups, examples: found.slice(0, maxListed), repeated }
}
