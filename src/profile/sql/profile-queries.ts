import type { SqlDialect } from './sql-dialect.js'

/** One profiled column in the profile queries. */
export interface ProfileQueryColumn {
  /** Column name in the profile. */
  readonly name: string
  /** Profiled as numbers or as categories. */
  readonly kind: 'numeric' | 'categorical'
  /** SQL expression over the source giving the value: a DOUBLE for numeric columns, text for categorical ones. */
  readonly expression: string
}

/**
 * Fractions at which pass 1 asks the engine for approximate quantiles (the cut points of pass 3).
 *
 * @param count - number of bins (cut points = count - 1)
 * @returns the fractions 1/count .. (count-1)/count
 * @example
 * ```ts
 * cutFractions(4) // [0.25, 0.5, 0.75]
 * ```
 */
export function cutFractions(count: number): number[] {
  return Array.from({ length: count - 1 }, (_, index) => Number(((index + 1) / count).toFixed(6)))
}

/**
 * The relation every pass reads: the source with each profiled value as `v0, v1, ...`, filtered by `where`.
 *
 * @param columns - the profiled columns
 * @param from - the source relation (table name, subquery in parentheses, or table function)
 * @param where - an optional SQL condition
 * @returns the relation as a parenthesised subquery
 * @example
 * ```ts
 * valuesRelation([{ name: 'delay', kind: 'numeric', expression: 'CAST("delay" AS DOUBLE)' }], 'flights', 'month = 6')
 * // '(SELECT CAST("delay" AS DOUBLE) AS v0 FROM flights WHERE month = 6) AS profiled'
 * ```
 */
export function valuesRelation(columns: readonly ProfileQueryColumn[], from: string, where?: string): string {
  const selected = columns.map((column, index) => `${column.expression} AS v${index}`).join(', ')
  return `(SELECT ${selected} FROM ${from}${where === undefined ? '' : ` WHERE ${where}`}) AS profiled`
}

/**
 * Pass 1, one scan for every column: rows; per numeric column missing (NULL or NaN), infinite, finite count, mean,
 * population variance, min, max, approximate distinct count and approximate quantiles at `cuts` fractions (the cut
 * points of pass 3); per categorical column missing and approximate distinct count. Output columns are named
 * `rows`, `v<i>_missing`, `v<i>_infinite`, `v<i>_count`, `v<i>_mean`, `v<i>_variance`, `v<i>_min`, `v<i>_max`,
 * `v<i>_distinct`, `v<i>_cuts`.
 *
 * @param columns - the profiled columns
 * @param relation - from {@link valuesRelation}
 * @param dialect - the engine's dialect
 * @param cuts - how many quantile bins (cut points = cuts - 1)
 * @returns the SQL
 * @example
 * ```ts
 * summaryQuery(columns, valuesRelation(columns, 'flights'), sqlDialect('duckdb'), 1000)
 * ```
 */
export function summaryQuery(columns: readonly ProfileQueryColumn[], relation: string, dialect: SqlDialect, cuts: number): string {
  const parts = ['COUNT(*) AS rows']
  columns.forEach((column, index) => {
    const v = `v${index}`
    if (column.kind === 'categorical') {
      parts.push(`SUM(CASE WHEN ${v} IS NULL THEN 1 ELSE 0 END) AS ${v}_missing`, `${dialect.approxDistinct(v)} AS ${v}_distinct`)
      return
    }
    const finite = `CASE WHEN ${v} IS NOT NULL AND NOT ${dialect.isNan(v)} AND NOT ${dialect.isInfinite(v)} THEN ${v} END`
    parts.push(
      `SUM(CASE WHEN ${v} IS NULL OR ${dialect.isNan(v)} THEN 1 ELSE 0 END) AS ${v}_missing`,
      `SUM(CASE WHEN ${v} IS NOT NULL AND ${dialect.isInfinite(v)} THEN 1 ELSE 0 END) AS ${v}_infinite`,
      `COUNT(${finite}) AS ${v}_count`,
      `AVG(${finite}) AS ${v}_mean`,
      `VAR_POP(${finite}) AS ${v}_variance`,
      `MIN(${finite}) AS ${v}_min`,
      `MAX(${finite}) AS ${v}_max`,
      `${dialect.approxDistinct(finite)} AS ${v}_distinct`,
      `${dialect.approxQuantiles(finite, cutFractions(cuts))} AS ${v}_cuts`,
    )
  })
  return `SELECT ${parts.join(',\n  ')}\nFROM ${relation}`
}

/**
 * Pass 2, one scan: exact value counts of the given columns (categorical ones, and numeric ones with few distinct
 * values) with GROUP BY GROUPING SETS — one grouping set per column. Output: `g<i>` (0 on the rows of column i's
 * set), `v<i>`, `n`.
 *
 * @param indices - positions of the counted columns in the column list
 * @param relation - from {@link valuesRelation}
 * @returns the SQL
 * @example
 * ```ts
 * countsQuery([1, 3], relation) // SELECT GROUPING(v1) AS g1, GROUPING(v3) AS g3, v1, v3, COUNT(*) AS n FROM ... GROUP BY GROUPING SETS ((v1), (v3))
 * ```
 */
export function countsQuery(indices: readonly number[], relation: string): string {
  const groupings = indices.map((index) => `GROUPING(v${index}) AS g${index}`).join(', ')
  const values = indices.map((index) => `v${index}`).join(', ')
  const sets = indices.map((index) => `(v${index})`).join(', ')
  return `SELECT ${groupings}, ${values}, COUNT(*) AS n\nFROM ${relation}\nGROUP BY GROUPING SETS (${sets})`
}

/**
 * Pass 3, one scan, only for numeric columns with too many distinct values to count one by one: the exact number of
 * finite values at or below each cut point, `SUM(CASE WHEN v <= cut THEN 1 ELSE 0 END)`. Output columns `c<i>_<j>`.
 *
 * @param cutsByColumn - column position to its finite minimum (from pass 1) and sorted, distinct cut points
 * @param relation - from {@link valuesRelation}
 * @param dialect - the engine's dialect
 * @returns the SQL
 * @example
 * ```ts
 * cutCountsQuery(new Map([[0, { min: 0, cuts: [10, 20] }]]), relation, sqlDialect('duckdb'))
 * // SELECT SUM(CASE WHEN v0 >= 0 AND v0 <= 10 THEN 1 ELSE 0 END) AS c0_0, ...
 * ```
 */
export function cutCountsQuery(
  cutsByColumn: ReadonlyMap<number, { readonly min: number; readonly cuts: readonly number[] }>,
  relation: string,
  dialect: SqlDialect,
): string {
  const parts: string[] = []
  const literal = (value: number): string => (/e/i.test(String(value)) ? dialect.toDouble(`'${String(value)}'`) : String(value))
  for (const [index, { min, cuts }] of cutsByColumn) {
    // Counting from the finite minimum up keeps -Infinity out; NaN and +Infinity never compare <= a finite cut.
    for (const [position, cut] of cuts.entries())
      parts.push(`SUM(CASE WHEN v${index} >= ${literal(min)} AND v${index} <= ${literal(cut)} THEN 1 ELSE 0 END) AS c${index}_${position}`)
  }
  return `SELECT ${parts.join(',\n  ')}\nFROM ${relation}`
}

/**
 * DuckDB's faster form of pass 3: `histogram(v, [cuts])` counts the finite values per bin (cut_(j-1), cut_j] in one
 * scan with a binary search per value (the portable {@link cutCountsQuery} compares every value with every cut).
 * Output columns `h<i>`: lists of `{ key: cut, value: count }`, the last key NULL for values above the last cut.
 *
 * @param cutsByColumn - column position to its finite minimum and maximum and sorted, distinct cut points
 * @param relation - from {@link valuesRelation}
 * @returns the SQL
 * @example
 * ```ts
 * duckDbHistogramQuery(new Map([[0, { min: 0, max: 99, cuts: [10, 20] }]]), relation) // SELECT histogram(CASE WHEN v0 >= 0 AND v0 <= 99 THEN v0 END, [10, 20]) AS h0 FROM ...
 * ```
 */
export function duckDbHistogramQuery(
  cutsByColumn: ReadonlyMap<number, { readonly min: number; readonly max: number; readonly cuts: readonly number[] }>,
  relation: string,
): string {
  const parts = [...cutsByColumn].map(
    ([index, { min, max, cuts }]) =>
      `histogram(CASE WHEN v${index} >= ${double(min)} AND v${index} <= ${double(max)} THEN v${index} END, [${cuts.map(double).join(', ')}]) AS h${index}`,
  )
  return `SELECT ${parts.join(',\n  ')}\nFROM ${relation}`
}

function double(value: number): string {
  return `CAST('${String(value)}' AS DOUBLE)`
}
