import type * as ort from 'onnxruntime-node'
import { VitestMlError } from '../util/errors.js'
import { describeShape, fixedLength, flatRowValues, inputValue, nestedShape, type OnnxInputValue, type OnnxScalar, shapeError } from './input-row-value.js'
import { onnxRuntime } from './onnx-runtime.js'
import { allocateTensorData, type ElementPlace, elementWriter, type TensorData } from './tensor-element-writer.js'
import { interleaveRows, type TensorLayout } from './tensor-layout.js'

export type { OnnxInputValue, OnnxScalar } from './input-row-value.js'

/**
 * One input row of an ONNX model: for a model with one batched input, its value (a flat row, a typed array, nested
 * arrays in the row's shape, or a single value such as a sentence for a `[N, 1]` text input); for several inputs, a
 * record by input name (`{ island: 'Dream', body_mass_g: 3500 }`, each value an {@link OnnxInputValue}). The type is
 * wide on purpose (rows come from arbitraries, datasets and perturbations of every shape): every value is checked
 * against the model's declared inputs when it is fed, and a value that does not fit is an error naming the input.
 */
export type OnnxRow = OnnxInputValue | readonly unknown[] | { readonly [input: string]: unknown }

/** How rows become feeds: constants for inputs without a batch dimension, fill values for per-row state. */
export interface FeedOptions {
  /** Values for inputs without a batch dimension (for example a sample rate `sr: 16000n`). */
  readonly constants?: Readonly<Record<string, Exclude<OnnxScalar, null> | readonly Exclude<OnnxScalar, null>[]>>
  /** A constant for per-row inputs the rows leave out (for example zero recurrent state `h: 0`). */
  readonly fill?: Readonly<Record<string, number | string | boolean>>
  /** Accept NaN (and `null`, read as NaN) in float inputs, for models that treat NaN as missing. @defaultValue false */
  readonly allowNaN?: boolean
}

function constantTensor(layout: TensorLayout, options: FeedOptions, modelName: string): ort.Tensor {
  const value = options.constants?.[layout.name]
  if (value === undefined) {
    const fixedBatch =
      layout.shape.length > 0
        ? ` If "${layout.name}" is the model's data input exported with a fixed batch size (shape ${describeShape(layout.shape)}), re-export it with a dynamic batch axis, or pass \`batchAxes: { ${layout.name}: 0 }\` and \`batchSize: ${layout.shape[0]}\`.`
        : ''
    throw new VitestMlError(
      modelName,
      `a constant for input "${layout.name}" (it has no batch dimension)`,
      'none',
      `Pass \`constants: { ${layout.name}: ... }\` to onnxModel.${fixedBatch}`,
    )
  }
  const values: readonly unknown[] = Array.isArray(value) ? value : [value]
  const data = allocateTensorData(layout.type, values.length)
  const put = elementWriter(data, { modelName, input: layout.name, type: layout.type, width: values.length, constant: true })
  for (const [i, v] of values.entries()) put(v, i, 0, i)
  return tensor(
    layout,
    data,
    layout.shape.map((dim) => (typeof dim === 'number' && dim >= 0 ? dim : values.length)),
  )
}

function tensor(layout: TensorLayout, data: TensorData, dims: readonly number[]): ort.Tensor {
  const made = new (onnxRuntime().Tensor)(layout.type as 'float32', data as Float32Array, dims)
  // Where the runtime has a Float16Array (Node >= 23), onnxruntime-common 1.30 turns a float16 tensor's Uint16Array
  // into a Float16Array view, which onnxruntime-node's binding reads as 0 bytes ("not enough space: expected 128, got
  // 0"; onnxruntime issue #26791, PR #32323). Hand the binding the bits it reads correctly, on this tensor only.
  if (layout.type === 'float16' && !(made.data instanceof Uint16Array) && Object.hasOwn(made, 'cpuData')) {
    Object.defineProperty(made, 'cpuData', { value: data, writable: true, configurable: true, enumerable: true })
  }
  return made
}

/** A one-value-per-row input (`[N]`, `[N, 1]`): each row gives a scalar or a one-element array, written in place. */
function columnData(layout: TensorLayout, rows: readonly unknown[], single: boolean, options: FeedOptions, modelName: string): TensorData {
  const data = allocateTensorData(layout.type, rows.length)
  const put = elementWriter(data, placeOf(layout, 1, options, modelName))
  for (let index = 0; index < rows.length; index++) {
    let value = inputValue(rows[index], layout, single, options, index, modelName)
    if (typeof value === 'object' && value !== null) {
      const values = flatRowValues(value, layout, index, modelName)
      if (values.length !== 1) throw shapeError(layout, `a row of width ${values.length} at row ${index}`, modelName)
      value = values[0]
    }
    put(value, index, index, 0)
  }
  return data
}

/** Any other input: rows are flattened (nested arrays checked against the row shape) and laid end to end. */
function rowData(
  layout: TensorLayout,
  rows: readonly unknown[],
  single: boolean,
  options: FeedOptions,
  modelName: string,
): { data: TensorData; rowDims: number[] } {
  const raw = rows.map((row, index) => inputValue(row, layout, single, options, index, modelName))
  const values = raw.map((value, index) => flatRowValues(value, layout, index, modelName))
  const width = fixedLength(layout) ?? values[0]?.length ?? 0
  const data = allocateTensorData(layout.type, width * rows.length)
  const put = elementWriter(data, placeOf(layout, width, options, modelName))
  const plainFloats = (layout.type === 'float32' || layout.type === 'float64') && options.allowNaN !== true
  values.forEach((row, index) => {
    if (row.length !== width)
      throw shapeError(layout, `a row of width ${row.length} at row ${index}${fixedLength(layout) === undefined ? ` (row 0 has ${width})` : ''}`, modelName)
    const offset = index * width
    // Fast path: a row of finite numbers (v - v is 0 only for finite numbers) is copied in one call.
    if (plainFloats) {
      let finite = true
      for (let j = 0; j < width && finite; j++) {
        const v = row[j]
        finite = typeof v === 'number' && v - v === 0
      }
      if (finite) {
        ;(data as Float32Array).set(row as ArrayLike<number>, offset)
        return
      }
    }
    for (let j = 0; j < width; j++) put(row[j], offset + j, index, j)
  })
  return { data, rowDims: rowDims(layout, width, raw, modelName) }
}

/** The sizes of a row's dimensions: declared ones, and symbolic ones worked out from the width or the nested arrays. */
function rowDims(layout: TensorLayout, width: number, raw: readonly unknown[], modelName: string): number[] {
  const free = layout.rowShape.filter((dim) => typeof dim !== 'number' || dim < 0).length
  if (free === 0) return layout.rowShape as number[]
  if (free === 1) {
    const known = layout.rowShape.reduce<number>((product, dim) => product * (typeof dim === 'number' && dim >= 0 ? dim : 1), 1)
    if (width % known !== 0) throw shapeError(layout, `a row of width ${width} (not a multiple of ${known}) at row 0`, modelName)
    return layout.rowShape.map((dim) => (typeof dim === 'number' && dim >= 0 ? dim : width / known))
  }
  const shape = nestedShape(raw[0])
  const other = raw.findIndex((value) => nestedShape(value).join() !== shape.join())
  if (shape.length !== layout.rowShape.length || other >= 0) {
    const received =
      other >= 0
        ? `rows of shapes [${shape.join(', ')}] and [${nestedShape(raw[other]).join(', ')}] (rows 0 and ${other})`
        : `a row of shape [${shape.join(', ')}] at row 0`
    throw shapeError(layout, `${received}; with several free dimensions each row must be nested arrays of one shape`, modelName)
  }
  return shape
}

function placeOf(layout: TensorLayout, width: number, options: FeedOptions, modelName: string): ElementPlace {
  return { modelName, input: layout.name, type: layout.type, width, allowNaN: options.allowNaN === true }
}

/**
 * Turns a batch of JS rows into ONNX feeds, validating every value against its input: the row's size and shape
 * (flat, typed or nested arrays), the kind of value (numbers, whole numbers in range, booleans, strings) and
 * finiteness. Inputs without a batch dimension get their `constants`.
 *
 * @param layouts - the model's input layouts
 * @param rows - the batch
 * @param options - constants, fills and NaN policy
 * @param modelName - named in errors
 * @returns feeds for `session.run`
 * @example
 * ```ts
 * buildFeeds(pipeline.inputs, [{ island: 'Dream', beak_length_mm: 45.2, ... }], {}, 'pipeline.onnx')
 * // { island: Tensor<string>[1, 1], beak_length_mm: Tensor<float32>[1, 1], ... }
 * ```
 */
export function buildFeeds(layouts: readonly TensorLayout[], rows: readonly OnnxRow[], options: FeedOptions, modelName: string): Record<string, ort.Tensor> {
  const batched = layouts.filter((layout) => layout.batchAxis >= 0)
  const single = batched.length === 1
  const feeds: Record<string, ort.Tensor> = {}
  for (const layout of layouts) {
    if (layout.batchAxis < 0) {
      feeds[layout.name] = constantTensor(layout, options, modelName)
      continue
    }
    const column = fixedLength(layout) === 1
    const { data: flat, rowDims: dimsOfRow } = column
      ? { data: columnData(layout, rows, single, options, modelName), rowDims: layout.rowShape as number[] }
      : rowData(layout, rows, single, options, modelName)
    let data = flat
    if (layout.outer !== 1) {
      data = allocateTensorData(layout.type, flat.length)
      interleaveRows(layout, flat as ArrayLike<unknown>, rows.length, data as unknown as unknown[])
    }
    const dims = [...dimsOfRow]
    dims.splice(layout.batchAxis, 0, rows.length)
    feeds[layout.name] = tensor(layout, data, dims)
  }
  return feeds
}
