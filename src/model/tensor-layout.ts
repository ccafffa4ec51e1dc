import { VitestMlError } from '../errors.js'

/** The element types vitest-ml can feed to and read from an ONNX model. */
export type SupportedTensorType = 'float32' | 'float64' | 'int32' | 'int64' | 'uint8' | 'bool'

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

const SUPPORTED: readonly string[] = ['float32', 'float64', 'int32', 'int64', 'uint8', 'bool']

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
export function tensorLayout(
  name: string,
  type: string,
  shape: readonly (number | string)[],
  batchAxis?: number,
): TensorLayout {
  if (!SUPPORTED.includes(type)) {
    throw new VitestMlError(
      'onnxModel',
      `tensor "${name}" of type ${SUPPORTED.join(', ')}`,
      `type ${type}`,
      'vitest-ml maps JS numbers to numeric tensors only; wrap the model so its inputs and outputs are numeric.',
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
 * Copies per-row flat buffers into one batched buffer laid out for `layout` (row-major, batch at `layout.batchAxis`).
 *
 * @param layout - the tensor's layout (must have a batch axis)
 * @param rows - one flat buffer per row, all the same length
 * @param target - destination buffer of length rows.length * rowLength
 */
export function interleaveRows(layout: TensorLayout, rows: readonly ArrayLike<number>[], target: { [index: number]: number }): void {
  const batch = rows.length
  const rowLength = rows[0]?.length ?? 0
  const inner = rowLength / layout.outer
  for (let b = 0; b < batch; b++) {
    const row = rows[b] as ArrayLike<number>
    for (let o = 0; o < layout.outer; o++) {
      const from = o * inner
      const to = (o * batch + b) * inner
      for (let i = 0; i < inner; i++) target[to + i] = row[from + i] as number
    }
  }
}

/**
 * Splits a batched output buffer back into one flat number array per row.
 *
 * @param layout - the output's layout
 * @param data - the output tensor's data (numbers or bigints)
 * @param batch - the batch size the model was called with
 * @returns one array per row
 */
export function splitRows(layout: TensorLayout, data: ArrayLike<number | bigint>, batch: number): number[][] {
  const rows: number[][] = []
  if (batch === 0) return rows
  const inner = data.length / batch / layout.outer
  if (inner === 1 && layout.outer === 1) {
    for (let b = 0; b < batch; b++) rows.push([Number(data[b])])
    return rows
  }
  for (let b = 0; b < batch; b++) {
    const row = new Array<number>(layout.outer * inner)
    for (let o = 0; o < layout.outer; o++) {
      const from = (o * batch + b) * inner
      for (let i = 0; i < inner; i++) row[o * inner + i] = Number(data[from + i])
    }
    rows.push(row)
  }
  return rows
}
