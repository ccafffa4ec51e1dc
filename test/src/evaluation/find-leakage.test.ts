import seedrandom from 'seedrandom'
import { describe, expect, it } from 'vitest'
import { datasetFromRows } from '../../../src/data/dataset.js'
import { findLeakage } from '../../../src/evaluation/find-leakage.js'
import { canonicalJson, rowHash, rowSetHash } from '../../../src/evaluation/row-hash.js'
import { loadSplit } from '../../support/model-split.js'

describe('canonical hashing', () => {
  it('ignores key order, normalises -0, bigints, NaN and typed arrays', () => {
    expect(canonicalJson({ b: 1, a: [2n, Number.NaN, -0] })).toBe('{"a":["2n","NaN",0],"b":1}')
    expect(canonicalJson(new Float32Array([0.5]))).toBe('[0.5]')
    expect(rowHash({ x: 1, y: 'a' })).toBe(rowHash({ y: 'a', x: 1 }))
    expect(rowHash({ id: 7, x: 1 }, ['id'])).toBe(rowHash({ x: 2, id: 7 }, ['id']))
    expect(rowSetHash([[1], [2]])).toBe(rowSetHash([[2], [1]]))
    expect(rowSetHash([[1], [2]])).not.toBe(rowSetHash([[1], [3]]))
  })
})

describe('findLeakage', () => {
  it('finds no leakage in the penguins split of the example models', () => {
    const { train, test } = loadSplit('penguins-mlp')
    const result = findLeakage(train.rows, test.rows)
    expect(result).toMatchObject({ trainRows: 256, testRows: 86, exactDuplicates: 0, nearDuplicates: 0 })
    expect(result.testSha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('finds exact duplicates by whole row and by key columns, with examples', () => {
    const train = [
      { id: 1, x: 1.5 },
      { id: 2, x: 2.5 },
      { id: 3, x: 3.5 },
    ]
    const test = [
      { x: 2.5, id: 2 },
      { id: 9, x: 9 },
      { id: 3, x: 100 },
    ]
    const byRow = findLeakage(train, test, { nearDuplicateDistance: 0 })
    expect(byRow).toMatchObject({ exactDuplicates: 1, exactRate: 1 / 3 })
    expect(byRow.examples.exact).toEqual([{ testIndex: 0, trainIndex: 1, distance: 0, testRow: test[0], trainRow: train[1] }])
    expect(findLeakage(train, test, { keys: ['id'] }).exactDuplicates).toBe(2)
  })

  it('finds near duplicates after standardisation, leaves distinct rows alone, and matches the brute force', () => {
    const random = seedrandom('leak')
    const train = Array.from({ length: 3000 }, () => [random() * 100, random() * 5, random() * 1000, random()])
    const copies = [5, 50, 500].map((i) => (train[i] as number[]).map((value, k) => value + [0.05, 0.002, 0.5, 0.0005][k]!))
    const fresh = Array.from({ length: 500 }, () => [random() * 100, random() * 5, random() * 1000, random()])
    const test = [...copies, ...fresh, train[7] as number[]]
    const result = findLeakage(train, { inputs: test }, { nearDuplicateDistance: 0.01 })
    expect(result.exactDuplicates).toBe(1)
    expect(result.examples.exact[0]).toMatchObject({ testIndex: 503, trainIndex: 7 })
    expect(result.examples.near.map((pair) => [pair.testIndex, pair.trainIndex])).toEqual([
      [0, 5],
      [1, 50],
      [2, 500],
    ])
    // Brute force over all pairs (Chebyshev distance in training standard deviations) finds the same near duplicates.
    const columns = [0, 1, 2, 3].map((k) => train.map((row) => row[k] as number))
    const sd = columns.map((values) => {
      const mean = values.reduce((sum, value) => sum + value, 0) / values.length
      return Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length)
    })
    const brute = test.flatMap((row, i) =>
      train.some((other) => row.every((value, k) => Math.abs(value - (other[k] as number)) / (sd[k] as number) <= 0.01)) ? [i] : [],
    )
    expect(brute).toEqual([0, 1, 2, 503])
    expect(result.nearDuplicates).toBe(3)
  })

  it('compares categorical values exactly and numeric ones with tolerance, on records and Datasets', () => {
    const train = datasetFromRows([
      { island: 'Biscoe', mass: 4000 },
      { island: 'Dream', mass: 3000 },
      { island: 'Dream', mass: 5000 },
    ])
    const test = [
      { island: 'Dream', mass: 4001 },
      { island: 'Biscoe', mass: 4001 },
    ]
    const result = findLeakage(train, test, { nearDuplicateDistance: 0.01 })
    expect(result.nearDuplicates).toBe(1)
    expect(result.examples.near[0]).toMatchObject({ testIndex: 1, trainIndex: 0 })
  })

  it('a column that is constant in training matches only its own value (its standard deviation is 0)', () => {
    // One training row: every column has sd 0, so "within 0.01 sd" means equal. Values on a small scale (1e-3) are
    // distinct rows, not near duplicates of it.
    const result = findLeakage(
      [[0.001, 0.002]],
      [
        [0.002, 0.002],
        [0.001, 0.003],
        [0.001, 0.002],
      ],
      { nearDuplicateDistance: 0.01 },
    )
    expect(result).toMatchObject({ exactDuplicates: 1, nearDuplicates: 0 })
    // A constant column next to a varying one: rows must equal the constant and be near in the other column.
    const train = [
      [0.1, 1],
      [0.1, 2],
      [0.1, 3],
      [0.1, 4],
    ]
    const near = findLeakage(
      train,
      [
        [0.1, 2.001],
        [0.1001, 2.001],
      ],
      { nearDuplicateDistance: 0.01 },
    )
    expect(near.nearDuplicates).toBe(1)
    expect(near.examples.near[0]).toMatchObject({ testIndex: 0, trainIndex: 1 })
  })

  it('rejects bad input', () => {
    expect(() => findLeakage([[1]], [])).toThrow(/findLeakage: expected at least 1 test row, received 0/)
    expect(() => findLeakage('rows' as never, [[1]])).toThrow(/findLeakage: expected train rows: an array, a Dataset or \{ inputs \}, received "rows"/)
    expect(() => findLeakage([[1]], [[1]], { nearDuplicateDistance: -1 })).toThrow(/expected a finite `nearDuplicateDistance` >= 0/)
  })
})
