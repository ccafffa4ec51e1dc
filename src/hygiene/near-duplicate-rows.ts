import type { Column, Dataset } from '../data/dataset.js'
import { rowFingerprints } from '../data/duplicate-rows.js'

/** A row within the tolerance of an earlier row. */
export interface NearDuplicateRow {
  readonly row: number
  readonly nearRow: number
  /** Largest standardised difference over the numeric columns (Chebyshev distance, in standard deviations). */
  readonly distance: number
}

/** Result of `findNearDuplicateRows`. */
export interface NearDuplicateRowsResult {
  /** Rows within `distance` of an earlier row that are not exact repeats. */
  readonly nearDuplicateRows: number
  readonly nearDuplicateShare: number
  /** The first ones, at most `maxListed`. */
  readonly examples: readonly NearDuplicateRow[]
  /** Numeric columns compared by distance; the other columns must be equal. */
  readonly numericColumns: readonly string[]
}

/** Numeric columns the grid is built on (the others are compared row by row). */
const GRID_COLUMNS = 3

/**
 * Rows that are near duplicates of an earlier row of the same set: every numeric column within `distance` standard
 * deviations (Chebyshev distance after standardising each column; a missing value only matches a missing value) and
 * every other column equal. Rows already known as exact repeats (`skip`) are left out. Rows are bucketed on a grid of
 * cell size `distance` over the three numeric columns with the largest spread; each row is compared only with earlier
 * rows in its own and the neighbouring cells (3^3 cells), and the search for a row stops at its first match. That is
 * exact (no pair within the distance can be more than one cell apart) and near-linear: O(n x 27 x b) for b rows per
 * cell, where b stays small unless most rows are near duplicates of each other.
 *
 * @param dataset - the data
 * @param columns - the columns that make a row
 * @param distance - tolerance in standard deviations, > 0
 * @param skip - a marker per row (1 = exact repeat, leave out), from `findDuplicateRows`
 * @param maxListed - examples kept
 * @returns the count, share and examples
 * @example
 * ```ts
 * findNearDuplicateRows(datasetFromRows([{ x: 1, y: 'a' }, { x: 1.0001, y: 'a' }, { x: 5, y: 'a' }]), ['x', 'y'], 0.01, new Uint8Array(3), 5)
 * // { nearDuplicateRows: 1, examples: [{ row: 1, nearRow: 0, distance: 0.0000433 }], ... }
 * ```
 */
export function findNearDuplicateRows(
  dataset: Dataset,
  columns: readonly string[],
  distance: number,
  skip: Uint8Array,
  maxListed: number,
): NearDuplicateRowsResult {
  const rows = dataset.rowCount
  const numeric = columns.filter((name) => dataset.isNumeric(name))
  const other = columns.filter((name) => !dataset.isNumeric(name))
  const standardised = numeric.map((name) => standardise(dataset.column(name) as Float64Array))
  const none = { nearDuplicateRows: 0, nearDuplicateShare: 0, examples: [], numericColumns: numeric }
  if (numeric.length === 0 || rows === 0 || !(distance > 0)) return none
  const grid = [...standardised.keys()].sort((x, y) => standardised[y]!.spread - standardised[x]!.spread).slice(0, GRID_COLUMNS)
  // Cells as integers per grid column (NaN: a cell of its own), the other columns as one fingerprint per row.
  const cells = grid.map((k) => Float64Array.from(standardised[k]!.values, (z) => (Number.isNaN(z) ? Number.NaN : Math.floor(z / distance))))
  const rest = other.length === 0 ? new Float64Array(rows) : rowFingerprints(dataset, other)
  const otherColumns = other.map((name) => dataset.column(name))
  // A 30-bit key (a small integer: cheap to hash in a Map) per cell and rest; equal keys of different cells only cost
  // comparisons, never a false match.
  const keyOf = (row: number, offset: readonly number[]): number => {
    const print = rest[row] as number
    let hash = avalanche((print % 4_294_967_291) ^ Math.imul(Math.floor(print / 4_294_967_291), 0x9e3779b1))
    for (const [position, column] of cells.entries()) {
      const cell = column[row] as number
      hash = avalanche(hash ^ Math.imul((Number.isNaN(cell) ? 0x7fffffff : cell + (offset[position] as number)) | 0, 0xcc9e2d51) ^ position)
    }
    return hash >>> 2
  }
  const offsets = neighbourOffsets(grid.length)
  const zero = grid.map(() => 0)
  const buckets = new Map<number, number[]>()
  const found: NearDuplicateRow[] = []
  let count = 0
  for (let row = 0; row < rows; row++) {
    if (skip[row] === 1) continue
    let match: NearDuplicateRow | undefined
    for (const offset of offsets) {
      const bucket = buckets.get(keyOf(row, offset))
      if (bucket === undefined) continue
      for (const earlier of bucket) {
        if (rest[earlier] !== rest[row] || !sameOther(otherColumns, row, earlier)) continue
        const gap = chebyshev(standardised, row, earlier, distance)
        if (gap <= distance) {
          match = { row, nearRow: earlier, distance: gap }
          break
        }
      }
      if (match !== undefined) break
    }
    if (match !== undefined) {
      count++
      if (found.length < maxListed) found.push(match)
    }
    const key = keyOf(row, zero)
    const bucket = buckets.get(key)
    if (bucket === undefined) buckets.set(key, [row])
    else bucket.push(row)
  }
  return { nearDuplicateRows: count, nearDuplicateShare: count / rows, examples: found, numericColumns: numeric }
}

interface Standardised {
  readonly values: Float64Array
  /** Standard deviation before standardising (0 for a constant column). */
  readonly spread: number
}

/** (x - mean) / sd; a constant column keeps its values shifted to 0 with sd 1, so only equal values match. */
function standardise(column: Float64Array): Standardised {
  let sum = 0
  let count = 0
  for (const value of column)
    if (Number.isFinite(value)) {
      sum += value
      count++
    }
  const mean = count === 0 ? 0 : sum / count
  let squares = 0
  for (const value of column) if (Number.isFinite(value)) squares += (value - mean) ** 2
  const sd = count === 0 ? 0 : Math.sqrt(squares / count)
  const scale = sd > 0 ? sd : 1
  return { values: column.map((value) => (Number.isFinite(value) ? (value - mean) / scale : Number.NaN)), spread: sd }
}

/** MurmurHash3's finaliser: every input bit moves every output bit. */
function avalanche(value: number): number {
  let h = value >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

function sameOther(columns: readonly Column[], row: number, other: number): boolean {
  for (const column of columns) {
    const x = column[row] ?? null
    const y = column[other] ?? null
    if (x !== y) return false
  }
  return true
}

function chebyshev(columns: readonly Standardised[], row: number, other: number, limit: number): number {
  let gap = 0
  for (const column of columns) {
    const x = column.values[row] as number
    const y = column.values[other] as number
    const difference = Number.isNaN(x) || Number.isNaN(y) ? (Number.isNaN(x) && Number.isNaN(y) ? 0 : Number.POSITIVE_INFINITY) : Math.abs(x - y)
    // A constant column (sd 0) matches only equal values.
    if (difference > gap) gap = column.spread === 0 && difference > 0 ? Number.POSITIVE_INFINITY : difference
    if (gap > limit) return gap
  }
  return gap
}

function neighbourOffsets(dimensions: number): number[][] {
  let offsets: number[][] = [[]]
  for (let k = 0; k < dimensions; k++) offsets = offsets.flatMap((offset) => [0, -1, 1].map((step) => [...offset, step]))
  return offsets
}
