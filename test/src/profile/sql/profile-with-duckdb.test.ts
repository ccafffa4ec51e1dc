import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { streamCsv } from '../../../../src/data/stream-csv.js'
import { streamParquet } from '../../../../src/data/stream-parquet.js'
import type { DataProfile, NumericColumnProfile } from '../../../../src/profile/data-profile.js'
import { profileDrift } from '../../../../src/profile/profile-drift.js'
import { profileStream } from '../../../../src/profile/profile-stream.js'
import { profileQueries } from '../../../../src/profile/sql/profile-query-text.js'
import { profileWithDuckDb } from '../../../../src/profile/sql/profile-with-duckdb.js'

const FLIGHTS = 'node_modules/vega-datasets/data/flights-3m.parquet'
let dir: string
let parquet: string
let csv: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vitest-ml-duckdb-'))
  parquet = join(dir, 'flights-100k.parquet')
  csv = join(dir, 'flights-100k.csv')
  const connection = await (await DuckDBInstance.create(':memory:')).connect()
  const rows = `SELECT date, delay, distance, origin, destination FROM read_parquet('${FLIGHTS}') LIMIT 100000`
  await connection.run(`COPY (${rows}) TO '${parquet}' (FORMAT PARQUET, ROW_GROUP_SIZE 16384)`)
  await connection.run(`COPY (SELECT delay, distance, origin FROM (${rows})) TO '${csv}' (HEADER)`)
  connection.closeSync()
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

const numeric = (profile: DataProfile, name: string): NumericColumnProfile => profile.columns[name] as NumericColumnProfile

describe('profileWithDuckDb', () => {
  it('builds, inside DuckDB, the profile the streaming reader builds in Node (exact columns identical)', async () => {
    const duck = await profileWithDuckDb(parquet, { name: 'flights' })
    const node = await profileStream(streamParquet(parquet), { name: 'flights' })
    expect(duck.rows).toBe(100_000)
    expect(duck.source).toBe('duckdb')
    for (const name of ['delay', 'distance']) {
      expect(numeric(duck, name).summary).toEqual(numeric(node, name).summary)
      expect(numeric(duck, name).summary.exact).toBeDefined()
      const { moments } = numeric(duck, name)
      expect(moments.count).toBe(numeric(node, name).moments.count)
      expect(moments.mean).toBeCloseTo(numeric(node, name).moments.mean, 9)
      expect(moments.m2 / numeric(node, name).moments.m2).toBeCloseTo(1, 9)
    }
    expect(duck.columns.origin).toEqual(node.columns.origin)
    expect(duck.columns.destination).toEqual(node.columns.destination)
    // The timestamp has more distinct values than exactLimit: DuckDB counts it in 1000 quantile bins, Node sketches it
    // with KLL. Both summarise the same rows, so the KS distance between them must be within the two stated errors.
    const date = numeric(duck, 'date')
    expect(date.summary.binnedRankError / date.moments.count).toBeLessThan(0.01)
    const same = profileDrift(node, duck, { features: ['date'], methods: { date: 'ks' } }).features[0]
    expect(same?.statistic).toBeLessThanOrEqual(same?.statisticError ?? 0)
    expect(same?.statisticError).toBeLessThan(0.01)
  })

  it('gives the same profile from the portable warehouse queries (SUM(CASE ...) cut counts) as from histogram()', async () => {
    const native = await profileWithDuckDb(parquet, { columns: ['date', 'delay'], cuts: 200 })
    const portable = await profileWithDuckDb(parquet, { columns: ['date', 'delay'], cuts: 200, portable: true })
    expect(portable).toEqual(native)
  })

  it('profiles CSV, computed columns and a filtered subset', async () => {
    const duck = await profileWithDuckDb(csv, { columns: ['delay', 'origin', { name: 'long', sql: 'distance > 1000' }], where: 'delay > 0' })
    const node = await profileStream(streamCsv(csv, { batchRows: 7000 }))
    const positive = node.columns.delay as NumericColumnProfile
    const counted = (duck.columns.delay as NumericColumnProfile).summary.exact
    expect(counted?.values[0]).toBe(1)
    const expected = positive.summary.exact?.counts.filter((_, index) => (positive.summary.exact?.values[index] ?? 0) > 0)
    expect(counted?.counts).toEqual(expected)
    expect(duck.columns.long).toMatchObject({ kind: 'categorical', categories: { countError: 0 } })
    expect((duck.columns.long as { categories: { counts: [string, number][] } }).categories.counts.map(([label]) => label).sort()).toEqual(['false', 'true'])
  })

  it('says what went wrong: a missing file, an unknown column, a bad condition', async () => {
    await expect(profileWithDuckDb(join(dir, 'none.parquet'))).rejects.toThrow(
      /^profileWithDuckDb: expected a source and columns DuckDB can read, received .*none\.parquet.*\nHint:/s,
    )
    await expect(profileWithDuckDb(parquet, { columns: ['nope'] })).rejects.toThrow(
      /profileWithDuckDb: expected a source and columns DuckDB can read, received .*nope/,
    )
    await expect(profileWithDuckDb(parquet, { where: 'delay >' })).rejects.toThrow(/Hint: Check the path, the column names and the `where` condition/)
    await expect(profileWithDuckDb('data.xlsx')).rejects.toThrow(
      /a \.parquet, \.csv, \.tsv, \.json or \.jsonl file, \{ table \} or \{ sql \}, received "data\.xlsx"/,
    )
  })
})

describe('profileQueries', () => {
  const columns = [
    { name: 'latency_ms', kind: 'numeric' as const },
    { name: 'country', kind: 'categorical' as const },
    { name: 'ts', kind: 'temporal' as const },
  ]

  it('writes the passes in each warehouse dialect', () => {
    const trino = profileQueries({ dialect: 'trino', from: 'hive.web.events', where: "day = DATE '2026-06-01'", columns, cuts: 4 })
    expect(trino.summary).toContain('is_nan(v0)')
    expect(trino.summary).toContain(
      'approx_percentile(CASE WHEN v0 IS NOT NULL AND NOT is_nan(v0) AND NOT is_infinite(v0) THEN v0 END, ARRAY[0.25, 0.5, 0.75]) AS v0_cuts',
    )
    expect(trino.summary).toContain('CAST(to_unixtime("ts") * 1000 AS DOUBLE) AS v2')
    expect(trino.summary).toContain("FROM hive.web.events WHERE day = DATE '2026-06-01') AS profiled")
    const spark = profileQueries({ dialect: 'spark', from: 'events', columns, cuts: 4 })
    expect(spark.summary).toContain('percentile_approx(')
    expect(spark.summary).toContain('CAST(`country` AS STRING) AS v1')
    const bigquery = profileQueries({ dialect: 'bigquery', from: '`project.web.events`', columns, cuts: 4 })
    expect(bigquery.summary).toContain('APPROX_QUANTILES(CASE WHEN v0 IS NOT NULL AND NOT IS_NAN(v0) AND NOT IS_INF(v0) THEN v0 END, 4) AS v0_cuts')
    expect(bigquery.counts([1])).toBe(
      'SELECT GROUPING(v1) AS g1, v1, COUNT(*) AS n\nFROM (SELECT CAST(`latency_ms` AS FLOAT64) AS v0, CAST(`country` AS STRING) AS v1, CAST(UNIX_MILLIS(CAST(`ts` AS TIMESTAMP)) AS FLOAT64) AS v2 FROM `project.web.events`) AS profiled\nGROUP BY GROUPING SETS ((v1))',
    )
    expect(bigquery.cutCounts(new Map([[0, { min: 0, cuts: [10, 1e21] }]]))).toContain(
      "SUM(CASE WHEN v0 >= 0 AND v0 <= CAST('1e+21' AS FLOAT64) THEN 1 ELSE 0 END) AS c0_1",
    )
    expect(() => profileQueries({ dialect: 'trino', from: 't', columns: [] })).toThrow(/at least one column/)
  })

  it('runs unchanged on DuckDB in its dialect (the text profileWithDuckDb executes)', async () => {
    const sql = profileQueries({
      dialect: 'duckdb',
      from: `read_parquet('${parquet}')`,
      columns: [
        { name: 'delay', kind: 'numeric' },
        { name: 'origin', kind: 'categorical' },
      ],
      cuts: 10,
    })
    const connection = await (await DuckDBInstance.create(':memory:')).connect()
    const [summary] = (await connection.runAndReadAll(sql.summary)).getRowObjectsJS()
    expect(Number(summary?.rows)).toBe(100_000)
    expect((summary!.v0_cuts as number[]).length).toBe(9)
    const counts = (await connection.runAndReadAll(sql.counts([0, 1]))).getRowObjectsJS()
    expect(counts.filter((row) => Number(row.g1) === 0).reduce((sum, row) => sum + Number(row.n), 0)).toBe(100_000)
    connection.closeSync()
  })
})
