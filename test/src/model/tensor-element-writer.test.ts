import { describe, expect, test } from 'vitest'
import { allocateTensorData, describeElement, elementError, elementWriter, isFloatType } from '../../../src/model/tensor-element-writer.js'
import type { SupportedTensorType } from '../../../src/model/tensor-layout.js'

const place = (type: SupportedTensorType, width = 2) => ({ modelName: 'm.onnx', input: 'x', type, width })

describe('tensor element writer', () => {
  test('allocates the typed array onnxruntime-node expects for each type', () => {
    const kinds = (['float16', 'float32', 'float64', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'bool'] as const).map(
      (type) => allocateTensorData(type, 1).constructor.name,
    )
    expect(kinds).toEqual([
      'Uint16Array',
      'Float32Array',
      'Float64Array',
      'Int8Array',
      'Uint8Array',
      'Int16Array',
      'Uint16Array',
      'Int32Array',
      'Uint32Array',
      'BigInt64Array',
      'BigUint64Array',
      'Uint8Array',
    ])
    expect(allocateTensorData('string', 2)).toEqual(['', ''])
    expect(['float16', 'float64', 'int8', 'string'].map((type) => isFloatType(type as SupportedTensorType))).toEqual([true, true, false, false])
  })

  test('writes valid values and range limits exactly', () => {
    const ints = allocateTensorData('int16', 2)
    const put = elementWriter(ints, place('int16'))
    put(-32768, 0, 0, 0)
    put(32767, 1, 0, 1)
    expect(Array.from(ints as Int16Array)).toEqual([-32768, 32767])
    expect(() => put(32768, 1, 0, 1)).toThrow(
      /^m\.onnx: expected whole numbers from -32768 to 32767 in input "x" \(int16\), received 32768 at row 0, column 1\./,
    )
    const big = allocateTensorData('int64', 2)
    const putBig = elementWriter(big, place('int64'))
    putBig(2n ** 63n - 1n, 0, 0, 0)
    putBig(-5, 1, 0, 1)
    expect(Array.from(big as BigInt64Array)).toEqual([2n ** 63n - 1n, -5n])
    expect(() => putBig(2n ** 63n, 0, 0, 0)).toThrow(
      /expected whole numbers within int64 range in input "x", received bigint 9223372036854775808n at row 0, column 0\.\nHint: 9223372036854775808n does not fit in int64\./,
    )
  })

  test('each kind of wrong value has its own message', () => {
    const message = (type: SupportedTensorType, value: unknown): string => elementError(place(type, 1), value, 3, 0).message
    expect(message('float32', true)).toBe(
      'm.onnx: expected numbers in input "x", received boolean true at row 3.\nHint: Pass numbers to the float32 input "x" (1 or 0 for a boolean).',
    )
    expect(message('uint8', undefined)).toBe(
      'm.onnx: expected a value in input "x" (uint8), received undefined at row 3.\nHint: A uint8 input has no missing value; impute it the way the training pipeline did.',
    )
    expect(message('int32', Number.POSITIVE_INFINITY)).toBe(
      'm.onnx: expected finite numbers in input "x", received Infinity at row 3.\nHint: An int32 input has no NaN or Infinity; impute or drop missing values first.',
    )
    expect(message('bool', 'yes')).toMatch(/^m\.onnx: expected booleans \(true \/ false, or 1 \/ 0\) in input "x" \(bool\), received string "yes" at row 3\./)
    expect(elementError({ ...place('string'), constant: true }, 3, 0, 0).message).toMatch(
      /^m\.onnx: expected strings in the constant for input "x", received 3\.\n/,
    )
  })

  test('describes values by kind, long strings cut', () => {
    expect(['Dream', 3n, Number.NaN, false, null, [1, 2], Float32Array.of(1), {}].map(describeElement)).toEqual([
      'string "Dream"',
      'bigint 3n',
      'NaN',
      'boolean false',
      'null',
      'an array of 2',
      'a Float32Array',
      'an object',
    ])
    expect(describeElement('x'.repeat(50))).toBe(`string "${'x'.repeat(40)}…"`)
  })
})
