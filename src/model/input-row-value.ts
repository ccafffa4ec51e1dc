import { VitestMlError } from '../util/errors.js'
import { describeElement } from './tensor-element-writer.js'
import type { TensorLayout } from './tensor-layout.js'

/** One element as JS gives it: a number, a bigint (int64), a string, a boolean, or `null` for a missing value. */
export type OnnxScalar = number | bigint | string | boolean | null

/**
 * What one row gives one input: a single value (for inputs of one value per row, such as skl2onnx's `[N, 1]` column
 * inputs), a flat array or typed array of the row's values in row-major order, or nested arrays in the row's shape
 * (`[1, 8, 8]` for an image input `[batch, 1, 8, 8]`).
 */
export type OnnxInputValue = OnnxScalar | ArrayLike<number> | readonly OnnxInputValue[]

/** Fill values and the like that decide what a row that leaves an input out gets. */
export interface RowValueOptions {
  /** A constant for per-row inputs the rows leave out. */
  readonly fill?: Readonly<Record<string, number | string | boolean>>
}

/**
 * Whether a row value is a record of inputs by name (not an array, typed array, or scalar).
 *
 * @param value - a row
 * @example
 * ```ts
 * isInputRecord({ island: 'Dream' }) // true
 * isInputRecord([1, 2]) // false
 * ```
 */
export function isInputRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value)
}

/**
 * The raw value one row gives one input: the row itself for a model with one batched input (unless the row is a
 * record), else the row's entry named after the input, else the `fill` value; a missing input is an error.
 *
 * @param row - the row
 * @param layout - the input
 * @param single - whether the model has exactly one batched input
 * @param options - fill values
 * @param index - the row's position, for errors
 * @param modelName - named in errors
 * @returns the value (a scalar, an array, a typed array or nested arrays)
 * @example
 * ```ts
 * inputValue({ island: 'Dream', mass: 3500 }, islandLayout, false, {}, 0, 'm.onnx') // 'Dream'
 * ```
 */
export function inputValue(row: unknown, layout: TensorLayout, single: boolean, options: RowValueOptions, index: number, modelName: string): unknown {
  const value = single && !isInputRecord(row) ? row : isInputRecord(row) ? row[layout.name] : undefined
  if (value !== undefined) return value
  const fill = options.fill?.[layout.name]
  const length = fixedLength(layout)
  if (fill !== undefined && length !== undefined) return length === 1 ? fill : new Array<unknown>(length).fill(fill)
  throw new VitestMlError(
    modelName,
    `row ${index} to provide input "${layout.name}"`,
    isInputRecord(row) ? `a record with keys [${Object.keys(row).join(', ')}]` : describeElement(row),
    isInputRecord(row)
      ? `Give every row a "${layout.name}" entry, or pass \`fill: { ${layout.name}: 0 }\` to onnxModel for per-row state.`
      : `The model has several inputs; pass each row as a record by input name (\`{ ${layout.name}: ... }\`).`,
  )
}

/**
 * The number of values in one row of an input, when every dimension of the row is fixed.
 *
 * @param layout - the input
 * @returns the count, or `undefined` when a dimension other than the batch is symbolic
 * @example
 * ```ts
 * fixedLength(tensorLayout('input', 'float32', ['batch', 1, 8, 8])) // 64
 * ```
 */
export function fixedLength(layout: TensorLayout): number | undefined {
  let product = 1
  for (const dim of layout.rowShape) {
    if (typeof dim !== 'number' || dim < 0) return undefined
    product *= dim
  }
  return product
}

/**
 * A row value as its flat, row-major values: a scalar becomes one value, a flat array or typed array stays as it is,
 * nested arrays are flattened after their shape is checked against the input's row shape (symbolic dimensions match
 * any size). The row's width is checked by the caller.
 *
 * @param value - what the row gives the input
 * @param layout - the input
 * @param index - the row's position, for errors
 * @param modelName - named in errors
 * @returns the flat values
 * @example
 * ```ts
 * flatRowValues([[[0, 1], [2, 3]]], tensorLayout('x', 'float32', ['N', 1, 2, 2]), 0, 'm.onnx') // [0, 1, 2, 3]
 * ```
 */
export function flatRowValues(value: unknown, layout: TensorLayout, index: number, modelName: string): ArrayLike<unknown> {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return value as unknown as ArrayLike<unknown>
  if (!Array.isArray(value)) {
    if (typeof value === 'object' && value !== null) {
      throw new VitestMlError(
        modelName,
        `input "${layout.name}" of row ${index} to be a value, an array or a typed array`,
        describeElement(value),
        `Pass ${layout.type === 'string' ? 'a string or string[]' : 'a number, number[] or a typed array'}; records are for models with several inputs, keyed by input name.`,
      )
    }
    return [value]
  }
  const first: unknown = value[0]
  if (!(Array.isArray(first) || (ArrayBuffer.isView(first) && !(first instanceof DataView)))) return value
  const shape = nestedShape(value)
  const declared = layout.rowShape
  const fits = shape.length === declared.length && declared.every((dim, axis) => typeof dim !== 'number' || dim < 0 || dim === shape[axis])
  if (!fits) throw shapeError(layout, `nested arrays of shape [${shape.join(', ')}] at row ${index}`, modelName)
  const flat: unknown[] = []
  collect(value, 0, shape, flat, () => {
    throw shapeError(layout, `ragged nested arrays at row ${index} (not every sub-array is of shape [${shape.slice(1).join(', ')}])`, modelName)
  })
  return flat
}

/**
 * The shape of nested arrays, read along their first elements (`[[1, 2, 3], [4, 5, 6]]` is `[2, 3]`); a flat array
 * or typed array has one dimension, a scalar none.
 *
 * @param value - a row value
 * @returns its dimensions
 * @example
 * ```ts
 * nestedShape([[[0, 1], [2, 3]]]) // [1, 2, 2]
 * ```
 */
export function nestedShape(value: unknown): number[] {
  const shape: number[] = []
  for (let level = value; Array.isArray(level) || (ArrayBuffer.isView(level) && !(level instanceof DataView)); level = (level as ArrayLike<unknown>)[0]) {
    shape.push((level as ArrayLike<unknown>).length)
  }
  return shape
}

function collect(value: unknown, depth: number, shape: readonly number[], into: unknown[], ragged: () => never): void {
  const items = value as ArrayLike<unknown>
  if (!(Array.isArray(value) || ArrayBuffer.isView(value)) || items.length !== shape[depth]) ragged()
  if (depth === shape.length - 1) {
    for (let i = 0; i < items.length; i++) {
      const item = items[i]
      if (Array.isArray(item) || ArrayBuffer.isView(item)) ragged()
      into.push(item)
    }
    return
  }
  for (let i = 0; i < items.length; i++) collect(items[i], depth + 1, shape, into, ragged)
}

/**
 * The shape of an input as a message shows it: `[?, 1]` for skl2onnx's unnamed batch, `[batch, 1, 8, 8]`.
 *
 * @param shape - a declared shape
 * @example
 * ```ts
 * describeShape(['', 4]) // '[?, 4]'
 * ```
 */
export function describeShape(shape: readonly (number | string)[]): string {
  return `[${shape.map((dim) => (dim === '' || (typeof dim === 'number' && dim < 0) ? '?' : String(dim))).join(', ')}]`
}

/**
 * The error for a row of the wrong size or shape: the expected row shape and width, what came, and both ways to pass
 * a row (flat or nested).
 *
 * @param layout - the input
 * @param received - what came, as a phrase (`a row of width 3 at row 0`)
 * @param modelName - named in the error
 * @returns the error to throw
 * @example
 * ```ts
 * shapeError(tensorLayout('features', 'float32', ['N', 5]), 'a row of width 3 at row 0', 'm.onnx').message
 * // 'm.onnx: expected input "features" rows of width 5 (shape [N, 5]), received a row of width 3 at row 0.\nHint: ...'
 * ```
 */
export function shapeError(layout: TensorLayout, received: string, modelName: string): VitestMlError {
  const length = fixedLength(layout)
  const rowShape = describeShape(layout.rowShape)
  if (layout.rowShape.length <= 1) {
    return new VitestMlError(
      modelName,
      `input "${layout.name}" rows of ${length === undefined ? 'one width' : `width ${length}`} (shape ${describeShape(layout.shape)})`,
      received,
      'Make every row the width the model declares; check the feature order and that no column is missing.',
    )
  }
  return new VitestMlError(
    modelName,
    `input "${layout.name}" rows of shape ${rowShape}${length === undefined ? '' : ` (${length} values)`} (input shape ${describeShape(layout.shape)})`,
    received,
    `Pass each row as nested arrays of shape ${rowShape}, or flat in row-major order (a number[] or a typed array${length === undefined ? '' : ` of ${length}`}).`,
  )
}
