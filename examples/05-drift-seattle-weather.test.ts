// Data drift on four years of Seattle daily weather (vega-datasets' seattle-weather.csv, read with readCsv): date,
// precipitation (mm), temp_max and temp_min (°C), wind (m/s) and a weather label (sun, rain, drizzle, fog, snow).
// With about 90 days per season and 365 per year, every comparison here uses the small-sample methods: KS for the
// numbers, chi-square for the label.
//
// What the data says, measured here rather than assumed:
// - winter vs summer: every feature drifts (temperatures by more than 3 standard deviations);
// - neighbouring years mostly do not — 2013 -> 2014 and 2014 -> 2015 stay under the 0.5 drift share — but 2012 -> 2013
//   does (4 of 5 features: weather, wind, temp_min, precipitation), and the `weather` label drifts between every pair
//   of years. That label drift is a change of recording, not of climate: `drizzle` is 31 days in 2012, 15 in 2013,
//   none in 2014; `fog` grows from 5 days to 52. A model trained on 2012 labels would see a different label space.
import { beforeAll, describe, expect, test } from 'vitest'
import { type DataRow, type Dataset, datasetDrift, datasetFromRows, readCsv } from 'vitest-ml'

let rows: DataRow[]
const month = (row: DataRow): number => Number(String(row.date).slice(5, 7))
const year = (row: DataRow): number => Number(String(row.date).slice(0, 4))
const where = (name: string, keep: (row: DataRow) => boolean): Dataset => datasetFromRows(rows.filter(keep), { name })

beforeAll(async () => {
  rows = (await readCsv('node_modules/vega-datasets/data/seattle-weather.csv')).rows()
})

describe('seattle-weather: seasons drift, neighbouring years mostly do not', () => {
  test('winter (Dec-Feb) vs summer (Jun-Aug): every feature drifts', async () => {
    const winter = where('winter', (row) => [12, 1, 2].includes(month(row)))
    const summer = where('summer', (row) => [6, 7, 8].includes(month(row)))
    await expect(summer).toHaveDriftedFrom(winter, { ignore: ['date'] })
    const result = datasetDrift(winter, summer, { ignore: ['date'] })
    expect(result.driftShare).toBe(1)
    expect(result.driftedFeatures.slice(0, 2)).toEqual(['temp_max', 'temp_min'])
    expect(result.features[0]?.effectSize).toBeGreaterThan(3)
  })

  test('2013 -> 2014 and 2014 -> 2015: no dataset drift, though wind (2013 -> 2014) and the weather label move', async () => {
    for (const [from, to] of [
      [2013, 2014],
      [2014, 2015],
    ] as const) {
      const reference = where(String(from), (row) => year(row) === from)
      const current = where(String(to), (row) => year(row) === to)
      await expect(current).not.toHaveDriftedFrom(reference, { ignore: ['date'] })
    }
    const result = datasetDrift(
      where('2013', (row) => year(row) === 2013),
      where('2014', (row) => year(row) === 2014),
      { ignore: ['date'] },
    )
    expect(result.driftedFeatures).toEqual(['wind', 'weather'])
    expect(result.driftShare).toBe(0.4)
  })

  test('2012 -> 2013 does drift: 4 of 5 features, led by the weather label', async () => {
    const y2012 = where('2012', (row) => year(row) === 2012)
    const y2013 = where('2013', (row) => year(row) === 2013)
    await expect(y2013).toHaveDriftedFrom(y2012, { ignore: ['date'] })
    const result = datasetDrift(y2012, y2013, { ignore: ['date'] })
    expect(result.driftedFeatures).toEqual(['weather', 'wind', 'temp_min', 'precipitation'])
    // With Benjamini-Hochberg across the 5 tests, precipitation (p 0.043) no longer counts; the dataset still drifts.
    const corrected = datasetDrift(y2012, y2013, { ignore: ['date'], correction: 'benjamini-hochberg' })
    expect(corrected.driftedFeatures).toEqual(['weather', 'wind', 'temp_min'])
    expect(corrected.drifted).toBe(true)
  })

  test('the weather label drifts between every pair of neighbouring years (a recording change: drizzle vanishes, fog grows)', () => {
    for (const [from, to] of [
      [2012, 2013],
      [2013, 2014],
      [2014, 2015],
    ] as const) {
      const result = datasetDrift(
        where(String(from), (row) => year(row) === from),
        where(String(to), (row) => year(row) === to),
        { features: ['temp_max'], label: 'weather' },
      )
      expect(result.labelDrift).toMatchObject({ method: 'chi-square', drifted: true })
      expect(result.labelDrift?.pValue).toBeLessThan(0.002)
    }
  })
})
