import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { falsePositivesAndNegatives, falsePositivesAndNegativesRecord } from '../../../src/evaluation/false-positives-and-negatives.js'
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

const scorer = (scores: readonly number[]): Model<number, number> => ({
  identity: { name: 'scorer' },
  predict: (batch) => Promise.resolve(batch.map((i) => scores[i] as number)),
  release: () => Promise.resolve(),
})

describe('falsePositivesAndNegatives', () => {
  it('lists binary false positives and negatives, most confident first', async () => {
    const scores = [0.9, 0.6, 0.2, 0.45, 0.95, 0.1]
    const result = await falsePositivesAndNegatives(scorer(scores), {
      data: { inputs: [0, 1, 2, 3, 4, 5], labels: [0, 0, 1, 1, 1, 0] },
      threshold: 0.5,
      positiveLabel: 1,
    })
    expect(result.errors).toBe(4)
    expect(result.classes).toHaveLength(1)
    const [positive] = result.classes
    expect(positive?.falsePositives).toBe(2)
    expect(positive?.topFalsePositives.map((example) => [example.index, example.confidence])).toEqual([
      [0, 0.9],
      [1, 0.6],
    ])
    expect(positive?.falseNegatives).toBe(2)
    expect(positive?.topFalseNegatives.map((example) => example.index)).toEqual([3, 2])
  })

  it('reviews every class of the weak penguin model one-vs-rest, and makes a report record', async () => {
    const result = await falsePositivesAndNegatives(weak, { data: held, classes: classNames, maxListed: 3 })
    expect(result.classes.map((item) => item.label)).toEqual(classNames)
    const totalFalsePositives = result.classes.reduce((sum, item) => sum + item.falsePositives, 0)
    const totalFalseNegatives = result.classes.reduce((sum, item) => sum + item.falseNegatives, 0)
    expect(totalFalsePositives).toBe(result.errors)
    expect(totalFalseNegatives).toBe(result.errors)
    expect(result.errors).toBe(22)
    for (const item of result.classes) {
      expect(item.topFalsePositives.length).toBeLessThanOrEqual(3)
      const confidences = item.topFalsePositives.map((example) => example.confidence)
      expect(confidences).toEqual([...confidences].sort((left, right) => right - left))
      for (const example of item.topFalsePositives) expect(example.predicted).toBe(item.label)
    }
    const record = falsePositivesAndNegativesRecord(result, { id: 'review:penguins-weak', maxErrorRate: 0.2 })
    expect(record).toMatchObject({ kind: 'review', checklist: ['review-false-positives-negatives'], passed: false, metrics: { errors: 22, rows: 86 } })
    expect(record.model?.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.parse(JSON.stringify(record.counterexample))).toEqual(record.counterexample)
  })
})
