import seedrandom from 'seedrandom'
import { describe, expect, it } from 'vitest'
import { describeAnomaly } from '../../../src/contracts/anomaly.js'
import { checkContract } from '../../../src/contracts/check-contract.js'
import { guessUnitChange } from '../../../src/contracts/guess-unit-change.js'
import { type DataRow, datasetFromRows } from '../../../src/data/dataset.js'
import { inferContract } from '../../../src/data/infer-contract.js'
import { readCsv } from '../../../src/data/read-csv.js'
import { penguinSplit } from '../../support/penguin-csvs.js'
import { vegaDataPath } from '../../support/vega-data.js'

const weather = (await readCsv(vegaDataPath('seattle-weather.csv'))).rows()
const before2014 = datasetFromRows(
  weather.filter((row) => String(row['date']) < '2014'),
  { name: '2012-2013' },
)
const after2014 = weather.filter((row) => String(row['date']) >= '2014')
const { contract } = inferContract(before2014, { label: 'weather' })
const check = (rows: readonly Record<string, unknown>[], options = {}) => checkContract(datasetFromRows(rows, { name: '2014-2015' }), contract, options)
const types = (rows: readonly Record<string, unknown>[], options = {}) =>
  check(rows, options).failing.map((anomaly) => `${anomaly.column ?? '(table)'}:${anomaly.type}`)

describe('checkContract on seattle-weather (contract learned from 2012-2013)', () => {
  it('passes 2014-2015 as recorded: a few values just past the 2012-2013 range are what sampling gives', () => {
    const result = check(after2014)
    expect(result.passed).toBe(true)
    expect(result.anomalies).toEqual([])
    expect(result.tests).toBe(6 + 4 + 1)
  })

  it('finds a real unit change (°C sent as °F) and says how to undo it', () => {
    const fahrenheit = after2014.map((row) => ({ ...row, temp_max: Math.round(((row['temp_max'] as number) * 1.8 + 32) * 10) / 10 }))
    const [anomaly] = check(fahrenheit).failing
    expect(describeAnomaly(anomaly!)).toBe(
      '[high] temp_max (out-of-range): 728 of 730 values (share 0.9973) outside [-1.1, 34.4]: 728 above max 34.4 (highest 96.1); 230 beyond the range by more than its width; looks like a unit change °C -> °F (99.73% in range once undone). Fix: convert "temp_max" back (°C -> °F) where it is produced, or retrain and infer the contract on the new unit',
    )
  })

  it('reports every kind of anomaly, each with a severity and a fix', () => {
    const broken = after2014.map((row, index) => {
      const { wind, ...rest } = row
      return {
        ...rest,
        wind_speed: wind,
        precipitation: index % 5 === 0 ? null : row['precipitation'],
        temp_min: index % 10 === 0 ? 'n/a' : row['temp_min'],
        temp_max: String(row['temp_max']),
        weather: index % 50 === 0 ? 'hail' : row['weather'],
      }
    })
    expect(types(broken)).toEqual([
      'precipitation:missing-rate',
      'temp_min:mixed-types',
      'wind:missing-column',
      'temp_max:type-change',
      'weather:unseen-category',
      'wind_speed:unexpected-column',
    ])
    const described = check(broken).failing.map(describeAnomaly)
    expect(described[0]).toMatch(
      /^\[high\] precipitation \(missing-rate\): missing share rose from 0 \(0 of 731 in training\) to 0\.2 \(146 of 730\), Fisher exact p = [\d.e-]+ < [\d.]+\. Fix: find where "precipitation" loses values upstream/,
    )
    expect(described[1]).toMatch(
      /^\[high\] temp_min \(mixed-types\): 73 of 730 values \(share 0\.1\) are text among numbers: "n\/a" x73\. Fix: declare these tokens missing when reading/,
    )
    expect(described[3]).toMatch(
      /^\[medium\] temp_max \(type-change\): 730 of 730 values \(share 1\) are numbers written as text \(such as "7\.2"\)\. Fix: parse "temp_max" as numbers/,
    )
    expect(described[4]).toMatch(
      /^\[medium\] weather \(unseen-category\): 15 of 730 values \(share 0\.02055\) not in \["drizzle", "fog", "rain", "snow", "sun"\]: "hail" x15\. Fix: /,
    )
    expect(described[5]).toMatch(/^\[low\] wind_speed \(unexpected-column\): "wind_speed" is not in the contract\. Fix: drop "wind_speed"/)
  })

  it('allows what it is told to, and judges shares against limits when given', () => {
    const hail = after2014.map((row, index) => ({ ...row, weather: index % 50 === 0 ? 'hail' : row['weather'] }))
    expect(check(hail, { maxUnseenShare: 0.03 }).passed).toBe(true)
    const allowed = check(hail, { allow: ['unseen-category'] })
    expect(allowed).toMatchObject({ passed: true, failing: [] })
    expect(describeAnomaly(allowed.anomalies[0]!)).toMatch(/\(allowed\) Fix:/)
    expect(() => check(hail, { allow: ['unseen'] })).toThrow(
      /^checkContract: expected anomaly types in `allow` \(no-rows, missing-column, .*\), received "unseen"\./,
    )
    expect(() => check(hail, { significance: 0 })).toThrow(/^checkContract: expected `significance` in \(0, 1\], received 0\./)
  })

  it('flags a column turned constant, repeated ids, duplicate rows and no rows at all', () => {
    const stuck = after2014.map((row) => ({ ...row, wind: 3.2 }))
    expect(types(stuck)).toEqual(['wind:constant-column'])
    const doubled = [...after2014, ...after2014.slice(0, 100)]
    expect(types(doubled)).toEqual(['(table):duplicate-rows'])
    const ids = inferContract(datasetFromRows(Array.from({ length: 40 }, (_, id) => ({ id, x: id % 3 }))))
    expect(
      checkContract(
        datasetFromRows([
          { id: 1, x: 0 },
          { id: 1, x: 0 },
          { id: 2, x: 1 },
        ]),
        ids.contract,
      ).failing.map((anomaly) => anomaly.type),
    ).toEqual(['duplicate-ids'])
    // No rows, and (an empty array) no columns either.
    expect(check([]).failing.map((anomaly) => anomaly.type)).toEqual(['no-rows', ...Array.from({ length: 6 }, () => 'missing-column')])
  })

  it('treats declared sentinels as missing values, counted in the missing-rate test', () => {
    const sentinel = after2014.map((row, index) => ({ ...row, wind: index % 4 === 0 ? -999 : row['wind'] }))
    expect(types(sentinel)).toEqual(['wind:out-of-range'])
    const declared = check(sentinel, { sentinels: { wind: [-999] } })
    expect(declared.failing.map(describeAnomaly)[0]).toMatch(
      /^\[high\] wind \(missing-rate\): missing share rose from 0 \(0 of 731 in training\) to 0\.2507 \(183 of 730, 183 of them sentinels\)/,
    )
  })
})

describe('false alarms on healthy data', () => {
  it('a random split of the penguins passes in at least 97 of 100 splits at significance 0.01', () => {
    const { train, test } = penguinSplit()
    const rows = [...train, ...test] as DataRow[]
    const random = seedrandom('vitest-ml/contract-false-alarms')
    let failed = 0
    for (let split = 0; split < 100; split++) {
      const shuffled = rows
        .map((row) => ({ row, key: random() }))
        .sort((x, y) => x.key - y.key)
        .map((entry) => entry.row)
      const learned = inferContract(datasetFromRows(shuffled.slice(0, 250)), { label: 'species' }).contract
      if (!checkContract(datasetFromRows(shuffled.slice(250)), learned).passed) failed++
    }
    expect(failed).toBeLessThanOrEqual(3)
  })
})

describe('guessUnitChange', () => {
  it('names the conversion that brings the values back, and none for outliers or squeezed values', () => {
    expect(guessUnitChange([2.85, 3.1, 4.4, 5.05, 3.6], 2700, 6300)?.change).toBe('/ 1000 (g -> kg, m -> km, ms -> s)')
    expect(guessUnitChange([50.2, 61, 71.6, 88, 42], 2, 33)?.change).toBe('°C -> °F')
    expect(guessUnitChange([7000, 7100, 2800, 3000, 3100], 2700, 6300)).toBeUndefined()
    expect(guessUnitChange([40, 45, 50], 0, 30)).toBeUndefined()
  })
})
