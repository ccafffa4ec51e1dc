import { VitestMlError } from '../../util/errors.js'
import { countsQuery, cutCountsQuery, type ProfileQueryColumn, summaryQuery, valuesRelation } from './profile-queries.js'
import { type SqlDialectName, sqlDialect } from './sql-dialect.js'

/** Options of {@link profileQueries}. */
export interface ProfileQueriesOptions {
  /** The engine. */
  readonly dialect: SqlDialectName
  /** The table (or table function, or parenthesised subquery) to profile. */
  readonly from: string
  /** The columns and how to profile them; `sql` defaults to the quoted name, `temporal` columns become epoch milliseconds. */
  readonly columns: readonly { readonly name: string; readonly kind: 'numeric' | 'categorical' | 'temporal'; readonly sql?: string }[]
  /** A SQL condition selecting the rows. @defaultValue every row */
  readonly where?: string
  /** Quantile bins for wide numeric columns. @defaultValue 1000 */
  readonly cuts?: number
}

/** The profile queries for one engine. */
export interface ProfileQueryText {
  /** Pass 1: counts, missing, moments, approximate distinct counts and cut points of every column. */
  readonly summary: string
  /** Pass 2 for the columns counted one value at a time (positions in `columns`). */
  counts(columns: readonly number[]): string
  /** Pass 3 for wide numeric columns: exact counts at or below each cut point (positions, minimum from pass 1, cuts). */
  cutCounts(cuts: ReadonlyMap<number, { readonly min: number; readonly cuts: readonly number[] }>): string
}

/**
 * The SQL that builds a profile where the data lives, for DuckDB, Trino, Spark SQL or BigQuery: run `summary`, then
 * `counts` for the categorical columns and the numeric ones whose approximate distinct count is at most the profile's
 * `exactLimit`, then `cutCounts` for the remaining numeric columns with the cut points pass 1 returned; assemble the
 * answers as `profileWithDuckDb` does (it runs exactly these queries, in DuckDB's dialect, with `portable: true`).
 *
 * @param options - dialect, from, columns, where, cuts
 * @returns the three passes
 * @example
 * ```ts
 * const sql = profileQueries({ dialect: 'trino', from: 'hive.web.events', where: "day = DATE '2026-06-01'", columns: [{ name: 'latency_ms', kind: 'numeric' }, { name: 'country', kind: 'categorical' }] })
 * sql.summary // 'SELECT COUNT(*) AS rows, SUM(CASE WHEN v0 IS NULL OR is_nan(v0) ...'
 * ```
 */
export function profileQueries(options: ProfileQueriesOptions): ProfileQueryText {
  const dialect = sqlDialect(options.dialect)
  if (options.columns.length === 0) throw new VitestMlError('profileQueries', 'at least one column', 'none', 'List the columns to profile with their kinds.')
  const columns: ProfileQueryColumn[] = options.columns.map((column) => {
    const sql = column.sql ?? dialect.quote(column.name)
    if (column.kind === 'categorical') return { name: column.name, kind: 'categorical', expression: dialect.toText(sql) }
    return { name: column.name, kind: 'numeric', expression: column.kind === 'temporal' ? dialect.epochMillis(sql) : dialect.toDouble(sql) }
  })
  const relation = valuesRelation(columns, options.from, options.where)
  return {
    summary: summaryQuery(columns, relation, dialect, options.cuts ?? 1000),
    counts: (indices) => countsQuery(indices, relation),
    cutCounts: (cuts) => cutCountsQuery(cuts, relation, dialect),
  }
}
