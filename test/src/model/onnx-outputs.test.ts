import * as ort from 'onnxruntime-node'
import { describe, expect, test } from 'vitest'
import { onnxModel } from '../../../src/model/onnx-model.js'
import { outputLayouts, readOutputs, selectOutputs, tensorValues } from '../../../src/model/onnx-outputs.js'
import { ELEMENT_TYPES, type ElementTypeName, identityModel, QLINEAR, qlinearModel, sequenceOutputModel } from '../../support/typed-io-models.js'

describe('outputs that cannot be read do not stop a model from being tested on the others', () => {
  test('a sequence output is listed as unsupported; the tensor output beside it is served', async () => {
    const model = await onnxModel<number[]>(sequenceOutputModel(), { name: 'seq.onnx', output: 'doubled' })
    expect(model.outputs.map((output) => [output.name, output.kind])).toEqual([
      ['doubled', 'tensor'],
      ['pieces', 'unsupported'],
    ])
    expect(
      await model.predict([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual([
      [2, 4],
      [6, 8],
    ])
    await model.release()
    // the default is the first readable output
    const byDefault = await onnxModel(sequenceOutputModel())
    expect(byDefault.selected.map((output) => output.name)).toEqual(['doubled'])
    await byDefault.release()
  })

  test('selecting the sequence output says why it cannot be read and which outputs can', async () => {
    await expect(onnxModel(sequenceOutputModel(), { name: 'seq.onnx', output: ['doubled', 'pieces'] })).rejects.toThrow(
      /^onnxModel: expected an output vitest-ml can read \(one of \[doubled\]\), received "pieces", a non-tensor value \(a sequence or a map\) that is not a ZipMap\.\nHint: Select the outputs you test with `output`/,
    )
  })

  test('an output of a runtime-only type is unsupported, not a load failure', () => {
    const layouts = outputLayouts(
      [
        { name: 'packed', isTensor: true, type: 'int4', shape: ['N', 2] },
        { name: 'score', isTensor: true, type: 'float32', shape: ['N'] },
      ],
      undefined,
      {},
    )
    expect(layouts[0]).toEqual({ kind: 'unsupported', name: 'packed', reason: 'a tensor of type int4, which has no JS form here' })
    expect(selectOutputs(layouts, undefined, 'm.onnx').map((output) => output.name)).toEqual(['score'])
  })

  test('an output without whole rows for the batch is an error naming it', () => {
    const [layout] = selectOutputs(outputLayouts([{ name: 'y', isTensor: true, type: 'float32', shape: ['N', 2] }], undefined, {}), 'y', 'm.onnx')
    const results = { y: new ort.Tensor('float32', new Float32Array(3), [3]) }
    expect(() => readOutputs(results, layout === undefined ? [] : [layout], 2, 'm.onnx')).toThrow(
      /^m\.onnx: expected output "y" to hold whole rows for the 2 input rows, received 3 values \(dims \[3\], declared \[N, 2\]\)/,
    )
  })
})

/**
 * A float16 tensor of half-float bits. Where the runtime has a Float16Array (Node >= 23) onnxruntime-common wraps the
 * bits in one, which onnxruntime-node 1.30 reads as 0 bytes (onnxruntime PR #32323); the bits are handed back.
 */
function halfTensor(bits: Uint16Array, dims: readonly number[]): ort.Tensor {
  const tensor = new ort.Tensor('float16', bits, dims)
  if (!(tensor.data instanceof Uint16Array)) Object.defineProperty(tensor, 'cpuData', { value: bits })
  return tensor
}

describe('every element type in and out, as onnxruntime-node gives it', () => {
  // Reference: the same Identity model run with hand-built tensors through onnxruntime-node directly.
  const cases: readonly [ElementTypeName, readonly unknown[][], ort.Tensor, readonly unknown[][]][] = [
    ['float32', [[0.5, -1]], new ort.Tensor('float32', Float32Array.of(0.5, -1), [1, 2]), [[0.5, -1]]],
    ['float64', [[0.1, 1e300]], new ort.Tensor('float64', Float64Array.of(0.1, 1e300), [1, 2]), [[0.1, 1e300]]],
    ['float16', [[0.1, -2.5]], halfTensor(Uint16Array.of(0x2e66, 0xc100), [1, 2]), [[0.0999755859375, -2.5]]],
    ['int8', [[-128, 127]], new ort.Tensor('int8', Int8Array.of(-128, 127), [1, 2]), [[-128, 127]]],
    ['uint8', [[0, 255]], new ort.Tensor('uint8', Uint8Array.of(0, 255), [1, 2]), [[0, 255]]],
    ['int16', [[-32768, 7]], new ort.Tensor('int16', Int16Array.of(-32768, 7), [1, 2]), [[-32768, 7]]],
    ['uint16', [[65535, 7]], new ort.Tensor('uint16', Uint16Array.of(65535, 7), [1, 2]), [[65535, 7]]],
    ['int32', [[-5, 2147483647]], new ort.Tensor('int32', Int32Array.of(-5, 2147483647), [1, 2]), [[-5, 2147483647]]],
    ['uint32', [[4294967295, 0]], new ort.Tensor('uint32', Uint32Array.of(4294967295, 0), [1, 2]), [[4294967295, 0]]],
    ['int64', [[-3, 9007199254740991n]], new ort.Tensor('int64', BigInt64Array.of(-3n, 9007199254740991n), [1, 2]), [[-3, 9007199254740991]]],
    ['uint64', [[0, 2n ** 40n]], new ort.Tensor('uint64', BigUint64Array.of(0n, 2n ** 40n), [1, 2]), [[0, 2 ** 40]]],
    ['bool', [[true, 0]], new ort.Tensor('bool', Uint8Array.of(1, 0), [1, 2]), [[true, false]]],
    ['string', [['Dream', '']], new ort.Tensor('string', ['Dream', ''], [1, 2]), [['Dream', '']]],
  ]

  test.each(cases)('%s', async (type, rows, tensor, expected) => {
    const bytes = identityModel(type, ['N', 2])
    const model = await onnxModel(bytes, { name: `identity-${type}.onnx` })
    expect(model.inputs[0]?.type).toBe(type)
    const answers = await model.predict(rows)
    expect(answers).toEqual(expected)
    const session = await ort.InferenceSession.create(bytes)
    const raw = (await session.run({ x: tensor })).y as ort.Tensor
    expect(answers).toEqual([Array.from(tensorValues(raw))])
    await Promise.all([model.release(), session.release()])
  })

  test('all types are covered', () => {
    expect(cases.map(([type]) => type).sort()).toEqual(Object.keys(ELEMENT_TYPES).sort())
  })

  test('a one-value-per-row output comes back as values, not one-element arrays', async () => {
    const model = await onnxModel(identityModel('string', ['N']))
    expect(await model.predict(['a', 'b'])).toEqual(['a', 'b'])
    await model.release()
  })
})

describe('a statically quantized (QLinear) graph: uint8 activations, int8 weights, uint8 output', () => {
  test('feeds uint8 rows and reads the uint8 and the dequantized float outputs', async () => {
    const model = await onnxModel<{ y_q: number[]; y: number[] }>(qlinearModel(), { name: 'qlinear.onnx', output: ['y_q', 'y'] })
    const [answer] = await model.predict([[10, 12, 14, 16]])
    // By hand: (a - 10) = [0, 2, 4, 6]; times W = [-10, 16]; times 0.5 * 0.25 / 1 = [-1.25, 2] -> round half even
    // [-1, 2]; + 128 = [127, 130]; dequantized (y_q - 128) * 1 = [-1, 2].
    expect(QLINEAR.aZeroPoint).toBe(10)
    expect(answer).toEqual({ y_q: [127, 130], y: [-1, 2] })
    await expect(model.predict([[10, 12, 14, 256]])).rejects.toThrow(
      /expected whole numbers from 0 to 255 in input "a_q" \(uint8\), received 256 at row 0, column 3/,
    )
    await model.release()
  })
})
