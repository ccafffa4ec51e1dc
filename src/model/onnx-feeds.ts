import * as ort from 'onnxruntime-node'
import { VitestMlError } from '../errors.js'
import { interleaveRows, type TensorLayout } from './tensor-layout.js'

/** One input row of an ONNX model: a flat numeric row for single-input models, or a record by input name. */
export type OnnxRow = ArrayLike<number> | { readonly [input: string]: ArrayLike<number> | number | bigint }

/** How rows become feeds: constants for inputs without a batch dimension, fill values for per-row state. */
export interface FeedOptions {
  /** Values for inputs without a batch dimension (for example a sample rate `sr: 16000n`). */
  readonly constants?: Readonly<Record<string, number | bigint | readonly number[]>>
  /** A constant for per-row inputs the rows leave out (for example zero recurrent state `h: 0`). */
  readonly fill?: Readonly<Record<string, number>>
  /** Accept NaN in inputs (for models that treat NaN as missing). @defaultValue false */
  readonly allowNaN?: boolean
}

type TypedBuffer = Float32Array | Float64Array | Int32Array | BigInt64Array | Uint8Array

function allocate(type: TensorLayout['type'], length: number): TypedBuffer {
  switch (type) {
    case 'float32': return new Float32Array(length)
    case 'float64': return new Float64Array(length)
    case 'int32': return new Int32Array(length)
    case 'int64': return new BigInt64Array(length)
    case 'uint8': case 'bool': return new Uint8Array(length)
  }
}

function fixedLength(layout: TensorLayout): number | undefined {
  if (layout.rowShape.some((dim) => typeof dim !== 'number' || dim < 0)) return undefined
  return layout.rowShape.reduce<number>((product, dim) => product * (dim as number), 1)
}

function rowValue(row: OnnxRow, layout: TensorLayout, single: boolean, options: FeedOptions, index: number, modelName: string): ArrayLike<number> {
  const value = single && isArrayLike(row) ? row : (row as Record<string, unknown>)[layout.name]
  if (value === undefined) {
    const fill = options.fill?.[layout.name]
    const length = fixedLength(layout)
    if (fill !== undefined && length !== undefined) return new Array<number>(length).fill(fill)
    throw new VitestMlError(
      modelName,
      `row ${index} to provide input "${layout.name}"`,
      single ? describe(row) : `a record with keys [${Object.keys(row).join(', ')}]`,
      `Give every row a "${layout.name}" entry, or pass \`fill: { ${layout.name}: 0 }\` to onnxModel for per-row state.`,
    )
  }
  if (typeof value === 'number' || typeof value === 'bigint') return [Number(value)]
  if (!isArrayLike(value)) {
    throw new VitestMlError(modelName, `input "${layout.name}" of row ${index} to be an array of numbers`, describe(value), 'Pass number[] or a typed array.')
  }
  return value
}

function isArrayLike(value: unknown): value is ArrayLike<number> {
  return Array.isArray(value) || ArrayBuffer.isView(value)
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length}`
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`
  return value === null ? 'null' : typeof value
}

function checkRow(values: ArrayLike<number>, expected: number, layout: TensorLayout, index: number, options: FeedOptions, modelName: string): void {
  if (values.length !== expected) {
    throw new VitestMlError(
      modelName,
      `input "${layout.name}" rows of width ${expected} (shape [${layout.shape.join(', ')}])`,
      `a row of width ${values.length} at row ${index}`,
      'Make every row the width the model declares; check the feature order and that no column is missing.',
    )
  }
  const whole = isIntegerType(layout.type)
  for (let j = 0; j < values.length; j++) {
    const v = values[j] as unknown
    // Fast path: a finite number (v - v is 0 only for finite numbers), whole for integer inputs.
    if (typeof v === 'number' && v - v === 0 && (!whole || Number.isInteger(v))) continue
    checkValue(v, layout, index, j, options, modelName)
  }
}

function isIntegerType(type: TensorLayout['type']): boolean {
  return type !== 'float32' && type !== 'float64'
}

function checkValue(v: unknown, layout: TensorLayout, index: number, j: number, options: FeedOptions, modelName: string): void {
  if (typeof v === 'bigint' && layout.type === 'int64') return
  if (typeof v !== 'number') {
    throw new VitestMlError(modelName, `numbers in input "${layout.name}"`, `${typeof v} ${typeof v === 'bigint' ? `${v}n` : JSON.stringify(v)} at row ${index}, column ${j}`, typeof v === 'bigint' ? `Pass bigints only to int64 inputs; "${layout.name}" is ${layout.type}.` : 'Encode categorical values as numbers before calling the model.')
  }
  if (Number.isFinite(v)) {
    throw new VitestMlError(modelName, `whole numbers in input "${layout.name}" (${layout.type})`, `${v} at row ${index}, column ${j}`, 'Integer inputs take codes or counts; round or encode the value before calling the model.')
  }
  if (!(Number.isNaN(v) && options.allowNaN === true && !isIntegerType(layout.type))) {
    throw new VitestMlError(modelName, `finite numbers in input "${layout.name}"`, `${v} at row ${index}, column ${j}`, 'Impute or drop missing values first, or pass `allowNaN: true` if the model handles NaN.')
  }
}

function constantTensor(layout: TensorLayout, options: FeedOptions, modelName: string): ort.Tensor {
  const value = options.constants?.[layout.name]
  if (value === undefined) {
    const fixedBatch = layout.shape.length > 0 ? ` If "${layout.name}" is the model's data input exported with a fixed batch size (shape [${layout.shape.join(', ')}]), re-export it with a dynamic batch axis, or pass \`batchAxes: { ${layout.name}: 0 }\` and \`batchSize: ${layout.shape[0]}\`.` : ''
    throw new VitestMlError(modelName, `a constant for input "${layout.name}" (it has no batch dimension)`, 'none', `Pass \`constants: { ${layout.name}: ... }\` to onnxModel.${fixedBatch}`)
  }
  const values = typeof value === 'number' || typeof value === 'bigint' ? [value] : value
  const fractional = isIntegerType(layout.type) ? values.find((v) => typeof v === 'number' && !Number.isInteger(v)) : undefined
  if (fractional !== undefined) {
    throw new VitestMlError(modelName, `whole numbers in the constant for input "${layout.name}" (${layout.type})`, String(fractional), `Pass an integer, for example \`constants: { ${layout.name}: 16000n }\`.`)
  }
  const data = allocate(layout.type, values.length)
  values.forEach((v, i) => { data[i] = layout.type === 'int64' ? BigInt(v) : Number(v) })
  return new ort.Tensor(layout.type, data, layout.shape.map((dim) => (typeof dim === 'number' ? dim : values.length)))
}

/**
 * Turns a batch of JS rows into ONNX feeds, validating width, type and finiteness of every value.
 *
 * @param layouts - the model's input layouts
 * @param rows - the batch
 * @param options - constants, fills and NaN policy
 * @param modelName - named in errors
 * @returns feeds for `session.run`
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
    const values = rows.map((row, index) => rowValue(row, layout, single, options, index, modelName))
    const expected = fixedLength(layout) ?? values[0]?.length ?? 0
    const data = allocate(layout.type, expected * rows.length)
    // Rows laid end to end (batch first, not int64): validate and copy each row in one pass.
    const direct = layout.outer === 1 && layout.type !== 'int64'
    values.forEach((row, index) => {
      checkRow(row, expected, layout, index, options, modelName)
      if (direct) (data as Float32Array).set(row, index * expected)
    })
    if (!direct && layout.type === 'int64') {
      const plain = new Array<number>(data.length)
      interleaveRows(layout, values, plain)
      plain.forEach((v, k) => { (data as BigInt64Array)[k] = typeof v === 'bigint' ? v : BigInt(Math.trunc(v)) })
    } else if (!direct) {
      interleaveRows(layout, values, data as Float32Array)
    }
    const inner = expected / layout.outer
    const dims = layout.shape.map((dim, axis) => (axis === layout.batchAxis ? rows.length : typeof dim === 'number' && dim >= 0 ? dim : inner))
    feeds[layout.name] = new ort.Tensor(layout.type, data, dims)
  }
  return feeds
}
