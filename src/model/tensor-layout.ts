import { VitestMlError } from '../util/errors.js'

/**
 * The element types vitest-ml can feed to and read from an ONNX model: floats (float16 as IEEE half-precision bits,
 * converted both ways), signed and unsigned integers (int64 / uint64 through BigInt), booleans and strings.
 */
export type SupportedTensorType =
  | 'float16'
  | 'float32'
  | 'float64'
  | 'int8'
  | 'uint8'
  | 'int16'
  | 'uint16'
  | 'int32'
  | 'uint32'
  | 'int64'
  | 'uint64'
  | 'bool'
  | 'string'

/** Where the batch dimension sits in a tensor and what one row of it looks like. */
export interface TensorLayout {
  /** Input or output name. */
  readonly name: string
  /** Element type. */
  readonly type: SupportedTensorType
  /** Full declared shape, symbolic dims as strings. */
  readonly shape: readonly (number | string)[]
  /** Index of the batch dimension, or -1 when the tensor has none (a constant such as a sample rate). */
  readonly batchAxis: number
  /** Product of the fixed dims before the batch axis. */
  readonly outer: number
  /** Shape of one row (all dims except the batch axis); symbolic dims other than the batch stay as strings. */
  readonly rowShape: readonly (number | string)[]
}

const SUPPORTED: readonly string[] = [
  'float16',
  'float32',
  'float64',
  'int8',
  'uint8',
  'int16',
  'uint16',
  'int32',
  'uint32',
  'int64',
  'uint64',
  'bool',
  'string',
]

/**
 * Works out the batch layout of a declared tensor: the batch axis is the first symbolic (named or unknown) dimension,
 * unless `batchAxis` overrides it.
 *
 * @param name - input or output name
 * @param type - element type from the model metadata
 * @param shape - declared shape from the model metadata
 * @param batchAxis - explicit batch axis, or -1 for "no batch dimension"
 * @returns the layout
 * @example
 * ```ts
 * tensorLayout('h', 'float32', [2, 'batch', 64]) // { batchAxis: 1, outer: 2, rowShape: [2, 64], ... }
 * ```
 */
export function tensorLayout(name: string, type: string, shape: readonly (number | string)[], batchAxis?: number): TensorLayout {
  if (!SUPPORTED.includes(type)) {
    throw new VitestMlError(
      'onnxModel',
      `tensor "${name}" of a type vitest-ml reads and writes (${SUPPORTED.join(', ')})`,
      `type ${type}`,
      'Packed types (int4, uint4, float8) and complex numbers have no JS form here; for an output, select only the outputs you test with `output`; for an input, add a Cast to the model.',
    )
  }
  const axis = batchAxis ?? shape.findIndex((dim) => typeof dim === 'string' || dim < 0)
  if (axis >= shape.length) {
    throw new VitestMlError('onnxModel', `a batch axis below ${shape.length} for "${name}"`, `batchAxis ${axis}`, 'Check the `batchAxes` option.')
  }
  const outer = axis <= 0 ? 1 : shape.slice(0, axis).reduce<number>((product, dim) => product * (typeof dim === 'number' ? dim : 1), 1)
  const rowShape = axis < 0 ? shape : shape.filter((_, index) => index !== axis)
  return { name, type: type as SupportedTensorType, shape, batchAxis: axis, outer, rowShape }
}

/**
 * Lays a batch-first buffer (row `b` at `[b * width, (b + 1) * width)`) out for a tensor whose batch axis is not the
 * first: the fixed dims before the batch axis (`layout.outer`) become the outermost.
 *
 * @param layout - the tensor's layout (must have a batch axis)
 * @param flat - the rows end to end
 * @param batch - how many rows
 * @param target - destination of the same length, in the tensor's row-major order
 * @example
 * ```ts
 * // h: [2, batch, 1], two rows [1, 2] and [3, 4] -> [1, 3, 2, 4]
 * interleaveRows(tensorLayout('h', 'float32', [2, 'batch', 1]), [1, 2, 3, 4], 2, target)
 * ```
 */
export function interleaveRows<T>(layout: TensorLayout, flat: ArrayLike<T>, batch: number, target: { [index: number]: T }): void {
  if (batch === 0) return
  const width = flat.length / batch
  const inner = width / layout.outer
  for (let b = 0; b < batch; b++) {
    for (let o = 0; o < layout.outer; o++) {
      const from = b * width + o * inner
      const to = (o * batch + b) * inner
      for (let i = 0; i < inner; i++) target[to + i] = flat[from + i] as T
    }
  }
}

/**
 * Splits a batched output buffer back into one flat array per row (the inverse of {@link interleaveRows}).
 *
 * @param layout - the output's layout
 * @param data - the output tensor's values, already read as JS values
 * @param batch - the batch size the model was called with
 * @returns one array per row
 * @example
 * ```ts
 * splitRows(tensorLayout('p', 'float32', ['N', 2]), [0.1, 0.9, 0.8, 0.2], 2) // [[0.1, 0.9], [0.8, 0.2]]
 * ```
 */
export function splitRows<T>(layout: TensorLayout, data: ArrayLike<T>, batch: number): T[][] {
  const rows: T[][] = []
  if (batch === 0) return rows
  const outer = Math.max(layout.outer, 1)
  const inner = data.length / batch / outer
  for (let b = 0; b < batch; b++) {
    const row = new Array<T>(outer * inner)
    for (let o = 0; o < outer; o++) {
      const from = (o * batch + b) * inner
      for (let i = 0; i < inner; i++) row[o * inner + i] = data[from + i] as T
    }
    rows.push(row)
  }
  return rows
}
