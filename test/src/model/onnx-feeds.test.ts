import { describe, expect, test } from 'vitest'
import { buildFeeds } from '../../../src/model/onnx-feeds.js'
import { tensorLayout } from '../../../src/model/tensor-layout.js'

describe('buildFeeds on integer inputs', () => {
  const ids = tensorLayout('ids', 'int64', ['N', 2])
  const rate = tensorLayout('sr', 'int64', [], -1)

  test('whole numbers and bigints become int64 values', () => {
    const feeds = buildFeeds([ids], [[1, 2n as unknown as number], [3, 4]], {}, 'ids.onnx')
    expect(Array.from(feeds['ids']?.data as BigInt64Array)).toEqual([1n, 2n, 3n, 4n])
    expect(feeds['ids']?.dims).toEqual([2, 2])
  })

  test('a fractional value in an integer input is an error, not silently truncated', () => {
    expect(() => buildFeeds([ids], [[1, 2.7]], {}, 'ids.onnx')).toThrow(
      /^ids\.onnx: expected whole numbers in input "ids" \(int64\), received 2\.7 at row 0, column 1\.\nHint: /,
    )
    expect(() => buildFeeds([tensorLayout('mask', 'int32', ['N', 1])], [[0.5]], {}, 'mask.onnx')).toThrow(/expected whole numbers in input "mask" \(int32\), received 0\.5 at row 0, column 0/)
    // NaN has no integer encoding: `allowNaN` cannot apply to an integer input.
    expect(() => buildFeeds([ids], [[1, Number.NaN]], { allowNaN: true }, 'ids.onnx')).toThrow(/expected finite numbers in input "ids", received NaN at row 0, column 1/)
  })

  test('a fractional or non-finite constant for an integer input is a clear error', () => {
    expect(() => buildFeeds([rate], [], { constants: { sr: 16000.5 } }, 'vad.onnx')).toThrow(/^vad\.onnx: expected whole numbers in the constant for input "sr" \(int64\), received 16000\.5\.\nHint: /)
    expect(() => buildFeeds([rate], [], { constants: { sr: Number.NaN } }, 'vad.onnx')).toThrow(/expected whole numbers in the constant for input "sr" \(int64\), received NaN/)
    expect(Array.from(buildFeeds([rate], [], { constants: { sr: 16000 } }, 'vad.onnx')['sr']?.data as BigInt64Array)).toEqual([16000n])
  })
})
