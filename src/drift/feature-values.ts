import type { Column } from '../data/dataset.js'

const NO_SENTINELS: ReadonlySet<unknown> = new Set()

/** The label a missing categorical value is counted under. */
export const MISSING_CATEGORY = '(missing)'

/** A numeric feature's values split into what the statistics use and what they cannot. */
export interface NumericValues {
  /** The finite values, in row order. */
  readonly values: Float64Array
  /** Missing values (NaN, null, undefined). */
  readonly missing: number
  /** ±Infinity values (kept out of the statistics, reported). */
  readonly nonFinite: number
  /** All rows. */
  readonly total: number
}

/** A categorical feature's values as category labels. */
export interface CategoricalValues {
  /** One label per row; missing values are the category {@link MISSING_CATEGORY}. */
  readonly labels: string[]
  /** Missing values (null, undefined, NaN). */
  readonly missing: number
  /** All rows. */
  readonly total: number
}

/**
 * Splits a column into finite numbers, missing values and infinities, without dropping anything silently: the counts
 * are reported beside every drift result.
 *
 * @param column - a dataset column (numbers, or anything convertible with `Number`)
 * @param sentinels - values that mean "missing" in this column (`-999`) @defaultValue none
 * @returns finite values and counts
 * @example
 * ```ts
 * numericValues(Float64Array.of(1, Number.NaN, Infinity, 2)) // { values: [1, 2], missing: 1, nonFinite: 1, total: 4 }
 * ```
 */
export function numericValues(column: Column, sentinels: ReadonlySet<unknown> = NO_SENTINELS): NumericValues {
  const values = new Float64Array(column.length)
  let kept = 0
  let missing = 0
  let nonFinite = 0
  for (let index = 0; index < column.length; index++) {
    const raw = column[index]
    const value = sentinels.has(raw) ? Number.NaN : typeof raw === 'number' ? raw : raw === null || raw === undefined || raw === '' ? Number.NaN : Number(raw)
    if (Number.isNaN(value)) missing++
    else if (!Number.isFinite(value)) nonFinite++
    else values[kept++] = value
  }
  return { values: kept === values.length ? values : values.slice(0, kept), missing, nonFinite, total: column.length }
}

/**
 * Turns a column into category labels (`String(value)`), counting missing values as their own category.
 *
 * @param column - a dataset column
 * @param sentinels - values that mean "missing" in this column (`''`, `'n/a'`) @defaultValue none
 * @returns labels and the missing count
 * @example
 * ```ts
 * categoricalValues(['sun', null, 'rain']) // { labels: ['sun', '(missing)', 'rain'], missing: 1, total: 3 }
 * ```
 */
export function categoricalValues(column: Column, sentinels: ReadonlySet<unknown> = NO_SENTINELS): CategoricalValues {
  const labels = new Array<string>(column.length)
  let missing = 0
  for (let index = 0; index < column.length; index++) {
    const value = column[index]
    if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value)) || sentinels.has(value)) {
      missing++
      labels[index] = MISSING_CATEGORY
    } else labels[index] = String(value)
  }
  return { labels, missing, total: column.length }
}

/**
 * Counts the distinct values of a numeric sample, stopping once `limit` is exceeded.
 *
 * @param values - finite values
 * @param limit - stop counting above this
 * @returns the number of distinct values, or `limit + 1` when there are more
 * @example
 * ```ts
 * distinctUpTo(Float64Array.of(0, 1, 1, 0), 5) // 2
 * ```
 */
export function distinctUpTo(values: Float64Array, limit: number): number {
  const seen = new Set<number>()
  for (const value of values) {
    seen.add(value)
    if (seen.size > limit) break
  }
  return seen.size
}
