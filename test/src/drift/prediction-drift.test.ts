import seedrandom from 'seedrandom'
import { describe, expect, test } from 'vitest'
import { predictionDrift } from '../../../src/drift/prediction-drift.js'
import { functionModel } from '../../../src/model/function-model.js'
import { constantModel, miscountingModel } from '../../support/malformed-models.js'

const rows = (count: number, mean: number, seed: string): { x: number }[] => {
  const random = seedrandom(seed)
  return Array.from({ length: count }, () => ({ x: mean + Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()) }))
}

describe('predictionDrift', () => {
  const score = functionModel((input: number) => [1 / (1 + Math.exp(-input))], { name: 'score' })
  const classify = functionModel((input: number) => (input > 0.5 ? [0.2, 0.8] : [0.9, 0.1]), { name: 'classify' })

  test('scores are compared as numbers, batched, through toInput', async () => {
    const stable = await predictionDrift(score, rows(300, 0, 'a'), rows(300, 0, 'b'), { toInput: (row) => Number(row.x), batchSize: 64 })
    expect(stable).toMatchObject({ feature: 'prediction', kind: 'numeric', method: 'ks', drifted: false, referenceSize: 300, currentSize: 300 })
    const shifted = await predictionDrift(score, rows(300, 0, 'a'), rows(300, 1, 'b'), { toInput: (row) => Number(row.x) })
    expect(shifted.drifted).toBe(true)
  })

  test('class probabilities are compared as the arg-max class', async () => {
    const result = await predictionDrift(classify, rows(300, 0, 'a'), rows(300, 1, 'b'), { toInput: (row) => Number(row.x) })
    expect(result).toMatchObject({ kind: 'categorical', method: 'z', drifted: true })
  })

  test('string labels are compared as categories', async () => {
    const labeller = functionModel((input: number) => (input > 0.5 ? 'high' : 'low'), { name: 'labeller' })
    const result = await predictionDrift(labeller, rows(300, 0, 'a'), rows(300, 1, 'b'), { toInput: (row) => Number(row.x) })
    expect(result).toMatchObject({ kind: 'categorical', drifted: true })
  })

  test('a model answering nothing, or the wrong number of outputs, is an error naming the sample and the row', async () => {
    await expect(predictionDrift(constantModel({}, 'nothing'), rows(5, 0, 'a'), rows(5, 0, 'b'))).rejects.toThrow(
      /^predictionDrift: expected a prediction for every row of nothing on the reference: .*, received empty \(\{\}\) at row 0\./,
    )
    await expect(
      predictionDrift(
        miscountingModel(() => 0.5, -1),
        rows(5, 0, 'a'),
        rows(5, 0, 'b'),
        { source: 'toHaveDriftedFrom' },
      ),
    ).rejects.toThrow(/^toHaveDriftedFrom: expected oneTooFew to return one output per input \(5\), received 4 outputs\./)
  })

  test('a bad batch size is a clear error', async () => {
    await expect(predictionDrift(score, rows(3, 0, 'a'), rows(3, 0, 'b'), { batchSize: 0 })).rejects.toThrow(
      'predictionDrift: expected a whole `batchSize` >= 1, received 0.\nHint: batchSize is the number of rows per predict call, for example 1024.',
    )
  })
})
