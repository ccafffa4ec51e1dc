import type { Column } from '../../data/dataset.js'
import { categoricalValues } from '../feature-values.js'

/** Tabular features encoded as numbers for a multivariate test. */
export interface FeatureMatrix {
  /** Row-major values, `rows x width`: reference rows first, then current rows. */
  readonly values: Float64Array
  /** Number of rows (reference + current). */
  readonly rows: number
  /** Number of encoded columns. */
  readonly width: number
  /** Name of each encoded column: the feature, `feature=category` for one-hot columns, `feature (missing)` for indicators. */
  readonly columns: readonly string[]
  /** The source feature of each encoded column (index into the feature list). */
  readonly sourceFeature: Uint32Array
}

/** One feature's columns in both samples, and how to encode it. */
export interface EncodedFeature {
  readonly name: string
  readonly kind: 'numeric' | 'categorical'
  readonly reference: Column
  readonly current: Column
}

/** At most this many one-hot columns per categorical feature; rarer categories share an `(other)` column. */
export const MAX_ONE_HOT = 20

/**
 * Encodes tabular features for a multivariate test: numeric features z-scored with the pooled mean and (population)
 * standard deviation of the kept rows, missing values set to 0 (the mean) with a `feature (missing)` indicator column
 * when any value is missing; categorical features one-hot (the 20 most frequent categories, the rest in `(other)`,
 * missing values as their own category). Constant columns are left out: they cannot separate anything.
 *
 * @param features - the features with their reference and current columns
 * @param referenceRows - reference row indices to keep
 * @param currentRows - current row indices to keep
 * @returns the design matrix, reference rows first
 * @example
 * ```ts
 * featureMatrix([{ name: 'x', kind: 'numeric', reference: Float64Array.of(1, 3), current: Float64Array.of(5) }], Uint32Array.of(0, 1), Uint32Array.of(0))
 * // -> { rows: 3, width: 1, columns: ['x'], values: [-1.22, 0, 1.22] }
 * ```
 */
export function featureMatrix(features: readonly EncodedFeature[], referenceRows: Uint32Array, currentRows: Uint32Array): FeatureMatrix {
  const rows = referenceRows.length + currentRows.length
  const blocks: { name: string; feature: number; values: Float64Array }[] = []
  features.forEach((feature, index) => {
    const encoded = feature.kind === 'numeric' ? numericBlock(feature, referenceRows, currentRows) : categoricalBlock(feature, referenceRows, currentRows)
    for (const block of encoded) if (!isConstant(block.values)) blocks.push({ ...block, feature: index })
  })
  const width = blocks.length
  const values = new Float64Array(rows * width)
  blocks.forEach((block, column) => {
    for (let row = 0; row < rows; row++) values[row * width + column] = block.values[row] as number
  })
  return { values, rows, width, columns: blocks.map((block) => block.name), sourceFeature: Uint32Array.from(blocks, (block) => block.feature) }
}

function pooled(column: Column, other: Column, referenceRows: Uint32Array, currentRows: Uint32Array): unknown[] {
  const values: unknown[] = []
  for (const row of referenceRows) values.push(column[row])
  for (const row of currentRows) values.push(other[row])
  return values
}

function numericBlock(feature: EncodedFeature, referenceRows: Uint32Array, currentRows: Uint32Array): { name: string; values: Float64Array }[] {
  const raw = pooled(feature.reference, feature.current, referenceRows, currentRows)
  const values = Float64Array.from(raw, (value) =>
    typeof value === 'number' && Number.isFinite(value) ? value : value === null || value === undefined || value === '' ? Number.NaN : Number(value),
  )
  const missing = new Float64Array(values.length)
  let sum = 0
  let count = 0
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number
    if (Number.isFinite(value)) {
      sum += value
      count++
    } else missing[i] = 1
  }
  const mean = count === 0 ? 0 : sum / count
  let squares = 0
  for (const value of values) if (Number.isFinite(value)) squares += (value - mean) ** 2
  const sd = count === 0 ? 0 : Math.sqrt(squares / count)
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number
    values[i] = Number.isFinite(value) && sd > 0 ? (value - mean) / sd : 0
  }
  return [
    { name: feature.name, values },
    { name: `${feature.name} (missing)`, values: missing },
  ]
}

function categoricalBlock(feature: EncodedFeature, referenceRows: Uint32Array, currentRows: Uint32Array): { name: string; values: Float64Array }[] {
  const labels = categoricalValues(pooled(feature.reference, feature.current, referenceRows, currentRows) as Column).labels
  const counts = new Map<string, number>()
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1)
  const ranked = [...counts.entries()].sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1))
  const kept = new Map(ranked.slice(0, MAX_ONE_HOT).map(([label], index) => [label, index]))
  const other = ranked.length > MAX_ONE_HOT
  const blocks = [...kept.keys(), ...(other ? ['(other)'] : [])].map((label) => ({ name: `${feature.name}=${label}`, values: new Float64Array(labels.length) }))
  labels.forEach((label, row) => {
    const block = blocks[kept.get(label) ?? MAX_ONE_HOT]
    if (block !== undefined) block.values[row] = 1
  })
  return blocks
}

function isConstant(values: Float64Array): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false
  return true
}
