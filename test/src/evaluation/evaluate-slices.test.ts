import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evaluateSlices } from '../../../src/evaluation/evaluate-slices.js'
import { sliceRows } from '../../../src/evaluation/slice-rows.js'
import type { Model } from '../../../src/model/model.js'
import { type OnnxModel, onnxModel } from '../../../src/model/onnx-model.js'
import { loadSplit } from '../../support/model-split.js'

const { classNames, test: held } = loadSplit('penguins-mlp')
let weak: OnnxModel
beforeAll(async () => {
  weak = await onnxModel('models/penguins-weak.onnx', { output: 'probabilities' })
})
afterAll(async () => {
  await weak.release()
})

describe('sliceRows', () => {
  it('groups categorical values, with a missing slice', () => {
    const rows = [{ sex: 'F' }, { sex: 'M' }, { sex: null }, { sex: 'F' }]
    expect(sliceRows(rows, ['sex'])).toEqual([
      { feature: 'sex', slice: 'F', indices: [0, 3] },
      { feature: 'sex', slice: 'M', indices: [1] },
      { feature: 'sex', slice: 'missing', indices: [2] },
    ])
  })

  it('bins numeric columns by quantile (numpy linear quantiles) or by given edges, in bin order', () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({ x: i }))
    // numpy.quantile(range(12), [0, 0.5, 1]) -> [0, 5.5, 11]
    expect(sliceRows(rows, [{ feature: 'x', bins: 2 }]).map(({ slice, indices }) => [slice, indices.length])).toEqual([
      ['[0, 5.5)', 6],
      ['[5.5, 11]', 6],
    ])
    expect(
      sliceRows(rows, [{ feature: 'x', edges: [0, 3, 20], name: 'x bins' }]).map(({ feature, slice, indices }) => [feature, slice, indices.length]),
    ).toEqual([
      ['x bins', '[0, 3)', 3],
      ['x bins', '[3, 20]', 9],
    ])
    // Few distinct numbers are categories; array positions work as features.
    expect(
      sliceRows(
        [
          [1, 0],
          [2, 1],
          [3, 0],
        ],
        [1],
      ).map((slice) => slice.slice),
    ).toEqual(['0', '1'])
  })

  it('slices by a function and rejects unknown columns', () => {
    expect(sliceRows([5, 50, 500], [{ name: 'magnitude', by: (value: number) => String(value).length }]).map((slice) => slice.slice)).toEqual(['1', '2', '3'])
    expect(() => sliceRows([{ a: 1 }], ['b'])).toThrow(/toPerformOnAllSlices: expected rows with a column "b", received no row having it/)
    expect(() => sliceRows([{ a: 1 }], [])).toThrow(/expected at least one slice definition/)
  })
})

describe('evaluateSlices', () => {
  it('scores the weak penguin model per island and sex, worst first', async () => {
    const result = await evaluateSlices(weak, { data: held, rows: held.rows, slices: ['Island', 'Sex'], classes: classNames })
    expect(result.metric).toBe('accuracy')
    expect(result.rows).toBe(86)
    const islands = result.slices.filter((slice) => slice.feature === 'Island')
    expect(islands.reduce((sum, slice) => sum + slice.size, 0)).toBe(86)
    for (const slice of result.slices) {
      const indices = held.rows.flatMap((row, i) =>
        String(row[slice.feature] ?? 'missing') === slice.slice || (slice.slice === 'missing' && row[slice.feature] == null) ? [i] : [],
      )
      expect(slice.size).toBe(indices.length)
      expect(slice.drop).toBeCloseTo(result.overall - slice.score, 12)
    }
    const dream = result.slices.find((slice) => slice.slice === 'Dream')
    // scipy.stats.binomtest(k, n).proportion_ci(method='wilson') brackets the slice accuracy
    expect(dream?.interval?.low).toBeLessThan(dream?.score ?? 0)
    expect(dream?.interval?.high).toBeGreaterThan(dream?.score ?? 1)
    const judged = result.slices.filter((slice) => !slice.tooSmall)
    expect(judged.map((slice) => slice.drop)).toEqual([...judged.map((slice) => slice.drop)].sort((left, right) => right - left))
  })

  it('counts error metrics the right way round and marks undefined slices', async () => {
    const identity: Model<number[], number> = {
      identity: { name: 'id' },
      predict: (batch) => Promise.resolve(batch.map((row) => row[0] as number)),
      release: () => Promise.resolve(),
    }
    const inputs = [[1], [2], [3], [10], [20]]
    const result = await evaluateSlices(identity, {
      data: { inputs, labels: [1, 2, 3, 0, 0] },
      rows: [{ g: 'good' }, { g: 'good' }, { g: 'good' }, { g: 'bad' }, { g: 'bad' }],
      slices: ['g'],
      metric: 'mae',
      minSliceSize: 1,
    })
    expect(result.slices[0]).toMatchObject({ slice: 'bad', score: 15, drop: 9 })
    expect(result.slices[1]).toMatchObject({ slice: 'good', score: 0, drop: -6 })
    const auc = await evaluateSlices(identity, {
      data: { inputs, labels: [0, 0, 1, 1, 1] },
      rows: inputs.map((_, i) => ({ g: i < 2 ? 'a' : 'b' })),
      slices: ['g'],
      metric: 'rocAuc',
      minSliceSize: 1,
    })
    expect(auc.slices.every((slice) => Number.isNaN(slice.score))).toBe(true)
  })

  it('rejects rows that do not match the inputs', async () => {
    await expect(evaluateSlices(weak, { data: held, rows: held.rows.slice(1), slices: ['Island'] })).rejects.toThrow(
      /expected 86 slice rows \(one per input\), received 85/,
    )
  })
})
