import seedrandom from 'seedrandom'
import { describe, expect, test } from 'vitest'
import { driftMatchers } from '../../matchers/drift-index.js'
import { datasetFromColumns } from '../../src/data/dataset.js'
import { functionModel } from '../../src/model/function-model.js'
import { checksFromMeta } from '../../src/record/check-record.js'
import { failureMessage } from '../support/failure-of.js'
import { constantModel, miscountingModel } from '../support/malformed-models.js'

expect.extend(driftMatchers)

const normals = (count: number, mean: number, random: () => number): number[] =>
  Array.from({ length: count }, () => mean + Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()))

/** Four features: `income` and `segment` shift in the current sample, `age` and `score` do not. */
function samples(shift: number): { reference: Record<string, unknown[]>; current: Record<string, unknown[]> } {
  const random = seedrandom('drift-matcher')
  const make = (count: number, delta: number) => ({
    age: normals(count, 40, random),
    income: normals(count, 50 + 10 * delta, random),
    score: normals(count, 0, random),
    segment: Array.from({ length: count }, () => (random() < 0.3 + 0.4 * delta ? 'retail' : 'business')),
  })
  return { reference: make(400, 0), current: make(300, shift) }
}

describe('toHaveDriftedFrom', () => {
  test('.not passes when nothing moved (columns, rows or a Dataset)', async () => {
    const { reference, current } = samples(0)
    await expect(current).not.toHaveDriftedFrom(reference)
    const rows = Array.from({ length: 300 }, (_, index) => Object.fromEntries(Object.entries(current).map(([key, values]) => [key, values[index]])))
    await expect(rows).not.toHaveDriftedFrom(datasetFromColumns(reference, { name: 'training' }))
  })

  test('.not fails on drift, listing drifted features worst first with method, statistic, p, threshold and sizes', async () => {
    const { reference, current } = samples(1)
    const message = await failureMessage(() =>
      expect(datasetFromColumns(current, { name: 'this-week' })).not.toHaveDriftedFrom(datasetFromColumns(reference, { name: 'training' })),
    )
    expect(message).toBe(
      [
        'expect(current).not.toHaveDriftedFrom(reference)',
        '',
        'this-week (300 rows) drifted from training (400 rows): 2 of 4 features drifted (share 0.5, dataset drifts at >= 0.5).',
        'Drifted, worst first:',
        '  income   ks              statistic 1  p 1.62e-206 < 0.05  effect 10.47 (normed-wasserstein)  n 400 vs 300',
        '  segment  z               statistic -10.72  p 8.13e-27 < 0.05  effect 0.2937 (jensen-shannon)  n 400 vs 300',
        'Not drifted:',
        '  age      ks              statistic 0.06333  p 0.4806 >= 0.05  effect 0.09807 (normed-wasserstein)  n 400 vs 300',
        '  score    ks              statistic 0.03333  p 0.9884 >= 0.05  effect 0.05135 (normed-wasserstein)  n 400 vs 300',
      ].join('\n'),
    )
  })

  test('records a drift check with metrics and a histogram pair per drifted feature', async ({ task }) => {
    const { reference, current } = samples(1)
    await failureMessage(() => expect(current).not.toHaveDriftedFrom(reference))
    const record = checksFromMeta(task.meta).at(-1)
    // `passed` is the assertion before `.not` (drift found); the reporter reads passed + negated as a failed check.
    expect(record).toMatchObject({
      kind: 'drift',
      passed: true,
      negated: true,
      message: expect.stringContaining('2 of 4 features drifted'),
      checklist: ['data-drift-weekly'],
      data: { name: 'current', rows: 300 },
    })
    expect(record?.metrics).toMatchObject({ driftShare: 0.5, driftedFeatures: 2, features: 4, referenceRows: 400, currentRows: 300 })
    expect(record?.plots?.map((plot) => [plot.type, plot.title, plot.series.length])).toEqual([
      ['histogram-pair', 'income: reference vs current', 2],
      ['histogram-pair', 'segment: reference vs current', 2],
    ])
    expect(record?.plots?.[0]?.series[0]?.points.length).toBeLessThanOrEqual(40)
  })

  test('without .not: passes on drift, fails with the share when there is none', async () => {
    const drifted = samples(1)
    await expect(drifted.current).toHaveDriftedFrom(drifted.reference)
    const stable = samples(0)
    const message = await failureMessage(() => expect(stable.current).toHaveDriftedFrom(stable.reference))
    expect(message).toContain(
      'Expected current (300 rows) to have drifted from reference (400 rows), but 0 of 4 features drifted (share 0, dataset drifts at >= 0.5).',
    )
  })

  test('small samples warn; a stricter share catches one drifted feature; corrections are named', async () => {
    const random = seedrandom('small')
    const message = await failureMessage(() =>
      expect({ x: normals(12, 3, random) }).not.toHaveDriftedFrom({ x: normals(20, 0, random) }, { correction: 'bonferroni' }),
    )
    expect(message).toContain('1 of 1 features drifted (share 1, dataset drifts at >= 0.5), bonferroni correction.')
    expect(message).toContain('Warnings:\n  - x: only 12 current values (< 30): the ks result means little')
    const { reference, current } = samples(1)
    await expect(current).not.toHaveDriftedFrom(reference, { driftShare: 0.75 })
  })

  test('prediction drift: the model scores both samples and a drifted prediction fails', async () => {
    const { reference, current } = samples(1)
    const scorer = functionModel((row: { income: number }) => [row.income / 100], { name: 'scorer' })
    const message = await failureMessage(() => expect(current).not.toHaveDriftedFrom(reference, { model: scorer as never, features: ['age', 'score'] }))
    expect(message).toContain('0 of 2 features drifted (share 0, dataset drifts at >= 0.5).')
    expect(message).toMatch(/Prediction drifted: prediction {2}ks {14}statistic (0\.9\d+|1) {2}p /)
  })

  test('bad input is a clear error', async () => {
    expect(() => expect(42).not.toHaveDriftedFrom({ x: [1] })).toThrow(/toHaveDriftedFrom: expected current data: a Dataset, rows or columns, received number/)
    expect(() => expect({ x: [1, 2] }).not.toHaveDriftedFrom({ y: [1, 2] })).toThrow(
      /datasetDrift: expected every compared column in current, received no "y" \(it has x\)/,
    )
  })
})

describe('toHaveDriftedFrom: prediction drift reads outputs as what they are', () => {
  test('string predictions are compared as categories: a segment-by-income labeller drifts, a constant label does not', async () => {
    const { reference, current } = samples(1)
    const labeller = functionModel((row: { income: number }) => (row.income > 55 ? 'premium' : 'standard'), { name: 'labeller' })
    const message = await failureMessage(() => expect(current).not.toHaveDriftedFrom(reference, { model: labeller as never, features: ['age', 'score'] }))
    expect(message).toMatch(/Prediction drifted: prediction {2}\S+ /)
    await expect(current).not.toHaveDriftedFrom(reference, { model: functionModel(() => 'standard', { name: 'steady' }) as never, features: ['age', 'score'] })
  })

  test.each([
    ['undefined', undefined, 'missing (undefined)'],
    ['[]', [], 'empty ([])'],
    ['{}', {}, 'empty ({})'],
  ])('a model answering %s is an error naming the sample and row, never "no drift"', async (_, value, phrase) => {
    const { reference, current } = samples(0)
    const message = await failureMessage(() =>
      expect(current).not.toHaveDriftedFrom(reference, { model: constantModel(value, 'nothing') as never, features: ['age'] }),
    )
    expect(message).toContain(
      `toHaveDriftedFrom: expected a prediction for every row of nothing on the reference: a number, a label, or a row of class scores, received ${phrase} at row 0.\nHint: `,
    )
  })

  test('a model answering one output too many is an error', async () => {
    const { reference, current } = samples(0)
    const message = await failureMessage(() =>
      expect(current).not.toHaveDriftedFrom(reference, { model: miscountingModel(() => 0.5, 1) as never, features: ['age'] }),
    )
    expect(message).toMatch(/^toHaveDriftedFrom: expected oneTooMany to return one output per input \(400\), received 401 outputs\./)
  })
})
