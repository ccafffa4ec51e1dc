/** SQL engines whose profile queries vitest-ml can write. */
export type SqlDialectName = 'duckdb' | 'trino' | 'spark' | 'bigquery'

/** The few places where the profile queries differ between engines. */
export interface SqlDialect {
  readonly name: SqlDialectName
  /** Quotes an identifier. */
  quote(identifier: string): string
  /** True when a DOUBLE expression is NaN. */
  isNan(expression: string): string
  /** True when a DOUBLE expression is +-Infinity. */
  isInfinite(expression: string): string
  /** An approximate distinct count. */
  approxDistinct(expression: string): string
  /** Approximate quantiles at `fractions`, as one array-valued expression. */
  approxQuantiles(expression: string, fractions: readonly number[]): string
  /** A timestamp or date as epoch milliseconds (DOUBLE). */
  epochMillis(expression: string): string
  /** A cast to DOUBLE. */
  toDouble(expression: string): string
  /** A cast to text. */
  toText(expression: string): string
}

const backtick = (identifier: string): string => `\`${identifier.replaceAll('`', '``')}\``
const doubleQuote = (identifier: string): string => `"${identifier.replaceAll('"', '""')}"`
const list = (fractions: readonly number[]): string => fractions.map((fraction) => String(fraction)).join(', ')

/**
 * The profile query's dialects. The queries are plain aggregates (COUNT, SUM(CASE ...), AVG, VAR_POP, MIN, MAX) and
 * one GROUP BY GROUPING SETS, which every engine here runs; the table names the functions that differ:
 *
 * | piece | DuckDB | Trino | Spark SQL | BigQuery |
 * | --- | --- | --- | --- | --- |
 * | NaN / infinity | `isnan`, `isinf` | `is_nan`, `is_infinite` | `isnan`, `abs(x) = double('inf')` | `IS_NAN`, `IS_INF` |
 * | approx. distinct | `approx_count_distinct` | `approx_distinct` | `approx_count_distinct` | `APPROX_COUNT_DISTINCT` |
 * | approx. quantiles | `approx_quantile(x, [..])` | `approx_percentile(x, ARRAY[..])` | `percentile_approx(x, array(..))` | `APPROX_QUANTILES(x, 1000)` |
 * | epoch ms | `epoch_ms(t)` | `to_unixtime(t) * 1000` | `unix_millis(t)` | `UNIX_MILLIS(t)` |
 *
 * The approximate quantiles only choose cut points: the counts at the cut points are exact, so the rank error of the
 * profile is known exactly whichever engine chose them.
 *
 * @param name - the engine
 * @returns the dialect
 * @example
 * ```ts
 * sqlDialect('trino').approxDistinct('"origin"') // 'approx_distinct("origin")'
 * ```
 */
export function sqlDialect(name: SqlDialectName): SqlDialect {
  switch (name) {
    case 'duckdb':
      return {
        name,
        quote: doubleQuote,
        isNan: (e) => `isnan(${e})`,
        isInfinite: (e) => `isinf(${e})`,
        approxDistinct: (e) => `approx_count_distinct(${e})`,
        approxQuantiles: (e, q) => `approx_quantile(${e}, [${list(q)}])`,
        epochMillis: (e) => `CAST(epoch_ms(${e}) AS DOUBLE)`,
        toDouble: (e) => `CAST(${e} AS DOUBLE)`,
        toText: (e) => `CAST(${e} AS VARCHAR)`,
      }
    case 'trino':
      return {
        name,
        quote: doubleQuote,
        isNan: (e) => `is_nan(${e})`,
        isInfinite: (e) => `is_infinite(${e})`,
        approxDistinct: (e) => `approx_distinct(${e})`,
        approxQuantiles: (e, q) => `approx_percentile(${e}, ARRAY[${list(q)}])`,
        epochMillis: (e) => `CAST(to_unixtime(${e}) * 1000 AS DOUBLE)`,
        toDouble: (e) => `CAST(${e} AS DOUBLE)`,
        toText: (e) => `CAST(${e} AS VARCHAR)`,
      }
    case 'spark':
      return {
        name,
        quote: backtick,
        isNan: (e) => `isnan(${e})`,
        isInfinite: (e) => `abs(${e}) = double('inf')`,
        approxDistinct: (e) => `approx_count_distinct(${e})`,
        approxQuantiles: (e, q) => `percentile_approx(${e}, array(${list(q)}), 10000)`,
        epochMillis: (e) => `CAST(unix_millis(${e}) AS DOUBLE)`,
        toDouble: (e) => `CAST(${e} AS DOUBLE)`,
        toText: (e) => `CAST(${e} AS STRING)`,
      }
    case 'bigquery':
      return {
        name,
        quote: backtick,
        isNan: (e) => `IS_NAN(${e})`,
        isInfinite: (e) => `IS_INF(${e})`,
        approxDistinct: (e) => `APPROX_COUNT_DISTINCT(${e})`,
        // APPROX_QUANTILES returns n + 1 boundaries (min, the n - 1 inner cut points, max); the caller keeps the inner ones.
        approxQuantiles: (e, q) => `APPROX_QUANTILES(${e}, ${q.length + 1})`,
        epochMillis: (e) => `CAST(UNIX_MILLIS(CAST(${e} AS TIMESTAMP)) AS FLOAT64)`,
        toDouble: (e) => `CAST(${e} AS FLOAT64)`,
        toText: (e) => `CAST(${e} AS STRING)`,
      }
  }
}
