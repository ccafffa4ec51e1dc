import { readFileSync } from 'node:fs'
import onnxProto from 'onnx-proto'
import * as ort from 'onnxruntime-node'
import { describe, expect, test } from 'vitest'
import { exposeGraphOutputs } from '../../../src/model/expose-graph-outputs.js'

const { onnx } = onnxProto
const PATH = 'models/converters/penguins-logreg-zipmap.onnx'

describe('exposeGraphOutputs', () => {
  test('keeps the original bytes as a prefix and appends a ModelProto holding only the extra graph outputs', async () => {
    const bytes = new Uint8Array(readFileSync(PATH))
    const exposed = exposeGraphOutputs(bytes, ['probabilities'])
    expect(Buffer.from(exposed.subarray(0, bytes.length)).equals(Buffer.from(bytes))).toBe(true)
    const appended = onnx.ModelProto.toObject(onnx.ModelProto.decode(exposed.subarray(bytes.length)))
    expect(appended).toEqual({ graph: { output: [{ name: 'probabilities', type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT } } }] } })
    // onnxruntime's protobuf parser merges the two graph messages (protobuf's rule for a repeated embedded message)
    const session = await ort.InferenceSession.create(exposed)
    expect(session.outputNames).toEqual(['output_label', 'output_probability', 'probabilities'])
    expect(session.inputNames).toEqual(['float_input'])
    await session.release()
  })

  test('onnxruntime runs the merged bytes and returns the exposed tensor with the original outputs unchanged', async () => {
    const bytes = new Uint8Array(readFileSync(PATH))
    const session = await ort.InferenceSession.create(exposeGraphOutputs(bytes, ['probabilities']))
    const plain = await ort.InferenceSession.create(bytes)
    const feeds = { float_input: new ort.Tensor('float32', Float32Array.of(39.1, 18.7, 181, 3750, 46.1, 13.2, 211, 4500), [2, 4]) }
    const out = await session.run(feeds, ['output_label', 'probabilities'])
    expect(out.probabilities?.dims).toEqual([2, 3])
    expect(Array.from(out.output_label?.data as BigInt64Array)).toEqual(
      Array.from((await plain.run(feeds, ['output_label'])).output_label?.data as BigInt64Array),
    )
    // each probability row sums to 1 (the Normalizer's L1 output) and its argmax is the label
    const probabilities = out.probabilities!.data as Float32Array
    const rows = [Array.from(probabilities.subarray(0, 3)), Array.from(probabilities.subarray(3))]
    rows.forEach((row, i) => {
      expect(row.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 6)
      expect(row.indexOf(Math.max(...row))).toBe(Number((out.output_label!.data as BigInt64Array)[i]))
    })
    await Promise.all([session.release(), plain.release()])
  })
})
