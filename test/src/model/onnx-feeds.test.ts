import { describe, expect, test } from 'vitest'
import { buildFeeds } from '../../../src/model/onnx-feeds.js'
import { tensorLayout } from '../../../src/model/tensor-layout.js'

describe('buildFeeds on integer inputs', () => {
  const ids = tensorLayout('ids', 'int64', ['N', 2])
  const rate = tensorLayout('sr', 'int64', [], -1)

  test('whole numbers and bigints become int64 values', () => {
    const feeds = buildFeeds(
      [ids],
      [
        [1, 2n as unknown as number],
        [3, 4],
      ],
      {},
      'ids.onnx',
    )
    expect(Array.from(feeds['ids']?.data as BigInt64Array)).toEqual([1n, 2n, 3n, 4n])
    expect(feeds['ids']?.dims).toEqual([2, 2])
  })

  test('a fractional value in an integer input is an error, not silently truncated', () => {
    expect(() => buildFeeds([ids], [[1, 2.7]], {}, 'ids.onnx')).toThrow(
      /^ids\.onnx: expected whole numbers in input "ids" \(int64\), received 2\.7 at row 0, column 1\.\nHint: /,
    )
    expect(() => buildFeeds([tensorLayout('mask', 'int32', ['N', 1])], [[0.5]], {}, 'mask.onnx')).toThrow(
      /expected whole numbers in input "mask" \(int32\), received 0\.5 at row 0\.\nHint: /,
    )
    // NaN has no integer encoding: `allowNaN` cannot apply to an integer input.
    expect(() => buildFeeds([ids], [[1, Number.NaN]], { allowNaN: true }, 'ids.onnx')).toThrow(
      /expected finite numbers in input "ids", received NaN at row 0, column 1/,
    )
  })

  test('a fractional or non-finite constant for an integer input is a clear error', () => {
    expect(() => buildFeeds([rate], [], { constants: { sr: 16000.5 } }, 'vad.onnx')).toThrow(
      /^vad\.onnx: expected whole numbers in the constant for input "sr" \(int64\), received 16000\.5\.\nHint: /,
    )
    expect(() => buildFeeds([rate], [], { constants: { sr: Number.NaN } }, 'vad.onnx')).toThrow(
      /expected finite numbers in the constant for input "sr", received NaN\.\nHint: An int64 input has no NaN/,
    )
    expect(Array.from(buildFeeds([rate], [], { constants: { sr: 16000 } }, 'vad.onnx')['sr']?.data as BigInt64Array)).toEqual([16000n])
  })
})

describe('buildFeeds on string column inputs (skl2onnx ColumnTransformer exports)', () => {
  const island = tensorLayout('island', 'string', ['', 1])
  const mass = tensorLayout('body_mass_g', 'float32', ['', 1])
  const text = tensorLayout('text', 'string', ['', 1])

  test('rows by input name take plain values or one-element arrays', () => {
    const feeds = buildFeeds(
      [island, mass],
      [
        { island: 'Dream', body_mass_g: 3500 },
        { island: ['Biscoe'], body_mass_g: [4200] },
      ],
      {},
      'pipeline.onnx',
    )
    expect(feeds['island']?.type).toBe('string')
    expect(feeds['island']?.data).toEqual(['Dream', 'Biscoe'])
    expect(feeds['island']?.dims).toEqual([2, 1])
    expect(Array.from(feeds['body_mass_g']?.data as Float32Array)).toEqual([3500, 4200])
    expect(feeds['body_mass_g']?.dims).toEqual([2, 1])
  })

  test('a single text input takes each sentence as the row', () => {
    const feeds = buildFeeds([text], ['great phone', ['battery died']], {}, 'sentiment.onnx')
    expect(feeds['text']?.data).toEqual(['great phone', 'battery died'])
    expect(feeds['text']?.dims).toEqual([2, 1])
  })

  test('a number where a string goes, and a string where a number goes, name the input and the kind', () => {
    expect(() =>
      buildFeeds(
        [island, mass],
        [
          { island: 'Dream', body_mass_g: 3500 },
          { island: 2, body_mass_g: 3600 },
        ],
        {},
        'pipeline.onnx',
      ),
    ).toThrow(
      /^pipeline\.onnx: expected strings in input "island", received 2 at row 1\.\nHint: "island" takes text, such as a category name \(`\{ island: 'Dream' \}`\); pass the value as a string, not as a number or a code\.$/,
    )
    expect(() => buildFeeds([island, mass], [{ island: 'Dream', body_mass_g: '3500' }], {}, 'pipeline.onnx')).toThrow(
      /^pipeline\.onnx: expected numbers in input "body_mass_g", received string "3500" at row 0\.\nHint: Encode categorical values as numbers before calling the model; "body_mass_g" is float32\.$/,
    )
  })

  test('missing values: null is NaN for float inputs only with allowNaN, and never a string', () => {
    expect(Array.from(buildFeeds([mass], [[null]], { allowNaN: true }, 'm.onnx')['body_mass_g']?.data as Float32Array)).toEqual([Number.NaN])
    expect(() => buildFeeds([mass], [[null]], {}, 'm.onnx')).toThrow(
      /expected a value in input "body_mass_g" \(float32\), received null at row 0\.\nHint: Impute or drop missing values first, or pass `allowNaN: true`/,
    )
    expect(() => buildFeeds([island, mass], [{ island: null, body_mass_g: 1 }], { allowNaN: true }, 'm.onnx')).toThrow(
      /expected a value in input "island" \(string\), received null at row 0\.\nHint: A string input has no missing value/,
    )
  })

  test('a row without one of several inputs lists its keys; an array row for several inputs says to use records', () => {
    expect(() => buildFeeds([island, mass], [{ island: 'Dream' }], {}, 'm.onnx')).toThrow(
      /expected row 0 to provide input "body_mass_g", received a record with keys \[island\]/,
    )
    expect(() => buildFeeds([island, mass], [['Dream', 3500]], {}, 'm.onnx')).toThrow(
      /expected row 0 to provide input "island", received an array of 2\.\nHint: The model has several inputs; pass each row as a record by input name/,
    )
  })
})

describe('buildFeeds on image-shaped inputs', () => {
  const image = tensorLayout('input', 'float32', ['batch', 1, 2, 2])
  const pixels = [0.1, 0.2, 0.3, 0.4]

  test('a row may be flat, a typed array, or nested arrays of the row shape; all give the same tensor', () => {
    const flat = buildFeeds([image], [pixels], {}, 'cnn.onnx')['input']
    const typed = buildFeeds([image], [Float32Array.from(pixels)], {}, 'cnn.onnx')['input']
    const nested = buildFeeds(
      [image],
      [
        [
          [
            [0.1, 0.2],
            [0.3, 0.4],
          ],
        ],
      ],
      {},
      'cnn.onnx',
    )['input']
    const nestedTyped = buildFeeds([image], [[[Float32Array.of(0.1, 0.2), Float32Array.of(0.3, 0.4)]]], {}, 'cnn.onnx')['input']
    for (const tensor of [typed, nested, nestedTyped]) {
      expect(Array.from(tensor?.data as Float32Array)).toEqual(Array.from(flat?.data as Float32Array))
      expect(tensor?.dims).toEqual([1, 1, 2, 2])
    }
  })

  test('nested arrays of another shape, ragged ones, and a flat row of the wrong size name the expected shape', () => {
    expect(() =>
      buildFeeds(
        [image],
        [
          [
            [0.1, 0.2],
            [0.3, 0.4],
          ],
        ],
        {},
        'cnn.onnx',
      ),
    ).toThrow(
      /^cnn\.onnx: expected input "input" rows of shape \[1, 2, 2\] \(4 values\) \(input shape \[batch, 1, 2, 2\]\), received nested arrays of shape \[2, 2\] at row 0\.\nHint: Pass each row as nested arrays of shape \[1, 2, 2\], or flat in row-major order \(a number\[\] or a typed array of 4\)\.$/,
    )
    expect(() => buildFeeds([image], [[[[0.1, 0.2], [0.3]]]], {}, 'cnn.onnx')).toThrow(
      /received ragged nested arrays at row 0 \(not every sub-array is of shape \[2, 2\]\)/,
    )
    expect(() => buildFeeds([image], [pixels, [0.1, 0.2, 0.3]], {}, 'cnn.onnx')).toThrow(
      /expected input "input" rows of shape \[1, 2, 2\] \(4 values\) .*received a row of width 3 at row 1\./,
    )
  })

  test('a free dimension is worked out from the row; rows of different sizes are an error', () => {
    const tokens = tensorLayout('ids', 'int64', ['batch', 'sequence'])
    const feeds = buildFeeds(
      [tokens],
      [
        [101, 2023, 102],
        [101, 2003, 102],
      ],
      {},
      'bert.onnx',
    )
    expect(feeds['ids']?.dims).toEqual([2, 3])
    expect(() =>
      buildFeeds(
        [tokens],
        [
          [101, 102],
          [101, 2003, 102],
        ],
        {},
        'bert.onnx',
      ),
    ).toThrow(/expected input "ids" rows of one width \(shape \[batch, sequence\]\), received a row of width 3 at row 1 \(row 0 has 2\)\./)
    const grid = tensorLayout('grid', 'float32', ['batch', 'height', 'width'])
    expect(
      buildFeeds(
        [grid],
        [
          [
            [1, 2, 3],
            [4, 5, 6],
          ],
        ],
        {},
        'grid.onnx',
      )['grid']?.dims,
    ).toEqual([1, 2, 3])
    expect(() => buildFeeds([grid], [[1, 2, 3, 4, 5, 6]], {}, 'grid.onnx')).toThrow(
      /received a row of shape \[6\] at row 0; with several free dimensions each row must be nested arrays of one shape/,
    )
  })
})

describe('buildFeeds on quantized, float16 and bool inputs', () => {
  test('int8 and uint8 take whole numbers in their range; out of range is an error, not a wrap-around', () => {
    const codes = tensorLayout('codes', 'int8', ['N', 3])
    expect(Array.from(buildFeeds([codes], [[-128, 0, 127]], {}, 'q.onnx')['codes']?.data as Int8Array)).toEqual([-128, 0, 127])
    expect(buildFeeds([codes], [[-128, 0, 127]], {}, 'q.onnx')['codes']?.data).toBeInstanceOf(Int8Array)
    expect(() => buildFeeds([codes], [[-128, 0, 128]], {}, 'q.onnx')).toThrow(
      /^q\.onnx: expected whole numbers from -128 to 127 in input "codes" \(int8\), received 128 at row 0, column 2\.\nHint: An int8 input holds -128\.\.127; scale or clip the value/,
    )
    expect(() => buildFeeds([tensorLayout('pixels', 'uint8', ['N', 1])], [[-1]], {}, 'q.onnx')).toThrow(
      /expected whole numbers from 0 to 255 in input "pixels" \(uint8\), received -1 at row 0\./,
    )
  })

  test('float16 inputs are written as half-float bits; beyond ±65504 is an error', () => {
    const half = tensorLayout('x', 'float16', ['N', 2])
    const feeds = buildFeeds([half], [[1, -2.5]], {}, 'half.onnx')
    expect(feeds['x']?.type).toBe('float16')
    // the bits stay a Uint16Array even where Node has a Float16Array (onnxruntime-node reads no other form)
    expect(feeds['x']?.data).toBeInstanceOf(Uint16Array)
    expect(Array.from(feeds['x']?.data as Uint16Array)).toEqual([0x3c00, 0xc100])
    expect(() => buildFeeds([half], [[1, 70000]], {}, 'half.onnx')).toThrow(
      /expected numbers within ±65504 in input "x" \(float16\), received 70000 at row 0, column 1\.\nHint: The model would read the value as Infinity/,
    )
  })

  test('bool takes true / false or 1 / 0; uint64 takes bigints', () => {
    const mask = tensorLayout('mask', 'bool', ['N', 3])
    expect(Array.from(buildFeeds([mask], [[true, false, 1]], {}, 'b.onnx')['mask']?.data as Uint8Array)).toEqual([1, 0, 1])
    expect(() => buildFeeds([mask], [[true, 2, 0]], {}, 'b.onnx')).toThrow(
      /expected booleans \(true \/ false, or 1 \/ 0\) in input "mask" \(bool\), received 2 at row 0, column 1/,
    )
    const big = tensorLayout('ids', 'uint64', ['N', 1])
    expect(Array.from(buildFeeds([big], [[2n ** 64n - 1n]], {}, 'u.onnx')['ids']?.data as BigUint64Array)).toEqual([2n ** 64n - 1n])
    expect(() => buildFeeds([big], [[-1n]], {}, 'u.onnx')).toThrow(
      /expected whole numbers within uint64 range in input "ids", received bigint -1n at row 0\.\nHint: -1n does not fit in uint64\./,
    )
  })

  test('string and bool constants fill inputs without a batch dimension', () => {
    const language = tensorLayout('language', 'string', [1], -1)
    expect(buildFeeds([language], [], { constants: { language: 'en' } }, 'c.onnx')['language']?.data).toEqual(['en'])
    expect(() => buildFeeds([language], [], { constants: { language: 3 } }, 'c.onnx')).toThrow(
      /^c\.onnx: expected strings in the constant for input "language", received 3\.\nHint: /,
    )
  })
})
