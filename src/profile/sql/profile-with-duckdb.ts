import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api'
import { MISSING_CATEGORY } from '../../drift/feature-values.js'
import { VitestMlError } from '../../util/errors.js'
import { finishCategories } from '../category-summary.js'
import { type ColumnProfile, type DataProfile, DEFAULT_PROFILE_SETTINGS, PROFILE_FORMAT, type ProfileSettings } from '../data-profile.js'
import { NumericSummaryBuilder } from '../numeric-summary.js'
import { countsQuery, cutCountsQuery, duckDbHistogramQuery, type ProfileQueryColumn, summaryQuery, valuesRelation } from './profile-queries.js'
import { sqlDialect } from './sql-dialect.js'

/** Where the rows are: a file (Parquet, CSV or JSON by extension), a table, or a query. */
export type DuckDbSource = string | { readonly table: string } | { readonly sql: string }

/** Options of {@link profileWithDuckDb}. */
export interface DuckDbProfileOptions extends Partial<ProfileSettings> {
  /** Columns to profile: names, or `{ name, sql }` for a computed column (`{ name: 'hour', sql: 'hour(date)' }`). @defaultValue every column */
  readonly columns?: readonly (string | { readonly name: string; readonly sql: string })[]
  /** Columns to profile as categories even though they hold numbers. @defaultValue [] */
  readonly categorical?: readonly string[]
  /** A SQL condition selecting the rows (`"month(date) = 6"`). @defaultValue every row */
  readonly where?: string
  /** Profile name. @defaultValue the file or table name */
  readonly name?: string
  /** Quantile bins for columns with more than `exactLimit` distinct values (rank error about 1 / cuts). @defaultValue 1000 */
  readonly cuts?: number
  /** An open DuckDB connection to use (for attached databases and settings). @defaultValue a new in-memory instance */
  readonly connection?: DuckDBConnection
  /**
   * Count pass 3 with the portable `SUM(CASE WHEN v <= cut ...)` query a warehouse runs, instead of DuckDB's
   * `histogram(v, cuts)`: same profile, slower (it compares every value with every cut); there to test the warehouse
   * query on DuckDB. @defaultValue false
   */
  readonly portable?: boolean
}

type Row = Record<string, unknown>

/**
 * Builds a {@link DataProfile} inside DuckDB (`@duckdb/node-api`, embedded, out-of-core over Parquet and CSV files of any
 * size) instead of pulling rows into Node: pass 1 is one aggregate scan (counts, missing, moments, approximate
 * distinct counts and quantile cut points for every column), pass 2 one GROUP BY GROUPING SETS scan (exact counts of
 * every categorical column and every numeric column with at most `exactLimit` distinct values), and pass 3 — only for
 * numeric columns with more distinct values — one scan counting values at or below each cut point exactly. The profile
 * is the one `profile()` builds from the same rows: exact value counts where `profile()` keeps them (identical, moments
 * up to rounding), and for wide columns the bin counts, whose rank error (largest bin / n, about 1 / cuts) is stated.
 * The same queries run on a warehouse: see `profileQueries()` for Trino, Spark SQL and BigQuery.
 *
 * @param source - a file path (`.parquet`, `.csv`, `.tsv`, `.json`, `.jsonl`), `{ table }` or `{ sql }`
 * @param options - columns, categorical, where, name, cuts, sketch settings, connection
 * @returns the profile
 * @example
 * ```ts
 * const june = await profileWithDuckDb('flights-3m.parquet', { columns: ['delay', 'origin'], where: 'month(date) = 6', name: 'june' })
 * expect(june).not.toHaveDriftedFrom(january)
 * ```
 */
export async function profileWithDuckDb(source: DuckDbSource, options: DuckDbProfileOptions = {}): Promise<DataProfile> {
  const settings: ProfileSettings = { ...DEFAULT_PROFILE_SETTINGS, ...definedSettings(options) }
  const cuts = options.cuts ?? 1000
  if (!Number.isInteger(cuts) || cuts < 2)
    throw new VitestMlError('profileWithDuckDb', 'a whole `cuts` >= 2', String(cuts), 'For example `cuts: 1000` (rank error about 0.001).')
  // Loaded on first use, so importing vitest-ml never loads DuckDB's native library.
  const owned = options.connection === undefined ? await (await import('@duckdb/node-api')).DuckDBInstance.create(':memory:') : undefined
  const connection = options.connection ?? (await (owned as DuckDBInstance).connect())
  try {
    const from = relationOf(source)
    const columns = await describeColumns(connection, from, options)
    const dialect = sqlDialect('duckdb')
    const relation = valuesRelation(columns, from, options.where)
    // Pass 1 runs on one thread: DuckDB's approximate quantiles (t-digest) and float sums depend on how threads split
    // the rows, and the same data must give the same profile. Passes 2 and 3 count integers and use every thread.
    const threads = (await rows(connection, "SELECT current_setting('threads') AS threads"))[0]?.threads
    await connection.run('SET threads = 1')
    const [summary] = await rows(connection, summaryQuery(columns, relation, dialect, cuts)).finally(() =>
      connection.run(`SET threads = ${Number(threads) || 1}`),
    )
    if (summary === undefined) throw new VitestMlError('profileWithDuckDb', 'one summary row', 'none', 'Check the source and `where`.')
    const counted = columns
      .map((column, index) => index)
      .filter((index) => columns[index]?.kind === 'categorical' || Number(summary[`v${index}_distinct`] ?? 0) <= settings.exactLimit)
    const binned = columns.map((column, index) => index).filter((index) => !counted.includes(index) && Number(summary[`v${index}_count`] ?? 0) > 0)
    const counts = counted.length === 0 ? [] : await rows(connection, countsQuery(counted, relation))
    const cutPlan = new Map(
      binned.map((index) => [
        index,
        {
          min: Number(summary[`v${index}_min`]),
          max: Number(summary[`v${index}_max`]),
          cuts: cutPoints(summary[`v${index}_cuts`], Number(summary[`v${index}_max`])),
        },
      ]),
    )
    const cutCounts =
      cutPlan.size === 0
        ? undefined
        : options.portable === true
          ? (await rows(connection, cutCountsQuery(cutPlan, relation, dialect)))[0]
          : cumulativeFromHistograms((await rows(connection, duckDbHistogramQuery(cutPlan, relation)))[0], cutPlan)
    const profiled: Record<string, ColumnProfile> = {}
    columns.forEach((column, index) => {
      profiled[column.name] =
        column.kind === 'categorical'
          ? categoricalColumn(summary, counts, index, settings)
          : numericColumn(summary, counts, cutCounts, cutPlan.get(index)?.cuts, index, settings)
    })
    return {
      format: PROFILE_FORMAT,
      version: 1,
      name: options.name ?? nameOf(source),
      rows: Number(summary.rows),
      settings,
      columns: profiled,
      skipped: [],
      source: 'duckdb',
    }
  } catch (error) {
    if (error instanceof VitestMlError) throw error
    throw new VitestMlError(
      'profileWithDuckDb',
      'a source and columns DuckDB can read',
      (error as Error).message.split('\n')[0] ?? 'an error',
      'Check the path, the column names and the `where` condition (DuckDB SQL).',
      { cause: error },
    )
  } finally {
    if (owned !== undefined) {
      connection.closeSync()
      owned.closeSync()
    }
  }
}

function definedSettings(options: DuckDbProfileOptions): Partial<ProfileSettings> {
  return Object.fromEntries(
    (['k', 'exactLimit', 'maxCategories', 'seed'] as const).filter((key) => options[key] !== undefined).map((key) => [key, options[key]]),
  )
}

function relationOf(source: DuckDbSource): string {
  if (typeof source !== 'string') return 'table' in source ? source.table : `(${source.sql}) AS source`
  const path = `'${source.replaceAll("'", "''")}'`
  if (/\.parquet$/i.test(source)) return `read_parquet(${path})`
  if (/\.(csv|tsv)$/i.test(source)) return `read_csv_auto(${path})`
  if (/\.(json|jsonl|ndjson)$/i.test(source)) return `read_json_auto(${path})`
  throw new VitestMlError(
    'profileWithDuckDb',
    'a .parquet, .csv, .tsv, .json or .jsonl file, { table } or { sql }',
    JSON.stringify(source),
    'Pass `{ sql: "SELECT ..." }` for other sources.',
  )
}

function nameOf(source: DuckDbSource): string {
  if (typeof source === 'string') return source.split(/[\\/]/).pop() ?? source
  return 'table' in source ? source.table : 'query'
}

async function rows(connection: DuckDBConnection, sql: string): Promise<Row[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJS() as Row[]
}

async function describeColumns(connection: DuckDBConnection, from: string, options: DuckDbProfileOptions): Promise<ProfileQueryColumn[]> {
  const dialect = sqlDialect('duckdb')
  const requested = options.columns ?? (await rows(connection, `DESCRIBE SELECT * FROM ${from}`)).map((row) => String(row.column_name))
  const specs = requested.map((column) => (typeof column === 'string' ? { name: column, sql: dialect.quote(column) } : column))
  const described = await rows(connection, `DESCRIBE SELECT ${specs.map((spec, index) => `${spec.sql} AS v${index}`).join(', ')} FROM ${from}`)
  return specs.map((spec, index) => {
    const type = String(described[index]?.column_type ?? 'VARCHAR')
    const forced = options.categorical?.includes(spec.name) === true
    if (!forced && /^(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|FLOAT|DOUBLE|DECIMAL.*)$/.test(type))
      return { name: spec.name, kind: 'numeric' as const, expression: dialect.toDouble(spec.sql) }
    if (!forced && /^(DATE|TIMESTAMP.*)$/.test(type)) return { name: spec.name, kind: 'numeric' as const, expression: dialect.epochMillis(spec.sql) }
    return { name: spec.name, kind: 'categorical' as const, expression: dialect.toText(spec.sql) }
  })
}

/** Turns DuckDB histogram bins into the cumulative counts at each cut that the portable query returns (`c<i>_<j>`). */
function cumulativeFromHistograms(row: Row | undefined, plan: ReadonlyMap<number, { readonly cuts: readonly number[] }>): Row {
  const out: Row = {}
  for (const [index, { cuts }] of plan) {
    const bins = new Map(
      ((row?.[`h${index}`] as { key: unknown; value: unknown }[] | undefined) ?? []).map((entry) => [
        entry.key === null ? null : Number(entry.key),
        Number(entry.value),
      ]),
    )
    let total = 0
    cuts.forEach((cut, position) => {
      total += bins.get(cut) ?? 0
      out[`c${index}_${position}`] = total
    })
  }
  return out
}

function cutPoints(raw: unknown, max: number): number[] {
  const values = Array.isArray(raw) ? raw.map(Number).filter((value) => Number.isFinite(value) && value < max) : []
  return [...new Set(values)].sort((left, right) => left - right)
}

function groupRows(counts: readonly Row[], index: number): Row[] {
  return counts.filter((row) => Number(row[`g${index}`]) === 0)
}

function categoricalColumn(summary: Row, counts: readonly Row[], index: number, settings: ProfileSettings): ColumnProfile {
  const map = new Map<string, number>()
  for (const row of groupRows(counts, index)) {
    const value = row[`v${index}`]
    map.set(value === null || value === undefined ? MISSING_CATEGORY : String(value), Number(row.n))
  }
  return {
    kind: 'categorical',
    rows: Number(summary.rows),
    missing: Number(summary[`v${index}_missing`] ?? 0),
    categories: finishCategories(map, 0, settings.maxCategories),
  }
}

function numericColumn(
  summary: Row,
  counts: readonly Row[],
  cutCounts: Row | undefined,
  cuts: readonly number[] | undefined,
  index: number,
  settings: ProfileSettings,
): ColumnProfile {
  const count = Number(summary[`v${index}_count`] ?? 0)
  const builder = new NumericSummaryBuilder(settings)
  if (cuts === undefined) {
    for (const row of groupRows(counts, index)) {
      const value = row[`v${index}`]
      if (typeof value === 'number' && Number.isFinite(value)) builder.addCount(value, Number(row.n))
    }
  } else {
    // Bin j holds the values in (cut_(j-1), cut_j], stored at cut_j; the last bin (last cut, max] at the maximum.
    const edges = [...cuts, Number(summary[`v${index}_max`])]
    const cumulative = [...cuts.map((_, position) => Number(cutCounts?.[`c${index}_${position}`] ?? 0)), count]
    const bins = cumulative.map((value, position) => value - (position === 0 ? 0 : (cumulative[position - 1] as number)))
    const largest = Math.max(...bins)
    bins.forEach((weight, position) => {
      if (weight > 0) builder.addCount(edges[position] as number, weight, position === 0 ? largest : 0)
    })
  }
  const mean = count === 0 ? Number.NaN : Number(summary[`v${index}_mean`])
  return {
    kind: 'numeric',
    rows: Number(summary.rows),
    missing: Number(summary[`v${index}_missing`] ?? 0),
    nonFinite: Number(summary[`v${index}_infinite`] ?? 0),
    moments: {
      count,
      mean,
      m2: count === 0 ? 0 : Number(summary[`v${index}_variance`] ?? 0) * count,
      min: count === 0 ? Number.POSITIVE_INFINITY : Number(summary[`v${index}_min`]),
      max: count === 0 ? Number.NEGATIVE_INFINITY : Number(summary[`v${index}_max`]),
    },
    summary: builder.finish(),
  }
}
