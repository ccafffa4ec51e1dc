import seedrandom from 'seedrandom'
import { describe, expect, test } from 'vitest'
import { datasetFromColumns } from '../../../src/data/dataset.js'
import { functionModel } from '../../../src/model/function-model.js'
import { failureSnapshot } from '../../support/mask-message.js'

// Whole failure messages of the drift, skew and pipeline matchers, pinned. Every sample is seeded. The drift and skew
// matchers are used negated, so their `.not` failure is the one users read most.

const normals = (count: number, mean: number, random: () => number): number[] =>
  Array.from({ length: count }, () => mean + Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()))

/** Four features: `income` and `segment` shift in the current sample, `age` and `score` do not. */
function samples(shift: number): { reference: Record<string, unknown[]>; current: Record<string, unknown[]> } {
  const random = seedrandom('drift-messages')
  const make = (count: number, delta: number) => ({
    age: normals(count, 40, random),
    income: normals(count, 50 + 10 * delta, random),
    score: normals(count, 0, random),
    segment: Array.from({ length: count }, () => (random() < 0.3 + 0.4 * delta ? 'retail' : 'business')),
  })
  return { reference: make(400, 0), current: make(300, shift) }
}

const COUNTRIES = ['US', 'GB', 'DE', 'FR']
/** Feature tables as a training job and a serving log would write them; `bug` breaks the serving side. */
function features(seed: string, count: number, bug: 'none' | 'units' | 'codes' = 'none'): Record<string, unknown[]> {
  const random = seedrandom(seed)
  const income: number[] = []
  const country: string[] = []
  const age: number[] = []
  for (let index = 0; index < count; index++) {
    const value = 20_000 + 80_000 * random() ** 2
    income.push(bug === 'units' ? value / 1000 : value)
    const code = COUNTRIES[Math.floor(random() * random() * 4)] ?? 'US'
    country.push(bug === 'codes' && code === 'GB' ? 'UK' : code)
    age.push(18 + Math.floor(60 * random()))
  }
  return { income, country, age }
}

type Raw = { readonly age: number | null; readonly income: number | null }
type Features = { readonly age: number; readonly income: number }
const training: Raw[] = [
  { age: 30, income: 40_000 },
  { age: 64, income: 120_000 },
  { age: null, income: 55_000 },
  { age: 41, income: null },
  { age: 80, income: 200_000 },
]
const columnMax = (rows: readonly Raw[], key: keyof Raw): number => Math.max(...rows.map((row) => row[key] ?? 0))
const fitted = { age: columnMax(training, 'age'), income: columnMax(training, 'income') }
/** Training scales each column by the maximum of the training set. */
function preprocessTraining(batch: readonly Raw[]): Features[] {
  return batch.map((row) => ({ age: (row.age ?? 0) / fitted.age, income: (row.income ?? 0) / fitted.income }))
}
/** Serving re-implemented it and scales by the maximum of whatever batch it is handed. */
function preprocessServing(batch: readonly Raw[]): Features[] {
  const max = { age: columnMax(batch, 'age'), income: columnMax(batch, 'income') }
  return batch.map((row) => ({ age: (row.age ?? 0) / max.age, income: (row.income ?? 0) / max.income }))
}
const requests: Raw[] = [
  { age: 25, income: 30_000 },
  { age: 52, income: 61_000 },
  { age: null, income: 80_000 },
  { age: 33, income: null },
  { age: 70, income: 150_000 },
  { age: 19, income: 12_000 },
  { age: 45, income: 98_000 },
  { age: 60, income: 45_000 },
]

describe('toHaveDriftedFrom messages', () => {
  test('.not: drifted features worst first, with prediction drift', async () => {
    const { reference, current } = samples(1)
    const scorer = functionModel((row: { income: number }) => [row.income / 100], { name: 'scorer' })
    const current_ = datasetFromColumns(current, { name: 'this-week' })
    const reference_ = datasetFromColumns(reference, { name: 'training' })
    expect(await failureSnapshot(() => expect(current_).not.toHaveDriftedFrom(reference_, { model: scorer as never }))).toMatchInlineSnapshot(`
      "expect(current).not.toHaveDriftedFrom(reference)

      this-week (300 rows) drifted from training (400 rows): 2 of 4 features drifted (share 0.5, dataset drifts at >= 0.5).
      Prediction drifted: prediction  ks              statistic 1  p 1.62e-206 < 0.05  effect 9.933 (normed-wasserstein)  n 400 vs 300
      Drifted, worst first:
        income   ks              statistic 1  p 1.62e-206 < 0.05  effect 9.933 (normed-wasserstein)  n 400 vs 300
        segment  z               statistic -12.21  p 2.71e-34 < 0.05  effect 0.336 (jensen-shannon)  n 400 vs 300
      Not drifted:
        score    ks              statistic 0.09417  p 0.09049 >= 0.05  effect 0.2444 (normed-wasserstein)  n 400 vs 300
        age      ks              statistic 0.04083  p 0.9276 >= 0.05  effect 0.06846 (normed-wasserstein)  n 400 vs 300"
    `)
  })

  test('.not on small samples: the warnings', async () => {
    const random = seedrandom('small')
    const small = { x: normals(12, 3, random) }
    const reference = { x: normals(20, 0, random) }
    expect(await failureSnapshot(() => expect(small).not.toHaveDriftedFrom(reference, { correction: 'bonferroni' }))).toMatchInlineSnapshot(`
      "expect(current).not.toHaveDriftedFrom(reference)

      current (12 rows) drifted from reference (20 rows): 1 of 1 features drifted (share 1, dataset drifts at >= 0.5), bonferroni correction.
      Drifted, worst first:
        x  ks              statistic 0.8  p 2.87e-5 (adjusted; raw 2.87e-5) < 0.05  effect 2.305 (normed-wasserstein)  n 20 vs 12
      Warnings:
        - x: only 12 current values (< 30): the ks result means little"
    `)
  })

  test('without .not: nothing drifted', async () => {
    const { reference, current } = samples(0)
    expect(await failureSnapshot(() => expect(current).toHaveDriftedFrom(reference))).toMatchInlineSnapshot(`
      "expect(current).toHaveDriftedFrom(reference)

      Expected current (300 rows) to have drifted from reference (400 rows), but 0 of 4 features drifted (share 0, dataset drifts at >= 0.5).
      Not drifted:
        score    ks              statistic 0.09417  p 0.09049 >= 0.05  effect 0.2444 (normed-wasserstein)  n 400 vs 300
        segment  z               statistic -1.313  p 0.1891 >= 0.05  effect 0.03536 (jensen-shannon)  n 400 vs 300
        income   ks              statistic 0.04167  p 0.9165 >= 0.05  effect 0.07549 (normed-wasserstein)  n 400 vs 300
        age      ks              statistic 0.04083  p 0.9276 >= 0.05  effect 0.06846 (normed-wasserstein)  n 400 vs 300"
    `)
  })
})

describe('toHaveSkewFrom messages', () => {
  test('.not: a units bug and a renamed category', async () => {
    const serving = { ...features('serve', 1000, 'units'), country: features('serve', 1000, 'codes')['country'] }
    expect(await failureSnapshot(() => expect(serving).not.toHaveSkewFrom(features('train', 2000)))).toMatchInlineSnapshot(`
      "expect(serving).not.toHaveSkewFrom(training)

      serving is skewed from training: 2 of 3 features differ beyond their thresholds.
      Skewed, worst first:
        income   jensen-shannon  0.855 > 0.1  most moved: < 20270 0.05 -> 1  n 2000 vs 1000
        country  l-infinity      0.254 > 0.1  most moved: GB 0.254 -> 0  n 2000 vs 1000
      Within threshold:
        age      jensen-shannon  0.006161 <= 0.1  most moved: [27, 31) 0.057 -> 0.079  n 2000 vs 1000"
    `)
  })

  test('without .not: no skew', async () => {
    expect(await failureSnapshot(() => expect(features('serve', 1000)).toHaveSkewFrom(features('train', 2000)))).toMatchInlineSnapshot(`
      "expect(serving).toHaveSkewFrom(training)

      Expected serving to be skewed from training, but all 3 features are within their thresholds.
      Within threshold:
        country  l-infinity      0.0335 <= 0.1  most moved: US 0.5865 -> 0.62  n 2000 vs 1000
        age      jensen-shannon  0.006161 <= 0.1  most moved: [27, 31) 0.057 -> 0.079  n 2000 vs 1000
        income   jensen-shannon  0.003682 <= 0.1  most moved: [65850, 73280) 0.05 -> 0.064  n 2000 vs 1000"
    `)
  })
})

describe('toMatchPipeline messages', () => {
  test('serving scales by the batch max, training by the training max', async () => {
    // The first batch's largest income is 80,000 where training's was 200,000: 80,000 becomes 1 instead of 0.4.
    expect(
      await failureSnapshot(() => expect(preprocessServing).toMatchPipeline(preprocessTraining, { inputs: requests, batchSize: 4, seed: 1 })),
    ).toMatchInlineSnapshot(`
      "expect(serving).toMatchPipeline(training)

      preprocessServing does not match preprocessTraining: mismatch rate 1 (8 of 8 rows under the 8 given rows, each once), expected 0; largest difference 0.6.
      Worst row (#2), field "income" differs by 0.6:
        input:    {"age":null,"income":80000}
        training: {"age":0,"income":0.4}
        serving:  {"age":0,"income":1}
      Replay: { seed: 1, numRuns: 8 }"
    `)
  })

  test('a mismatch rate judged by its bound', async () => {
    const everyTenth = (batch: readonly Raw[]): Features[] =>
      preprocessTraining(batch).map((row, index) => (index % 10 === 0 ? { ...row, income: row.income + 1 } : row))
    const rows = Array.from({ length: 300 }, (_, index) => ({ age: 20 + (index % 50), income: 1000 * (index + 1) }))
    expect(
      await failureSnapshot(() => expect(everyTenth).toMatchPipeline(preprocessTraining, { inputs: rows, batchSize: 300, maxMismatchRate: 0.12, seed: 1 })),
    ).toMatchInlineSnapshot(`
      "expect(serving).toMatchPipeline(training)

      everyTenth does not match preprocessTraining: mismatch rate 0.1 (30 of 300 rows under the 300 given rows, each once); 95% upper bound 0.1332, expected < 0.12; largest difference 1.
      Worst row (#230), field "income" differs by 1:
        input:    {"age":50,"income":231000}
        training: {"age":0.625,"income":1.155}
        serving:  {"age":0.625,"income":2.1550000000000002}
      Replay: { seed: 1, numRuns: 300 }"
    `)
  })

  test('.not', async () => {
    const shared = (batch: readonly Raw[]): Features[] => preprocessTraining(batch)
    expect(await failureSnapshot(() => expect(shared).not.toMatchPipeline(preprocessTraining, { inputs: requests, seed: 2 }))).toMatchInlineSnapshot(`
      "expect(serving).not.toMatchPipeline(training)

      Expected shared to differ from preprocessTraining, but mismatch rate 0 (0 of 8 rows under the 8 given rows, each once), expected 0; largest difference 0.
      Replay: { seed: 2, numRuns: 8 }"
    `)
  })
})
