import { VitestMlError } from '../util/errors.js'
import { FLOAT16_MAX, float16Writer } from './float16-bits.js'
import type { SupportedTensorType } from './tensor-layout.js'

/** The data of a tensor as onnxruntime-node takes it: a typed array per element type, a string array for strings. */
export type TensorData =
  | Float32Array
  | Float64Array
  | Uint16Array
  | Int8Array
  | Uint8Array
  | Int16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array
  | string[]

/** Where a tensor's values come from, for messages: `input "island"` or `the constant for input "sr"`. */
export interface ElementPlace {
  /** The public name that starts errors (the model's name). */
  readonly modelName: string
  /** The input's name. */
  readonly input: string
  /** The input's element type. */
  readonly type: SupportedTensorType
  /** Values per row; `row 3` is said without a column when it is 1. */
  readonly width: number
  /** Whether the values are a constant (errors then name no row). @defaultValue false */
  readonly constant?: boolean
  /** Accept NaN (and `null`, as NaN) in float inputs. @defaultValue false */
  readonly allowNaN?: boolean
}

/** Stores one JS value at `index` of a tensor's data, or throws a `VitestMlError` naming the input, row and column. */
export type ElementWriter = (value: unknown, index: number, row: number, column: number) => void

const INTEGER_RANGES: Readonly<Partial<Record<SupportedTensorType, readonly [number, number]>>> = {
  int8: [-128, 127],
  uint8: [0, 255],
  int16: [-32768, 32767],
  uint16: [0, 65535],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
}
const BIGINT_RANGES = { int64: [-(2n ** 63n), 2n ** 63n - 1n], uint64: [0n, 2n ** 64n - 1n] } as const

/**
 * Allocates the data of a tensor of `length` elements.
 *
 * @param type - the element type
 * @param length - the element count
 * @returns a typed array of the type onnxruntime-node expects (`Uint16Array` of half-float bits for float16,
 *   `Uint8Array` for bool, an array for string)
 * @example
 * ```ts
 * allocateTensorData('int8', 4) // Int8Array(4)
 * ```
 */
export function allocateTensorData(type: SupportedTensorType, length: number): TensorData {
  switch (type) {
    case 'float16':
      return new Uint16Array(length)
    case 'float32':
      return new Float32Array(length)
    case 'float64':
      return new Float64Array(length)
    case 'int8':
      return new Int8Array(length)
    case 'uint8':
    case 'bool':
      return new Uint8Array(length)
    case 'int16':
      return new Int16Array(length)
    case 'uint16':
      return new Uint16Array(length)
    case 'int32':
      return new Int32Array(length)
    case 'uint32':
      return new Uint32Array(length)
    case 'int64':
      return new BigInt64Array(length)
    case 'uint64':
      return new BigUint64Array(length)
    case 'string':
      return new Array<string>(length).fill('')
  }
}

/**
 * Whether an element type holds floating-point numbers (the only kind where NaN can stand for a missing value).
 *
 * @param type - the element type
 * @example
 * ```ts
 * isFloatType('float16') // true
 * ```
 */
export function isFloatType(type: SupportedTensorType): boolean {
  return type === 'float32' || type === 'float64' || type === 'float16'
}

/**
 * A writer that validates each JS value against the tensor's element type and stores it: finite numbers for floats
 * (within ±65504 for float16, written as half-float bits), whole numbers in range for integers (bigints too for
 * int64 / uint64), `true` / `false` or 1 / 0 for bool, strings for string. Anything else is an error that names the
 * input, the expected kind, the value and its row and column; nothing is coerced silently.
 *
 * @param data - the tensor data (from {@link allocateTensorData} for `place.type`)
 * @param place - which input the values belong to
 * @returns the writer
 * @example
 * ```ts
 * const data = allocateTensorData('string', 2)
 * const put = elementWriter(data, { modelName: 'm.onnx', input: 'island', type: 'string', width: 1 })
 * put('Dream', 0, 0, 0) // data: ['Dream', '']
 * put(3, 1, 1, 0) // throws: m.onnx: expected strings in input "island", received 3 at row 1. Hint: ...
 * ```
 */
export function elementWriter(data: TensorData, place: ElementPlace): ElementWriter {
  const { type } = place
  if (type === 'string') {
    const strings = data as string[]
    return (value, index, row, column) => {
      if (typeof value !== 'string') throw elementError(place, value, row, column)
      strings[index] = value
    }
  }
  if (type === 'bool') {
    const bytes = data as Uint8Array
    return (value, index, row, column) => {
      if (value === true || value === 1) bytes[index] = 1
      else if (value === false || value === 0) bytes[index] = 0
      else throw elementError(place, value, row, column)
    }
  }
  if (type === 'int64' || type === 'uint64') {
    const [min, max] = BIGINT_RANGES[type]
    const big = data as BigInt64Array | BigUint64Array
    return (value, index, row, column) => {
      const whole = typeof value === 'number' && Number.isInteger(value) ? BigInt(value) : value
      if (typeof whole !== 'bigint' || whole < min || whole > max) throw elementError(place, value, row, column)
      big[index] = whole
    }
  }
  const range = INTEGER_RANGES[type]
  if (range !== undefined) {
    const [min, max] = range
    const ints = data as Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array
    return (value, index, row, column) => {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw elementError(place, value, row, column)
      ints[index] = value
    }
  }
  const allowNaN = place.allowNaN === true
  if (type === 'float16') {
    const write = float16Writer(data as Uint16Array)
    return (value, index, row, column) => {
      if (typeof value === 'number' && value - value === 0 && value <= FLOAT16_MAX && value >= -FLOAT16_MAX) write(index, value)
      else if (allowNaN && (value === null || Number.isNaN(value))) write(index, Number.NaN)
      else throw elementError(place, value, row, column)
    }
  }
  const floats = data as Float32Array | Float64Array
  return (value, index, row, column) => {
    // A finite number (v - v is 0 only for finite numbers) goes straight in.
    if (typeof value === 'number' && value - value === 0) floats[index] = value
    else if (allowNaN && (value === null || Number.isNaN(value))) floats[index] = Number.NaN
    else throw elementError(place, value, row, column)
  }
}

/**
 * The error for a value an input cannot take: what the input takes, the value, where it was, and how to fix it.
 *
 * @param place - which input
 * @param value - the value that did not fit
 * @param row - its row
 * @param column - its position in the row
 * @returns the error to throw
 * @example
 * ```ts
 * elementError({ modelName: 'm.onnx', input: 'features', type: 'float32', width: 5 }, 'Dream', 0, 4).message
 * // 'm.onnx: expected numbers in input "features", received string "Dream" at row 0, column 4.\nHint: Encode ...'
 * ```
 */
export function elementError(place: ElementPlace, value: unknown, row: number, column: number): VitestMlError {
  const { type, input } = place
  const subject = place.constant === true ? `the constant for input "${input}"` : `input "${input}"`
  const where = place.constant === true ? '' : ` at row ${row}${place.width > 1 ? `, column ${column}` : ''}`
  const fail = (kind: string, hint: string, typed = true): VitestMlError =>
    new VitestMlError(place.modelName, `${kind} in ${subject}${typed ? ` (${type})` : ''}`, `${describeElement(value)}${where}`, hint)
  if (value === null || value === undefined) {
    return fail(
      'a value',
      isFloatType(type)
        ? 'Impute or drop missing values first, or pass `allowNaN: true` if the model handles NaN.'
        : `${article(type)} ${type} input has no missing value; impute it the way the training pipeline did.`,
    )
  }
  if (type === 'string') {
    return fail(
      'strings',
      `"${input}" takes text, such as a category name (\`{ ${input}: 'Dream' }\`); pass the value as a string, not as a number or a code.`,
      false,
    )
  }
  if (type === 'bool') return fail('booleans (true / false, or 1 / 0)', `"${input}" is a bool input; pass true or false.`)
  if (typeof value === 'bigint') {
    return type === 'int64' || type === 'uint64'
      ? fail(`whole numbers within ${type} range`, `${value}n does not fit in ${type}.`, false)
      : fail('numbers', `Pass bigints only to int64 or uint64 inputs; "${input}" is ${type}.`, false)
  }
  if (typeof value !== 'number') {
    return fail(
      'numbers',
      typeof value === 'string'
        ? `Encode categorical values as numbers before calling the model; "${input}" is ${type}.`
        : `Pass numbers to the ${type} input "${input}"${typeof value === 'boolean' ? ' (1 or 0 for a boolean)' : ''}.`,
      false,
    )
  }
  if (!Number.isFinite(value)) {
    return fail(
      'finite numbers',
      isFloatType(type)
        ? 'Impute or drop missing values first, or pass `allowNaN: true` if the model handles NaN.'
        : `${article(type)} ${type} input has no NaN or Infinity; impute or drop missing values first.`,
      false,
    )
  }
  if (type === 'float16') {
    return fail(`numbers within ±${FLOAT16_MAX}`, 'The model would read the value as Infinity; scale the input the way the training pipeline did.')
  }
  const range = INTEGER_RANGES[type]
  if (!Number.isInteger(value) || range === undefined) {
    return fail('whole numbers', 'Integer inputs take codes or counts; round or encode the value before calling the model.')
  }
  return fail(
    `whole numbers from ${range[0]} to ${range[1]}`,
    `${article(type)} ${type} input holds ${range[0]}..${range[1]}; scale or clip the value the way the training pipeline did (a model quantized inside usually takes float32).`,
  )
}

function article(type: SupportedTensorType): string {
  return type.startsWith('int') ? 'An' : 'A'
}

/**
 * Describes one element value for a message: `string "Dream"`, `bigint 3750n`, `NaN`, `boolean true`, `null`.
 *
 * @param value - the value
 * @example
 * ```ts
 * describeElement('Dream') // 'string "Dream"'
 * ```
 */
export function describeElement(value: unknown): string {
  if (typeof value === 'string') return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`
  if (typeof value === 'bigint') return `bigint ${value}n`
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return `boolean ${value}`
  if (value === null || value === undefined) return String(value)
  if (Array.isArray(value)) return `an array of ${value.length}`
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`
  return typeof value === 'object' ? 'an object' : typeof value
}
