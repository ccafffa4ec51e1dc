import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { describeAnomaly } from '../../../src/contracts/anomaly.js'
import { datasetFromColumns, datasetFromRows } from '../../../src/data/dataset.js'
import { checkHygiene } from '../../../src/hygiene/check-hygiene.js'
import { findConflictingLabels } from '../../../src/hygiene/conflicting-labels.js'
import { featureProblems } from '../../../src/hygiene/feature-problems.js'
import { labelDistribution } from '../../../src/hygiene/label-distribution.js'
import { findMadOutliers } from '../../../src/hygiene/mad-outliers.js'
import { findNearDuplicateRows } from '../../../src/hygiene/near-duplicate-rows.js'
import { singleFeatureScores } from '../../../src/hygiene/single-feature-scores.js'
import { normalQuantileStandard } from '../../../src/stats/distributions.js'
import { penguinSplit } from '../../support/penguin-csvs.js'
import { expectPValue, expectStatistic } from '../stats/reference-fixture.js'

// Written by scripts/reference/contracts_reference.py (scipy 1.10, scikit-learn 1.2).
const reference = JSON.parse(readFileSync(new URL('../../fixtures/reference/contracts.json', import.meta.url), 'utf8'))
const split = penguinSplit()
const train = datasetFromRows(split.train, { name: 'train.csv' })
const test = datasetFromRows(split.test, { name: 'test.csv' })

describe('findMadOutliers', () => {
  it.each(reference.mad as { name: string; values: number[]; median: number; scale: number; threshold: number; outliers: number[] }[])(
    'agrees with numpy median, scipy median_abs_deviation(scale="normal") and norm.ppf on $name',
    ({ values, median, scale, threshold, outliers }) => {
      const result = findMadOutliers(datasetFromColumns({ x: values }))
      expectStatistic(result.threshold, threshold)
      expectStatistic(result.columns[0]!.median, median)
      expectStatistic(result.columns[0]!.scale, scale)
      expect(result.columns[0]!.examples.map((example) => example.row)).toEqual(outliers.slice(0, 5))
      expect(result.columns[0]!.outliers).toBe(outliers.length)
    },
  )

  it('flags normal data at the stated false-alarm rate (100,000 quantile-spaced normal values)', () => {
    const n = 100_000
    const values = Float64Array.from({ length: n }, (_, i) => normalQuantileStandard((((i * 0.618_033_988_749_895) % 1) * (n - 1) + 0.5) / n))
    for (const rate of [0.001, 0.01]) {
      const share = findMadOutliers(datasetFromColumns({ x: values }), undefined, rate).outlierShare
      expect(share).toBeGreaterThan(rate * 0.9)
      expect(share).toBeLessThan(rate * 1.1)
    }
  })

  it('leaves codes and small counts alone', () => {
    expect(findMadOutliers(datasetFromColumns({ cylinders: [4, 4, 6, 8, 4, 6, 3] })).skipped).toEqual([
      { column: 'cylinders', reason: '4 distinct values (fewer than 10)' },
    ])
  })
})

describe('labelDistribution', () => {
  it('compares class counts with the reference as scipy.stats.chi2_contingency does', () => {
    const result = labelDistribution(test, 'species', train)
    expect(result.classes.map((entry) => [entry.label, entry.count])).toEqual([
      ['Adelie', 37],
      ['Gentoo', 30],
      ['Chinstrap', 17],
    ])
    expect(result.shift?.method).toBe('chi-square')
    expectStatistic(result.shift!.statistic, reference.labels.statistic)
    expectPValue(result.shift!.pValue, reference.labels.pValue)
  })
})

describe('singleFeatureScores', () => {
  it('fits each feature alone on train and scores it on test, as KBinsDiscretizer(quantile) + majority vote', () => {
    const scores = singleFeatureScores(train, test, 'species', ['island', 'beak_length_mm', 'beak_depth_mm', 'flipper_length_mm', 'body_mass_g', 'sex'], false)
    for (const score of scores) {
      const expected = reference.single_feature.scores[score.feature]
      expectStatistic(score.metric, expected.accuracy)
      expectStatistic(score.score, expected.score)
      expectStatistic(score.base, reference.single_feature.base)
    }
    expect(scores[0]?.feature).toBe('flipper_length_mm')
  })

  it('scores a feature that encodes the label at 1, and an id at no better than the majority', () => {
    const leaky = (data: typeof train, offset: number) =>
      datasetFromRows(data.rows().map((row, index) => ({ ...row, code: `${String(row['species']).slice(0, 2)}-x`, id: index + offset })))
    const scores = singleFeatureScores(leaky(train, 0), leaky(test, 1000), 'species', ['code', 'id'], false)
    expect(scores.map((score) => score.feature)).toEqual(['code', 'id'])
    expect(scores[0]?.score).toBe(1)
    // Test ids lie past every training id: all in the last bin, whose majority is no better than the overall one.
    expect(scores[1]?.score).toBeLessThanOrEqual(0)
  })
})

describe('conflicts, near duplicates and dead features', () => {
  it('finds equal features with different labels', () => {
    const data = datasetFromRows([
      { x: 1, y: 'a', label: 'yes' },
      { x: 1, y: 'a', label: 'no' },
      { x: 2, y: 'a', label: 'no' },
      { x: 1, y: 'a', label: 'yes' },
    ])
    expect(findConflictingLabels(data, 'label')).toEqual({
      conflictingRows: 3,
      conflictingShare: 0.75,
      groups: 1,
      examples: [
        {
          rows: [0, 1, 3],
          labels: [
            { label: 'yes', count: 2 },
            { label: 'no', count: 1 },
          ],
        },
      ],
    })
  })

  it('finds near duplicates within a set, on a grid, and only among equal non-numeric values', () => {
    const data = datasetFromRows([
      { x: 1, z: 10, c: 'a' },
      { x: 1.0001, z: 10, c: 'a' },
      { x: 1.0001, z: 10, c: 'b' },
      { x: 5, z: 50, c: 'a' },
      { x: 3, z: 30, c: 'a' },
    ])
    const result = findNearDuplicateRows(data, ['x', 'z', 'c'], 0.01, new Uint8Array(5), 5)
    expect(result.nearDuplicateRows).toBe(1)
    expect(result.examples[0]).toMatchObject({ row: 1, nearRow: 0 })
  })

  it('finds empty, constant and copied features', () => {
    const data = datasetFromRows([
      { a: 1, b: 1, c: 'x', d: null },
      { a: 2, b: 2, c: 'x', d: null },
      { a: 3, b: 3, c: 'x', d: null },
    ])
    expect(featureProblems(data)).toEqual([
      { column: 'b', problem: 'copy', detail: 'a' },
      { column: 'c', problem: 'constant', detail: '"x"' },
      { column: 'd', problem: 'empty' },
    ])
  })
})

describe('checkHygiene', () => {
  it('finds the penguins training data clean and the test data like it', () => {
    expect(checkHygiene(train, { label: 'species' })).toMatchObject({ passed: true, issues: [] })
    expect(checkHygiene(test, { label: 'species', reference: train })).toMatchObject({ passed: true, issues: [] })
  })

  it('judges repeats, conflicts, missing labels and dead features; reports outliers and near duplicates', () => {
    const rows = split.train.slice(0, 60)
    const dirty = datasetFromRows([
      ...rows.map((row) => ({ ...row, site: 'north' })),
      ...rows.slice(0, 3).map((row) => ({ ...row, site: 'north' })),
      { ...rows[10]!, site: 'north', species: rows[10]!.species === 'Adelie' ? 'Gentoo' : 'Adelie' },
      { ...rows[11]!, site: 'north', species: null },
      { ...rows[12]!, site: 'north', body_mass_g: 99_999 },
    ])
    const result = checkHygiene(dirty, { label: 'species' })
    expect(result.failing.map((issue) => issue.type)).toEqual(['conflicting-labels', 'missing-labels', 'duplicate-rows', 'constant-feature'])
    expect(result.issues.filter((issue) => issue.allowed).map((issue) => issue.type)).toEqual(['outliers'])
    expect(describeAnomaly(result.failing[0]!)).toMatch(
      /^\[high\] species \(conflicting-labels\): 2 of 66 rows \(share 0\.0303\) in 1 group\(s\) have equal features and different labels \(rows 10, 63: "(Adelie|Gentoo)" x1 vs "(Adelie|Gentoo)" x1\)\. Fix: relabel or drop/,
    )
    expect(describeAnomaly(result.issues.at(-1)!)).toMatch(
      /^\[low\] outliers: 1 of 66 rows \(share 0\.01515\) hold a value beyond 3\.291 robust standard deviations .* body_mass_g 1 outside .*\(reported, not judged: set maxOutlierShare\)\. \(allowed\) Fix:/,
    )
    expect(
      checkHygiene(dirty, { label: 'species', maxDuplicateShare: 0.05, maxConflictShare: 0.05, maxMissingLabelShare: 0.05, allow: ['constant-feature'] })
        .passed,
    ).toBe(true)
  })

  it('says when labels are distributed unlike the reference', () => {
    const onlyAdelie = datasetFromRows(split.test.filter((row) => row.species !== 'Gentoo'))
    const result = checkHygiene(onlyAdelie, { label: 'species', reference: train })
    expect(result.failing.map(describeAnomaly)).toEqual([
      expect.stringMatching(
        /^\[medium\] species \(label-shift\): labels are distributed unlike the reference's \(chi-square statistic [\d.]+, p = [\d.e-]+ < 0\.01\); most moved: "Gentoo" 0\.3574 -> 0\. Fix: split with stratification/,
      ),
    ])
  })
})
