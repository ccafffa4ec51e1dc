// Anti-pattern 3 (ignoring data drift) on real data: 3 million US domestic flights, January to June 2001
// (vega-datasets' flights-3m.parquet, read with readParquet). Columns: date (a Parquet TIMESTAMP in microseconds, local
// time, not UTC-adjusted; read as epoch milliseconds, so the month is getUTCMonth() + 1), delay (minutes), distance
// (miles), origin and destination (airport codes).
//
// What the data says, measured here rather than assumed:
// - two random halves of January do not drift: every distance is far below its threshold;
// - January vs June: departure delays got worse (mean 6.3 -> 9.0 minutes, 90th percentile 34 -> 40), and with half a
//   million rows each the KS test calls that hugely significant (p ~ 1e-141), but the shift is only 0.087 reference
//   standard deviations: under the 0.1 default of Evidently's normed Wasserstein distance. At the defaults the months
//   do not drift; with a stricter 0.05 threshold, or with KS, June's delays drift. That gap — "significant but tiny" —
//   is why every result carries an effect size next to its p-value.
import seedrandom from 'seedrandom'
import { beforeAll, describe, expect, test } from 'vitest'
import { type Dataset, datasetDrift, datasetFromColumns, describeDrift, readParquet } from 'vitest-ml'

const FLIGHTS = 'node_modules/vega-datasets/data/flights-3m.parquet'
const FEATURES = ['delay', 'distance', 'origin', 'destination'] as const

let flights: Dataset
let january: number[]
let june: number[]

/** The rows at `indices`, as a dataset of the compared features plus the departure hour. */
function subset(indices: readonly number[], name: string): Dataset {
  const date = flights.column('date') as Float64Array
  const columns: Record<string, ArrayLike<unknown>> = { hour: Float64Array.from(indices, (index) => new Date(date[index] ?? 0).getUTCHours()) }
  for (const feature of FEATURES) {
    const column = flights.column(feature)
    columns[feature] =
      column instanceof Float64Array ? Float64Array.from(indices, (index) => column[index] ?? Number.NaN) : indices.map((index) => column[index] ?? null)
  }
  return datasetFromColumns(columns, { name })
}

beforeAll(async () => {
  flights = await readParquet(FLIGHTS, { columns: ['date', ...FEATURES] })
  const date = flights.column('date') as Float64Array
  january = []
  june = []
  for (let index = 0; index < flights.rowCount; index++) {
    const month = new Date(date[index] ?? 0).getUTCMonth() + 1
    if (month === 1) january.push(index)
    else if (month === 6) june.push(index)
  }
})

describe('flights-3m: drift between months', () => {
  test('the file holds January to June 2001 (plus 6 flights just past midnight into July)', () => {
    expect(flights.rowCount).toBe(3_000_000)
    expect(january).toHaveLength(508_239)
    expect(june).toHaveLength(502_222)
  })

  test('two random halves of January (seeded split) do not drift', async () => {
    const random = seedrandom('flights-january-split')
    const shuffled = [...january]
    for (let index = shuffled.length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1))
      ;[shuffled[index], shuffled[other]] = [shuffled[other] ?? 0, shuffled[index] ?? 0]
    }
    const half = shuffled.length >> 1
    const first = subset(shuffled.slice(0, half), 'january-a')
    const second = subset(shuffled.slice(half), 'january-b')
    await expect(second).not.toHaveDriftedFrom(first)
    const result = datasetDrift(first, second)
    // Random halves: the numeric distances are two orders of magnitude under 0.1; the airports' Jensen-Shannon distances
    // are about 0.016, the sampling floor of a distance over some 230 categories, many of them rare.
    const distance = (feature: string) => result.features.find((entry) => entry.feature === feature)?.statistic ?? Number.NaN
    for (const feature of ['delay', 'distance', 'hour']) expect(distance(feature)).toBeLessThan(0.005)
    for (const feature of ['origin', 'destination']) expect(distance(feature)).toBeLessThan(0.02)
  })

  test('January vs June at the Evidently defaults: delays moved 0.087 sd, under the 0.1 threshold — no drift', async () => {
    const reference = subset(january, 'january')
    const current = subset(june, 'june')
    await expect(current).not.toHaveDriftedFrom(reference)
    const result = datasetDrift(reference, current)
    console.log(`January vs June 2001, Evidently defaults:\n${describeDrift(result.features, result.warnings).join('\n')}`)
    expect(result.features[0]).toMatchObject({ feature: 'delay', method: 'wasserstein', drifted: false })
    expect(result.features[0]?.statistic).toBeCloseTo(0.0875, 3)
  })

  test('January vs June: June delays drift at a 0.05 sd threshold, and by KS — significant (p ~ 1e-141) but tiny', async () => {
    const reference = subset(january, 'january')
    const current = subset(june, 'june')
    await expect(current).toHaveDriftedFrom(reference, { features: ['delay'], thresholds: { wasserstein: 0.05 } })
    const ks = datasetDrift(reference, current, { features: ['delay'], methods: { delay: 'ks' } }).features[0]
    expect(ks?.pValue).toBeLessThan(1e-100)
    expect(ks?.warnings[0]).toMatch(/^delay: significant \(p 1\.\d\de-141\) but tiny \(normed-wasserstein 0\.08\d+ < 0\.1\)/)
    // Asking for a minimum effect as well as significance keeps the tiny shift from raising an alarm.
    await expect(current).not.toHaveDriftedFrom(reference, { features: ['delay'], methods: { delay: 'ks' }, minEffect: 0.1 })
  })
})
