import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { float16Writer, readFloat16 } from '../../../src/model/float16-bits.js'

// numpy: np.array(values).astype(np.float16).view(np.uint16) and bits.view(np.float16).astype(np.float64)
// (scripts/reference/float16_reference.py -> test/fixtures/reference/float16.json)
const reference = JSON.parse(readFileSync('test/fixtures/reference/float16.json', 'utf8')) as {
  encode: { values: number[]; bits: number[] }
  decode: { bits: number[]; values: (number | 'Infinity' | '-Infinity')[] }
}

describe('float16 bits', () => {
  test('numbers round to the bits numpy gives (nearest, ties to even, subnormals, overflow to infinity)', () => {
    const bits = new Uint16Array(reference.encode.values.length)
    const write = float16Writer(bits)
    for (const [index, value] of reference.encode.values.entries()) write(index, value)
    expect(Array.from(bits)).toEqual(reference.encode.bits)
    // a few by name: np.float16(1) -> 0x3c00, np.float16(-2.5) -> 0xc100, np.float16(65520) -> inf 0x7c00, -0.0 -> 0x8000
    expect([bits[2], bits[3], bits[8], bits[1]]).toEqual([0x3c00, 0xc100, 0x7c00, 0x8000])
  })

  test('bits read as the float64 values numpy reads them as', () => {
    const values = readFloat16(Uint16Array.from(reference.decode.bits))
    expect(values).toEqual(reference.decode.values.map((value) => (value === 'Infinity' ? Infinity : value === '-Infinity' ? -Infinity : value)))
  })

  test('writes at an offset into a view without touching its neighbours', () => {
    const buffer = new Uint16Array(6).fill(0xffff)
    const view = buffer.subarray(2, 4)
    const write = float16Writer(view)
    write(0, 1)
    write(1, 0.5)
    expect(Array.from(buffer)).toEqual([0xffff, 0xffff, 0x3c00, 0x3800, 0xffff, 0xffff])
    expect(readFloat16(view)).toEqual([1, 0.5])
  })

  test('NaN stays NaN both ways; non-Uint16Array data is read as numbers', () => {
    const bits = new Uint16Array(1)
    float16Writer(bits)(0, Number.NaN)
    expect(readFloat16(bits)[0]).toBeNaN()
    expect(readFloat16(Float32Array.from([0.25, -3]))).toEqual([0.25, -3])
  })
})
