import { linearQuantile } from '../stats/linear-quantile.js'
import { VitestMlError } from '../util/errors.js'
import { describeValue } from './labels.js'

/** How to cut the evaluation set into slices. */
export type SliceSpec<I = unknown> =
  /** A column name (record inputs or `rows`) or array position: categorical, or quartiles when numeric with many values. */
  | string
  | number
  | {
      /** Column name or array position. */
      readonly feature: string | number
      /** Numeric bins by quantile (equal-count bins). @defaultValue 4 for numeric columns with more than 10 distinct values */
      readonly bins?: number
      /** Numeric bin edges, ascending; values outside fall in the first or last bin. */
      readonly edges?: readonly number[]
      /** Name shown in results. @defaultValue the feature */
      readonly name?: string
    }
  | {
      /** Name shown in results. */
      readonly name: string
      /** The slice a row belongs to (undefined: no slice). */
      readonly by: (row: I, index: number) => string | number | undefined
    }

/** One slice: which rows belong to it. */
export interface SliceMembers {
  /** The slicing dimension, for example `Island`. */
  readonly feature: string
  /** The slice value, for example `Dream` or `[190, 197)`. */
  readonly slice: string
  /** Row indices in the slice. */
  readonly indices: readonly number[]
}

/**
 * Assigns rows to slices: categorical values, numeric bins by quantile or by given edges, or a function.
 * Missing values (null, undefined, NaN) form a `missing` slice.
 *
 * @param rows - the rows to read slice values from (records or arrays)
 * @param specs - the slicing dimensions
 * @returns every non-empty slice of every dimension
 * @example
 * ```ts
 * sliceRows([{ island: 'Dream' }, { island: 'Biscoe' }], ['island']) // [{ feature: 'island', slice: 'Biscoe', indices: [1] }, ...]
 * ```
 */
export function sliceRows<I>(rows: readonly I[], specs: readonly SliceSpec<I>[]): SliceMembers[] {
  if (!Array.isArray(specs) || specs.length === 0) {
    throw new VitestMlError(
      'toPerformOnAllSlices',
      'at least one slice definition in `slices`',
      describeValue(specs),
      "Pass column names, e.g. `slices: ['Island', { feature: 'Body Mass (g)', bins: 4 }]`.",
    )
  }
  return specs.flatMap((spec) => {
    if (typeof spec === 'object' && 'by' in spec)
      return group(
        spec.name,
        rows.map((row, index) => spec.by(row, index)),
      )
    const feature = typeof spec === 'object' ? spec.feature : spec
    const name = typeof spec === 'object' && spec.name !== undefined ? spec.name : String(feature)
    const values = rows.map((row) => (row as Record<string | number, unknown> | null)?.[feature])
    if (values.every((value) => value === undefined)) {
      throw new VitestMlError(
        'toPerformOnAllSlices',
        `rows with a column ${describeValue(feature)}`,
        'no row having it',
        'Slice by a column of the inputs, or pass `rows` with the columns to slice by (one record per input).',
      )
    }
    const numeric = values.every((value) => typeof value === 'number' || value === null || value === undefined)
    const explicit = typeof spec === 'object' && (spec.bins !== undefined || spec.edges !== undefined)
    if (!numeric || (!explicit && new Set(values).size <= 10))
      return group(
        name,
        values.map((value) => (typeof value === 'number' || typeof value === 'string' ? value : undefined)),
      )
    if (typeof spec === 'object' && spec.edges !== undefined) checkEdges(name, spec.edges)
    const edges =
      typeof spec === 'object' && spec.edges !== undefined
        ? [...spec.edges]
        : quantileEdges(values as (number | null | undefined)[], typeof spec === 'object' ? (spec.bins ?? 4) : 4)
    return group(
      name,
      values.map((value) => (typeof value === 'number' && Number.isFinite(value) ? binLabel(value, edges) : undefined)),
      edges,
    )
  })
}

function checkEdges(name: string, edges: readonly number[]): void {
  const ascending = Array.isArray(edges) && edges.length >= 2 && edges.every((edge, k) => Number.isFinite(edge) && (k === 0 || edge > (edges[k - 1] as number)))
  if (!ascending) {
    throw new VitestMlError(
      'toPerformOnAllSlices',
      `\`edges\` for ${JSON.stringify(name)} as at least 2 finite numbers in ascending order`,
      Array.isArray(edges) ? `[${edges.map(String).join(', ')}]` : describeValue(edges),
      'Give the bin boundaries in ascending order, for example `edges: [0, 10, 20, 40]` (at least two).',
    )
  }
}

function group(feature: string, keys: readonly (string | number | undefined)[], edges?: readonly number[]): SliceMembers[] {
  const members = new Map<string, number[]>()
  keys.forEach((key, index) => {
    const slice = key === undefined || (typeof key === 'number' && Number.isNaN(key)) ? 'missing' : String(key)
    const list = members.get(slice)
    if (list === undefined) members.set(slice, [index])
    else list.push(index)
  })
  const order = edges === undefined ? [...members.keys()].sort() : [...members.keys()]
  if (edges !== undefined) order.sort((left, right) => binOrder(left, edges) - binOrder(right, edges))
  return order.map((slice) => ({ feature, slice, indices: members.get(slice) as number[] }))
}

function quantileEdges(values: readonly (number | null | undefined)[], bins: number): number[] {
  if (!Number.isInteger(bins) || bins < 2) throw new VitestMlError('toPerformOnAllSlices', 'an integer `bins` >= 2', String(bins), 'Use 4 for quartiles.')
  const sorted = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value)).sort((left, right) => left - right)
  return [...new Set(Array.from({ length: bins + 1 }, (_, k) => linearQuantile(sorted, k / bins)))]
}

function binLabel(value: number, edges: readonly number[]): string {
  const last = edges.length - 1
  let k = 0
  while (k < last - 1 && value >= (edges[k + 1] as number)) k++
  const lower = edges[k] as number
  const upper = edges[Math.min(k + 1, last)] as number
  return k === last - 1 || last === 0 ? `[${fmt(lower)}, ${fmt(upper)}]` : `[${fmt(lower)}, ${fmt(upper)})`
}

function binOrder(label: string, edges: readonly number[]): number {
  if (label === 'missing') return Number.POSITIVE_INFINITY
  const lower = Number(label.slice(1, label.indexOf(',')))
  return edges.findIndex((edge) => fmt(edge) === fmt(lower))
}

function fmt(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)))
}
