// Tiny ONNX models built in memory with onnx-proto, for testing how onnxModel feeds and reads every element type:
// an Identity per type, a graph with a sequence output beside a tensor one, and a QLinearMatMul (uint8 x int8 -> uint8)
// as a quantized model writes it.

import type { onnx as Onnx } from 'onnx-proto'
import onnxProto from 'onnx-proto'

const { onnx } = onnxProto
const DataType = onnx.TensorProto.DataType

/** ONNX element type codes by the name onnxruntime-node reports. */
export const ELEMENT_TYPES = {
  float32: DataType.FLOAT,
  float64: DataType.DOUBLE,
  float16: DataType.FLOAT16,
  int8: DataType.INT8,
  uint8: DataType.UINT8,
  int16: DataType.INT16,
  uint16: DataType.UINT16,
  int32: DataType.INT32,
  uint32: DataType.UINT32,
  int64: DataType.INT64,
  uint64: DataType.UINT64,
  bool: DataType.BOOL,
  string: DataType.STRING,
} as const

/** An element type name of {@link ELEMENT_TYPES}. */
export type ElementTypeName = keyof typeof ELEMENT_TYPES

function valueInfo(name: string, elemType: number, dims: readonly (number | string)[]): Onnx.IValueInfoProto {
  return { name, type: { tensorType: { elemType, shape: { dim: dims.map((dim) => (typeof dim === 'number' ? { dimValue: dim } : { dimParam: dim })) } } } }
}

function encode(graph: Onnx.IGraphProto, opset = 17): Uint8Array {
  return onnx.ModelProto.encode({ irVersion: 8, opsetImport: [{ domain: '', version: opset }], producerName: 'vitest-ml tests', graph }).finish()
}

/**
 * `y = Identity(x)` for one element type and shape.
 * @param type - the element type of `x` and `y`
 * @param dims - their shape (strings are symbolic dims)
 * @example identityModel('float16', ['N', 1, 2, 2])
 */
export function identityModel(type: ElementTypeName, dims: readonly (number | string)[]): Uint8Array {
  return encode({
    name: `identity-${type}`,
    node: [{ opType: 'Identity', input: ['x'], output: ['y'], name: 'identity' }],
    input: [valueInfo('x', ELEMENT_TYPES[type], dims)],
    output: [valueInfo('y', ELEMENT_TYPES[type], dims)],
  })
}

/**
 * A model with a tensor output `doubled` (x + x) and a non-tensor output `pieces` (a sequence holding x), which
 * onnxruntime-node cannot return: the tensor output must stay testable.
 * @example sequenceOutputModel()
 */
export function sequenceOutputModel(): Uint8Array {
  return encode({
    name: 'sequence-output',
    node: [
      { opType: 'Add', input: ['x', 'x'], output: ['doubled'], name: 'add' },
      { opType: 'SequenceConstruct', input: ['x'], output: ['pieces'], name: 'sequence' },
    ],
    input: [valueInfo('x', DataType.FLOAT, ['N', 2])],
    output: [
      valueInfo('doubled', DataType.FLOAT, ['N', 2]),
      { name: 'pieces', type: { sequenceType: { elemType: { tensorType: { elemType: DataType.FLOAT } } } } },
    ],
  })
}

/** Quantization parameters of {@link qlinearModel}. */
export const QLINEAR = {
  aScale: 0.5,
  aZeroPoint: 10,
  weights: [
    [2, -1],
    [0, 3],
    [-4, 1],
    [1, 1],
  ],
  bScale: 0.25,
  bZeroPoint: 0,
  yScale: 1,
  yZeroPoint: 128,
} as const

/**
 * `y_q = QLinearMatMul(a_q, W)` with uint8 activations `a_q` [N, 4], int8 weights [4, 2] and a uint8 output [N, 2]:
 * the integer core of a statically quantized (QLinear) model, plus `y = DequantizeLinear(y_q)` as float.
 * @example qlinearModel()
 */
export function qlinearModel(): Uint8Array {
  const scalar = (name: string, dataType: number, value: number): Onnx.ITensorProto =>
    dataType === DataType.FLOAT ? { name, dataType, dims: [], floatData: [value] } : { name, dataType, dims: [], int32Data: [value] }
  return encode(
    {
      name: 'qlinear-matmul',
      node: [
        { opType: 'QLinearMatMul', input: ['a_q', 'a_scale', 'a_zero', 'w', 'w_scale', 'w_zero', 'y_scale', 'y_zero'], output: ['y_q'], name: 'matmul' },
        { opType: 'DequantizeLinear', input: ['y_q', 'y_scale', 'y_zero'], output: ['y'], name: 'dequantize' },
      ],
      initializer: [
        scalar('a_scale', DataType.FLOAT, QLINEAR.aScale),
        scalar('a_zero', DataType.UINT8, QLINEAR.aZeroPoint),
        { name: 'w', dataType: DataType.INT8, dims: [4, 2], int32Data: QLINEAR.weights.flat() },
        scalar('w_scale', DataType.FLOAT, QLINEAR.bScale),
        scalar('w_zero', DataType.INT8, QLINEAR.bZeroPoint),
        scalar('y_scale', DataType.FLOAT, QLINEAR.yScale),
        scalar('y_zero', DataType.UINT8, QLINEAR.yZeroPoint),
      ],
      input: [valueInfo('a_q', DataType.UINT8, ['N', 4])],
      output: [valueInfo('y_q', DataType.UINT8, ['N', 2]), valueInfo('y', DataType.FLOAT, ['N', 2])],
    },
    13,
  )
}
