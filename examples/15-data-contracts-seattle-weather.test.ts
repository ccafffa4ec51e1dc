// Data contracts and data hygiene on real data with real defects.
//
// Seattle's daily weather (vega-datasets' seattle-weather.csv): a contract learned from 2012-2013 holds for 2014-2015
// as recorded (a few days a little warmer than any in 2012-2013 are what a new sample gives, and the exact exceedance
// test says so). Then the feed breaks as feeds do: temperatures arrive in °F (a real unit change), wind arrives with
// "n/a" for missing values, a column is renamed; each is one anomaly with a severity and a one-line fix. The weather
// label itself is a known defect of this file: "drizzle" is 31 days in 2012 and none in 2014, "fog" grows from 5 days
// to 52 — a change of recording, which label-shift hygiene catches. And a random split of a time series trains on the
// future, which the held-out check with a time column catches.
//
// The penguins (vega-datasets' penguins.json) carry their own defect: one bird's sex is recorded as ".".
import { describe, expect, test } from 'vitest'
import { checkContract, type DataRow, datasetFromRows, describeAnomaly, inferSchema, readCsv, readJson } from 'vitest-ml'
import { vegaDataPath } from './support/vega-data.js'

const weather = (await readCsv(vegaDataPath('seattle-weather.csv'))).rows()
const year = (row: DataRow): number => Number(String(row['date']).slice(0, 4))
const period = (name: string, keep: (row: DataRow) => boolean) => datasetFromRows(weather.filter(keep), { name })
const history = period('2012-2013', (row) => year(row) <= 2013)
const recent = period('2014-2015', (row) => year(row) >= 2014)
const { contract, notes } = inferSchema(history, { label: 'weather', summaries: true })

describe('seattle-weather: a data contract learned from 2012-2013', () => {
  test('the contract: kinds, ranges, allowed values, missing values, no notes to review', () => {
    expect(contract.columns['temp_max']).toMatchObject({ kind: 'numeric', min: -1.1, max: 34.4, missing: 0 })
    expect(contract.columns['weather']).toMatchObject({ kind: 'categorical', values: ['drizzle', 'fog', 'rain', 'snow', 'sun'] })
    expect(contract.columns['date']).toMatchObject({ kind: 'datetime', earliest: '2012-01-01T00:00:00.000Z', latest: '2013-12-31T00:00:00.000Z' })
    expect(notes).toEqual([])
  })

  test('2014-2015 as recorded matches it: days just past the old range are what sampling explains', () => {
    expect(recent).toMatchSchema(contract)
    // 2 days above the 2012-2013 maximum and 1 below its minimum: the exceedance test judges that ordinary.
    const result = checkContract(recent, contract)
    expect(result.anomalies).toEqual([])
  })

  test('the feed breaks: °F instead of °C, "n/a" for missing wind, a renamed column — each anomaly with its fix', () => {
    const broken = datasetFromRows(
      recent.rows().map((row, index) => {
        const { precipitation, ...rest } = row
        return {
          ...rest,
          precip_mm: precipitation,
          temp_max: Math.round(((row['temp_max'] as number) * 1.8 + 32) * 10) / 10,
          wind: index % 10 === 0 ? 'n/a' : row['wind'],
        }
      }),
      { name: 'feed' },
    )
    expect(broken).not.toMatchSchema(contract)
    const lines = checkContract(broken, contract).failing.map(describeAnomaly)
    expect(lines).toEqual([
      expect.stringMatching(
        /^\[high\] precipitation \(missing-column\): expected a numeric column "precipitation", the data has none .* Fix: restore "precipitation" upstream/,
      ),
      expect.stringMatching(
        /^\[high\] temp_max \(out-of-range\): 728 of 730 values .*looks like a unit change °C -> °F .* Fix: convert "temp_max" back \(°C -> °F\)/,
      ),
      expect.stringMatching(
        /^\[high\] wind \(mixed-types\): 73 of 730 values \(share 0\.1\) are text among numbers: "n\/a" x73\. Fix: declare these tokens missing/,
      ),
      expect.stringMatching(/^\[low\] precip_mm \(unexpected-column\): "precip_mm" is not in the contract\. Fix: /),
    ])
  })

  test('the weather label is recorded differently from year to year: label-shift hygiene catches it', () => {
    const y2012 = period('2012', (row) => year(row) === 2012)
    const y2014 = period('2014', (row) => year(row) === 2014)
    expect(y2014).not.toBeHygienic({ label: 'weather', reference: y2012 })
    expect(period('2013', (row) => year(row) === 2013)).toBeHygienic({ label: 'weather' })
  })

  test('a random split of a time series trains on the future; a split by date does not', () => {
    const shuffled = [...weather].sort((left, right) =>
      String(left['date']).split('').reverse().join('') < String(right['date']).split('').reverse().join('') ? -1 : 1,
    )
    const randomTrain = datasetFromRows(shuffled.slice(0, 1100), { name: 'random train' })
    const randomTest = datasetFromRows(shuffled.slice(1100), { name: 'random test' })
    expect(randomTest).not.toBeHeldOutFrom(randomTrain, { time: 'date', label: 'weather' })
    expect(recent).toBeHeldOutFrom(history, { time: 'date', label: 'weather' })
  })
})

describe('penguins: a real defect in the data', () => {
  test('a sex of "." is one of the values a contract learns; the hygiene check reports no repeats or conflicts', async () => {
    const penguins = await readJson(vegaDataPath('penguins.json'))
    const learned = inferSchema(penguins, { label: 'Species' }).contract
    expect(learned.columns['Sex']).toMatchObject({ values: ['.', 'FEMALE', 'MALE'], missing: 10 })
    // Declared as a sentinel, "." counts as missing, and the contract's allowed values are the two real ones.
    const declared = inferSchema(penguins, { label: 'Species', sentinels: { Sex: ['.'] } }).contract
    expect(declared.columns['Sex']).toMatchObject({ values: ['FEMALE', 'MALE'], missing: 11, sentinels: ['.'] })
    expect(penguins).toBeHygienic({ label: 'Species' })
  })
})
