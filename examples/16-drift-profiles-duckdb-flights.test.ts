// Drift at warehouse scale on real data: January vs June 2001 of vega-datasets' flights-3m.parquet, compared from
// profiles that DuckDB builds inside the file (profileWithDuckDb: out of core, no rows pulled into Node), with the
// verdicts of example 04, which compares the rows themselves, as the yardstick.
//
// What the data says, measured here rather than assumed:
// - the profiles are exact for every compared column (delay, distance and the hour have at most a few thousand
//   distinct values, so DuckDB counts them one by one; the airports are category counts): every statistic carries an
//   approximation error of 0 and equals the exact statistic, so every verdict is example 04's;
// - at the Evidently defaults June does not drift (delays moved 0.0875 reference standard deviations, under 0.1);
//   at a 0.05 threshold, or with KS (p ~ 1e-141, "significant but tiny"), June's delays drift;
// - a month profiled week by week and merged is the profile of the whole month (shards merge exactly).
import { beforeAll, describe, expect, test } from 'vitest'
import {
  type DataProfile,
  type Dataset,
  datasetDrift,
  datasetFromColumns,
  describeProfileDrift,
  mergeProfiles,
  parseProfile,
  profileDrift,
  profileWithDuckDb,
  readParquet,
} from 'vitest-ml'

const FLIGHTS = 'node_modules/vega-datasets/data/flights-3m.parquet'
const FEATURES = ['delay', 'distance', 'origin', 'destination'] as const
// The file's timestamps are local times without a zone (DuckDB: TIMESTAMP), so month() and hour() read them as written.
const COLUMNS = [...FEATURES, { name: 'hour', sql: 'hour(date)' }]

let january: DataProfile
let june: DataProfile
let exactJanuary: Dataset
let exactJune: Dataset

beforeAll(async () => {
  // Profiles travel as JSON (a CI job can fetch them from where a warehouse job wrote them): round-trip them here.
  january = parseProfile(JSON.stringify(await profileWithDuckDb(FLIGHTS, { columns: COLUMNS, where: 'month(date) = 1', name: 'january' })))
  june = parseProfile(JSON.stringify(await profileWithDuckDb(FLIGHTS, { columns: COLUMNS, where: 'month(date) = 6', name: 'june' })))
  // The rows themselves, as example 04 reads them, for the exact verdicts.
  const flights = await readParquet(FLIGHTS, { columns: ['date', ...FEATURES] })
  const date = flights.column('date') as Float64Array
  const rowsOf = (month: number): Dataset => {
    const rows: number[] = []
    for (let index = 0; index < flights.rowCount; index++) if (new Date(date[index] ?? 0).getUTCMonth() + 1 === month) rows.push(index)
    const columns: Record<string, ArrayLike<unknown>> = { hour: Float64Array.from(rows, (row) => new Date(date[row] ?? 0).getUTCHours()) }
    for (const feature of FEATURES) {
      const column = flights.column(feature)
      columns[feature] = column instanceof Float64Array ? Float64Array.from(rows, (row) => column[row] ?? Number.NaN) : rows.map((row) => column[row] ?? null)
    }
    return datasetFromColumns(columns, { name: month === 1 ? 'january' : 'june' })
  }
  exactJanuary = rowsOf(1)
  exactJune = rowsOf(6)
})

describe('flights-3m: drift from DuckDB profiles', () => {
  test('the profiles count the same months as example 04, in a few kilobytes each', () => {
    expect(january.rows).toBe(508_239)
    expect(june.rows).toBe(502_222)
    expect(JSON.stringify(june).length).toBeLessThan(100_000)
  })

  test('at the Evidently defaults June does not drift — the same verdict and statistics as the rows give', () => {
    expect(june).not.toHaveDriftedFrom(january)
    const fromProfiles = profileDrift(january, june)
    console.log(`January vs June 2001 from DuckDB profiles:\n${describeProfileDrift(fromProfiles.features, fromProfiles.warnings).join('\n')}`)
    const exact = datasetDrift(exactJanuary, exactJune)
    for (const feature of exact.features) {
      const profiled = fromProfiles.features.find((entry) => entry.feature === feature.feature)
      expect(profiled).toMatchObject({ method: feature.method, drifted: feature.drifted, statisticError: 0 })
      expect(profiled?.statistic).toBeCloseTo(feature.statistic, 9)
    }
    expect(fromProfiles.features[0]).toMatchObject({ feature: 'delay', method: 'wasserstein', drifted: false })
    expect(fromProfiles.features[0]?.statistic).toBeCloseTo(0.0875, 3)
  })

  test('June delays drift at a 0.05 sd threshold, and by KS — significant (p ~ 1e-141) but tiny', () => {
    expect(june).toHaveDriftedFrom(january, { features: ['delay'], thresholds: { wasserstein: 0.05 } })
    const ks = profileDrift(january, june, { features: ['delay'], methods: { delay: 'ks' } }).features[0]
    const exactKs = datasetDrift(exactJanuary, exactJune, { features: ['delay'], methods: { delay: 'ks' } }).features[0]
    expect(ks?.statistic).toBeCloseTo(exactKs?.statistic ?? Number.NaN, 12)
    expect(ks?.pValue).toBeLessThan(1e-100)
    expect(ks?.warnings[0]).toMatch(/^delay: significant \(p 1\.\d\de-141\) but tiny \(normed-wasserstein 0\.08\d+ < 0\.1\)/)
    expect(june).not.toHaveDriftedFrom(january, { features: ['delay'], methods: { delay: 'ks' }, minEffect: 0.1 })
  })

  test('January profiled week by week (shards) and merged is the profile of January', async () => {
    const weeks = await Promise.all(
      [
        [1, 8],
        [8, 15],
        [15, 22],
        [22, 32],
      ].map(([from, to]) =>
        profileWithDuckDb(FLIGHTS, { columns: COLUMNS, where: `month(date) = 1 AND day(date) >= ${from} AND day(date) < ${to}`, name: 'january' }),
      ),
    )
    const merged = mergeProfiles(...weeks)
    expect(merged.rows).toBe(january.rows)
    for (const name of ['origin', 'destination']) expect(merged.columns[name]).toEqual(january.columns[name])
    for (const name of ['delay', 'distance', 'hour'])
      expect((merged.columns[name] as { summary: unknown }).summary).toEqual((january.columns[name] as { summary: unknown }).summary)
    expect(profileDrift(merged, june).features.map((feature) => [feature.feature, feature.drifted])).toEqual(
      profileDrift(january, june).features.map((feature) => [feature.feature, feature.drifted]),
    )
  })
})
