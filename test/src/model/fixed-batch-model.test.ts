import { describe, expect, test } from 'vitest'
import { node, serializeModel, valueInfo } from '../../../scripts/train/onnx-graph.js'
import { onnxModel } from '../../../src/model/onnx-model.js'

/** A model exported with a fixed batch of 1: features [1, 3] -> doubled [1, 3]. */
const bytes = serializeModel({
  name: 'fixed-batch',
  description: 'doubles its input; batch fixed at 1',
  nodes: [node('Add', ['features', 'features'], ['doubled'])],
  initializers: [],
  inputs: [valueInfo('features', 'float', [1, 3])],
  outputs: [valueInfo('doubled', 'float', [1, 3])],
})

describe('onnxModel on a model exported with a fixed batch size', () => {
  test('without options the error says how to serve it', async () => {
    const model = await onnxModel(bytes, { name: 'fixed-batch.onnx' })
    await expect(model.predict([[1, 2, 3]])).rejects.toThrow(
      /expected a constant for input "features" \(it has no batch dimension\), received none\.\nHint: .*fixed batch size \(shape \[1, 3\]\), re-export it with a dynamic batch axis, or pass `batchAxes: \{ features: 0 \}` and `batchSize: 1`\./,
    )
  })

  test('with the suggested options it answers batches of any size, one row per call', async () => {
    const model = await onnxModel(bytes, { name: 'fixed-batch.onnx', batchAxes: { features: 0 }, batchSize: 1 })
    expect(
      await model.predict([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).toEqual([
      [2, 4, 6],
      [8, 10, 12],
    ])
  })
})
