/**
 * Small helpers to assemble an ONNX model with `onnx-proto`: float and int64 initializers, nodes with attributes,
 * named graph inputs/outputs with a symbolic batch dimension, and a deterministic serializer (opset 17, IR version 8,
 * producer `vitest-ml`, no timestamps).
 */

import type { onnx as Onnx } from 'onnx-proto'
import onnxProto from 'onnx-proto'

const { onnx } = onnxProto

/** The ONNX opset every example model is written against. */
export const OPSET_VERSION = 17

/** The ONNX IR version every example model declares. */
export const IR_VERSION = 8

/** Element types used by the example models (values of `TensorProto.DataType`). */
export const ElementType = { float: 1, int64: 7 } as const

/** One of the element types in {@link ElementType}. */
export type ElementTypeName = keyof typeof ElementType

/** One dimension of a graph input/output: a fixed size or a symbolic name such as `'N'`. */
export type Dimension = number | string

/** An attribute value: a float, an int, or a list of ints. */
export type AttributeValue = { readonly float: number } | { readonly int: number } | { readonly ints: readonly number[] }

/**
 * A float32 initializer.
 * @param name - the tensor name nodes refer to
 * @param dims - the tensor shape
 * @param values - row-major values; their count must match the shape
 * @example floatTensor('mean', [4], [43.9, 17.2, 200.9, 4201]) // TensorProto of FLOAT
 */
export function floatTensor(name: string, dims: readonly number[], values: ArrayLike<number>): Onnx.ITensorProto {
  checkSize(name, dims, values.length)
  return { name, dims: [...dims], dataType: ElementType.float, floatData: Array.from(values, (value) => Math.fround(value)) }
}

/**
 * An int64 initializer (e.g. the column indices of a `Gather`).
 * @param name - the tensor name nodes refer to
 * @param dims - the tensor shape
 * @param values - row-major integer values
 * @example int64Tensor('columns', [4], [0, 1, 2, 3])
 */
export function int64Tensor(name: string, dims: readonly number[], values: readonly number[]): Onnx.ITensorProto {
  checkSize(name, dims, values.length)
  if (!values.every(Number.isSafeInteger)) {
    throw new TypeError(`int64Tensor: expected safe integers in ${name}, received ${values.join(', ')}.\nHint: round the values first.`)
  }
  return { name, dims: [...dims], dataType: ElementType.int64, int64Data: [...values] }
}

function checkSize(name: string, dims: readonly number[], count: number): void {
  const expected = dims.reduce((product, dim) => product * dim, 1)
  if (expected !== count) {
    throw new RangeError(`onnx-graph: tensor ${name} of shape [${dims.join(', ')}] needs ${expected} values, received ${count}.\nHint: check the shape.`)
  }
}

/**
 * A graph node.
 * @param opType - the ONNX operator, e.g. `'Gemm'`
 * @param inputs - names of the input tensors
 * @param outputs - names of the output tensors
 * @param attributes - operator attributes by name
 * @example node('ArgMax', ['probabilities'], ['label'], { axis: { int: 1 }, keepdims: { int: 0 } })
 */
export function node(
  opType: string,
  inputs: readonly string[],
  outputs: readonly string[],
  attributes: Readonly<Record<string, AttributeValue>> = {},
): Onnx.INodeProto {
  const attribute = Object.entries(attributes).map(([name, value]): Onnx.IAttributeProto => {
    if ('float' in value) return { name, type: onnx.AttributeProto.AttributeType.FLOAT, f: value.float }
    if ('int' in value) return { name, type: onnx.AttributeProto.AttributeType.INT, i: value.int }
    return { name, type: onnx.AttributeProto.AttributeType.INTS, ints: [...value.ints] }
  })
  const name = `${opType}_${outputs[0] ?? 'out'}`
  return { name, opType, input: [...inputs], output: [...outputs], attribute }
}

/**
 * A named graph input or output with its element type and shape.
 * @param name - the tensor name seen by the runtime
 * @param elementType - `'float'` or `'int64'`
 * @param dims - the shape; strings are symbolic dimensions
 * @example valueInfo('features', 'float', ['N', 5])
 */
export function valueInfo(name: string, elementType: ElementTypeName, dims: readonly Dimension[]): Onnx.IValueInfoProto {
  const dim = dims.map((size): Onnx.TensorShapeProto.IDimension => (typeof size === 'number' ? { dimValue: size } : { dimParam: size }))
  return { name, type: { tensorType: { elemType: ElementType[elementType], shape: { dim } } } }
}

/** Everything {@link serializeModel} needs to build one model. */
export interface GraphSpec {
  /** The graph name. */
  readonly name: string
  /** A one-line description stored as the graph's doc string. */
  readonly description: string
  readonly nodes: readonly Onnx.INodeProto[]
  readonly initializers: readonly Onnx.ITensorProto[]
  readonly inputs: readonly Onnx.IValueInfoProto[]
  readonly outputs: readonly Onnx.IValueInfoProto[]
}

/**
 * Serializes a graph to ONNX bytes: opset 17 of the default domain, IR version 8, producer `vitest-ml`. The output is a
 * pure function of the spec (no timestamps, no random ids), so the same spec gives byte-identical files.
 * @param spec - the graph
 * @returns the encoded `ModelProto`
 * @example writeFileSync('models/m.onnx', serializeModel(spec))
 */
export function serializeModel(spec: GraphSpec): Uint8Array {
  const model: Onnx.IModelProto = {
    irVersion: IR_VERSION,
    opsetImport: [{ domain: '', version: OPSET_VERSION }],
    producerName: 'vitest-ml',
    graph: {
      name: spec.name,
      docString: spec.description,
      node: [...spec.nodes],
      initializer: [...spec.initializers],
      input: [...spec.inputs],
      output: [...spec.outputs],
    },
  }
  const invalid = onnx.ModelProto.verify(model)
  if (invalid !== null) throw new Error(`serializeModel: invalid ModelProto for ${spec.name}: ${invalid}.`)
  return onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish()
}
