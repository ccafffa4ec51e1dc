import seedrandom from 'seedrandom'
import { describe, expect, test } from 'vitest'
import { datasetFromColumns } from '../../../src/data/dataset.js'
import { readCsv } from '../../../src/data/read-csv.js'
import { correctPValues } from '../../../src/drift/correct-p-values.js'
import { datasetDrift } from '../../../src/drift/dataset-drift.js'

const normals = (count: number, mean: number, random: () => number): number[] =>
  Array.from({ length: count }, () => mean + Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()))

function table(seed: string, shifts: readonly number[], count = 400): Record<string, number[]> {
  const random = seedrandom(seed)
  return Object.fromEntries(shifts.map((shift, index) => [`f${index}`, normals(count, shift, random)]))
}

describe('datasetDrift', () => {
  test('share of drifted features decides the dataset verdict, worst first', () => {
    const reference = table('r', [0, 0, 0, 0])
    const result = datasetDrift(reference, table('c', [0, 1, 0, 0.5]))
    expect(result.driftedFeatures).toEqual(['f1', 'f3'])
    expect(result.features.map((feature) => feature.feature).slice(0, 2)).toEqual(['f1', 'f3'])
    expect(result.driftShare).toBe(0.5)
    expect(result.drifted).toBe(true)
    expect(datasetDrift(reference, table('c', [0, 1, 0, 0.5]), { driftShare: 0.75 }).drifted).toBe(false)
  })

  test('accepts rows, columns and datasets alike', () => {
    const columns = { x: [1.5, 2.5, 3.5, 4.5, 5.5, 6.5], g: ['a', 'b', 'a', 'b', 'a', 'b'] }
    const rows = columns.x.map((x, index) => ({ x, g: columns.g[index] }))
    const fromColumns = datasetDrift(columns, columns)
    expect(datasetDrift(rows, datasetFromColumns(columns)).features).toEqual(fromColumns.features)
    expect(fromColumns.drifted).toBe(false)
  })

  test('correction: Bonferroni and Benjamini-Hochberg adjust test p-values across features', () => {
    // statsmodels multipletests([0.01, 0.04, 0.3], method='bonferroni') -> [0.03, 0.12, 0.9]; 'fdr_bh' -> [0.03, 0.06, 0.3]
    expect(correctPValues([0.01, 0.04, 0.3], 'bonferroni').map((p) => Number(p.toFixed(12)))).toEqual([0.03, 0.12, 0.9])
    expect(correctPValues([0.01, 0.04, 0.3], 'benjamini-hochberg').map((p) => Number(p.toFixed(12)))).toEqual([0.03, 0.06, 0.3])
    const reference = table('r', Array<number>(10).fill(0), 200)
    const current = table('c', [0.25, ...Array<number>(9).fill(0)], 200)
    const plain = datasetDrift(reference, current)
    const corrected = datasetDrift(reference, current, { correction: 'bonferroni' })
    const f0 = (result: typeof plain) => result.features.find((feature) => feature.feature === 'f0')
    expect(f0(corrected)?.adjustedPValue).toBeCloseTo(Math.min(1, (f0(plain)?.pValue ?? 1) * 10), 12)
    expect(f0(plain)?.adjustedPValue).toBeUndefined()
    expect(() => datasetDrift(reference, current, { correction: 'holm' as never })).toThrow(/correction 'none', 'bonferroni' or 'benjamini-hochberg'/)
  })

  test('per-method and per-feature thresholds, per-feature methods', () => {
    const reference = table('r', [0, 0], 2000)
    const current = table('c', [0.15, 0.15], 2000)
    expect(datasetDrift(reference, current).driftedFeatures).toEqual(expect.arrayContaining(['f0', 'f1']))
    expect(datasetDrift(reference, current, { thresholds: { wasserstein: 0.3 } }).driftedFeatures).toEqual([])
    expect(datasetDrift(reference, current, { featureThresholds: { f0: 0.3 } }).driftedFeatures).toEqual(['f1'])
    const psi = datasetDrift(reference, current, { methods: { f1: 'psi' } }).features.find((feature) => feature.feature === 'f1')
    expect(psi?.method).toBe('psi')
  })

  test('label drift is reported separately and not counted in the share', () => {
    const random = seedrandom('l')
    const reference = { x: normals(300, 0, random), y: Array.from({ length: 300 }, (_, index) => (index % 2 === 0 ? 'yes' : 'no')) }
    const current = { x: normals(300, 0, random), y: Array.from({ length: 300 }, (_, index) => (index % 5 === 0 ? 'yes' : 'no')) }
    const result = datasetDrift(reference, current, { label: 'y' })
    expect(result.features.map((feature) => feature.feature)).toEqual(['x'])
    expect(result.labelDrift).toMatchObject({ feature: 'y', method: 'z', drifted: true })
    expect(result.drifted).toBe(false)
  })

  test('a column missing from current is a clear error; extra columns are a warning', () => {
    expect(() => datasetDrift({ x: [1, 2], y: [3, 4] }, { x: [1, 2] })).toThrow(
      'datasetDrift: expected every compared column in current, received no "y" (it has x).\nHint: Pass `features: [...]` to compare a subset, or `ignore: [...]` to leave columns out.',
    )
    expect(datasetDrift({ x: [1, 2, 3] }, { x: [1, 2, 3], z: [0, 0, 0] }).warnings).toContain('current has columns the reference lacks, not compared: z')
    expect(() => datasetDrift({ x: [1, 2] }, [3, 4] as never)).toThrow(
      /expected current rows to be records \(\{ feature: value \}\), received number at index 0/,
    )
  })

  test('agrees with scipy on seattle-weather 2012 vs 2013', async () => {
    const rows = (await readCsv('node_modules/vega-datasets/data/seattle-weather.csv')).rows()
    const year = (value: string): number => Number(value.slice(0, 4))
    const pick = (wanted: number) => rows.filter((row) => year(String(row.date)) === wanted).map(({ date: _date, ...rest }) => rest)
    const result = datasetDrift(pick(2012), pick(2013))
    const byName = Object.fromEntries(result.features.map((feature) => [feature.feature, feature]))
    // scipy 1.x: ks_2samp(x2012, x2013) -> (statistic, pvalue); wasserstein_distance(x2012, x2013) / np.std(x2012)
    const scipy = {
      precipitation: [0.1006138183995808, 0.04297784053283199, 0.1731956503904509],
      temp_max: [0.09068044015270604, 0.09277013367034928, 0.1414457652426007],
      temp_min: [0.11542031589190807, 0.014215947839721951, 0.23245785796812318],
      wind: [0.14617112059285875, 0.0007270289763208629, 0.2655201178018039],
    }
    for (const [feature, [statistic, pValue, normed]] of Object.entries(scipy)) {
      expect(byName[feature]?.statistic).toBeCloseTo(statistic ?? Number.NaN, 12)
      expect(byName[feature]?.pValue).toBeCloseTo(pValue ?? Number.NaN, 12)
      expect(byName[feature]?.effectSize).toBeCloseTo(normed ?? Number.NaN, 12)
    }
    // chi2_contingency([[31, 5, 191, 21, 118], [15, 16, 158, 3, 173]], correction=False) -> 38.34135875892192, 9.527967285740851e-08
    // scipy.spatial.distance.jensenshannon(2012 counts, 2013 counts) -> 0.1664688812584866
    expect(byName.weather).toMatchObject({ method: 'chi-square', drifted: true })
    expect(byName.weather?.statistic).toBeCloseTo(38.34135875892192, 10)
    expect(byName.weather?.pValue).toBeCloseTo(9.527967285740851e-8, 15)
    expect(byName.weather?.effectSize).toBeCloseTo(0.1664688812584866, 12)
  })
})

describe('datasetDrift on empty samples', () => {
  test('an empty current or reference is an error, not a drift verdict', async () => {
    const reference = { x: [1, 2, 3] }
    expect(() => datasetDrift(reference, { x: [] })).toThrow(
      /datasetDrift: expected at least 1 row in current, received 0 rows\.\nHint: An empty current sample/,
    )
    expect(() => datasetDrift([], reference)).toThrow(/datasetDrift: expected at least 1 row in reference, received 0 rows/)
    expect(() => expect({ x: [] }).not.toHaveDriftedFrom(reference)).toThrow(/at least 1 row in current/)
  })
})
