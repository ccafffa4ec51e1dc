import { canonicalJson } from './row-hash.js'

/** A test row within tolerance of a training row. */
export interface NearPair {
  readonly testIndex: number
  readonly trainIndex: number
  /** Largest standardised difference over the numeric columns. */
  readonly distance: number
}

const GRID_COLUMNS = 3

/** Splits a row into its numeric values (in a stable column order) and the canonical text of everything else. */
function splitRow(row: unknown): { numbers: number[]; rest: string } {
  if (Array.isArray(row) || ArrayBuffer.isView(row)) {
    const values = Array.from(row as ArrayLike<unknown>)
    return {
      numbers: values.filter((value): value is number => typeof value === 'number'),
      rest: canonicalJson(values.map((value) => (typeof value === 'number' ? null : value))),
    }
  }
  if (typeof row === 'object' && row !== null) {
    const entries = Object.entries(row as Record<string, unknown>).sort(([left], [right]) => (left < right ? -1 : 1))
    return {
      numbers: entries.filter(([, value]) => typeof value === 'number').map(([, value]) => value as number),
      rest:
        canonicalJson(Object.fromEntries(entries.filter(([, value]) => typeof value !== 'number'))) +
        entries
          .filter(([, value]) => typeof value === 'number')
          .map(([key]) => key)
          .join(','),
    }
  }
  return typeof row === 'number' ? { numbers: [row], rest: '' } : { numbers: [], rest: canonicalJson(row) }
}

/**
 * Test rows within `tolerance` training standard deviations of a training row in every numeric column (Chebyshev
 * distance), with equal non-numeric values; a column constant in training (standard deviation 0) must match exactly. Rows are bucketed on a grid of cell size `tolerance` over the first three
 * numeric columns; a test row is compared only with training rows in its cell and the neighbouring ones, which is
 * exact (no pair within tolerance can be more than one cell apart) and avoids the n x m comparison.
 *
 * @param trainRows - training rows
 * @param testRows - test rows
 * @param tolerance - in standard deviations, > 0
 * @param skip - test indices already reported as exact duplicates
 * @returns one pair per near-duplicate test row (its nearest training row)
 * @example
 * ```ts
 * nearDuplicatePairs([[1, 10], [5, 50]], [[1.001, 10]], 0.01, new Set()) // [{ testIndex: 0, trainIndex: 0, distance: 0.00035 }]
 * ```
 */
export function nearDuplicatePairs(trainRows: readonly unknown[], testRows: readonly unknown[], tolerance: number, skip: ReadonlySet<number>): NearPair[] {
  const train = trainRows.map(splitRow)
  const width = train[0]?.numbers.length ?? 0
  if (width === 0) return []
  const means = new Array<number>(width).fill(0)
  const scales = new Array<number>(width).fill(0)
  // A column constant in training has standard deviation 0: "within tolerance sd" means equal to the constant.
  const constants = new Array<number | undefined>(width).fill(undefined)
  for (let k = 0; k < width; k++) {
    const values = train.map((row) => row.numbers[k] as number).filter(Number.isFinite)
    const mean = values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1)
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / Math.max(values.length, 1)
    means[k] = mean
    scales[k] = variance > 0 ? Math.sqrt(variance) : 1
    if (values.length > 0 && values.every((value) => value === values[0])) constants[k] = values[0]
  }
  const standardise = (numbers: readonly number[]): number[] =>
    numbers.map((value, k) => {
      const constant = constants[k]
      if (constant !== undefined) return value === constant ? 0 : Number.POSITIVE_INFINITY
      return (value - (means[k] as number)) / (scales[k] as number)
    })
  const gridColumns = Math.min(GRID_COLUMNS, width)
  const cellOf = (z: readonly number[]): number[] => z.slice(0, gridColumns).map((value) => Math.floor(value / tolerance))
  const grid = new Map<string, number[]>()
  const trainZ = train.map((row) => standardise(row.numbers))
  train.forEach((row, index) => {
    const z = trainZ[index] as number[]
    if (row.numbers.length !== width || !z.every(Number.isFinite)) return
    const key = `${row.rest}|${cellOf(z).join(',')}`
    const bucket = grid.get(key)
    if (bucket === undefined) grid.set(key, [index])
    else bucket.push(index)
  })
  const offsets = neighbourOffsets(gridColumns)
  const pairs: NearPair[] = []
  testRows.forEach((row, testIndex) => {
    if (skip.has(testIndex)) return
    const split = splitRow(row)
    const z = standardise(split.numbers)
    if (split.numbers.length !== width || !z.every(Number.isFinite)) return
    const cell = cellOf(z)
    let best: NearPair | undefined
    for (const offset of offsets) {
      const bucket = grid.get(`${split.rest}|${cell.map((value, k) => value + (offset[k] as number)).join(',')}`)
      for (const trainIndex of bucket ?? []) {
        const other = trainZ[trainIndex] as number[]
        let distance = 0
        for (let k = 0; k < width && distance <= tolerance; k++) distance = Math.max(distance, Math.abs((z[k] as number) - (other[k] as number)))
        if (distance <= tolerance && (best === undefined || distance < best.distance)) best = { testIndex, trainIndex, distance }
      }
    }
    if (best !== undefined) pairs.push(best)
  })
  return pairs
}

function neighbourOffsets(dimensions: number): number[][] {
  let offsets: number[][] = [[]]
  for (let k = 0; k < dimensions; k++) offsets = offsets.flatMap((offset) => [-1, 0, 1].map((step) => [...offset, step]))
  return offsets
}
