import type * as Float16 from '@petamoriken/float16'
import { lazyRequire } from '../util/lazy-require.js'

/** @petamoriken/float16, loaded when the first float16 tensor is read or written. */
const float16 = lazyRequire<typeof Float16>('@petamoriken/float16')

/** The largest finite IEEE 754 half-precision value; anything larger in magnitude rounds to infinity. */
export const FLOAT16_MAX = 65504

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

/**
 * A writer of numbers into IEEE 754 half-precision bits (round to nearest, ties to even), the form onnxruntime-node
 * takes for a `float16` tensor: Node 20 has no `Float16Array`, so a float16 tensor's data is a `Uint16Array` of bits.
 * The rounding is `@petamoriken/float16`'s `setFloat16` (a well-kept, spec-following implementation of the
 * `Float16Array` proposal; it rounds from the float64 value directly, without a float32 step), written in the
 * platform's byte order, the one onnxruntime reads.
 *
 * @param target - destination bits
 * @returns `write(index, value)`: stores `value` (out-of-range values become ±Infinity, as a float16 cast does)
 * @example
 * ```ts
 * const bits = new Uint16Array(2)
 * const write = float16Writer(bits)
 * write(0, 1); write(1, -2.5) // bits: [0x3c00, 0xc100]
 * ```
 */
export function float16Writer(target: Uint16Array): (index: number, value: number) => void {
  const view = new DataView(target.buffer, target.byteOffset, target.byteLength)
  const { setFloat16 } = float16()
  return (index, value) => setFloat16(view, 2 * index, value, LITTLE_ENDIAN)
}

/**
 * Reads IEEE 754 half-precision bits as numbers (exactly: every float16 value is a float64 value). Data that is
 * not a `Uint16Array` (a native `Float16Array` on Node versions that have one) is read as its numbers.
 *
 * @param data - the bits, as onnxruntime-node returns a `float16` tensor's data
 * @returns the numbers
 * @example
 * ```ts
 * readFloat16(new Uint16Array([0x3c00, 0xc100, 0x7c00])) // [1, -2.5, Infinity]
 * ```
 */
export function readFloat16(data: ArrayLike<number>): number[] {
  if (!(data instanceof Uint16Array)) return Array.from(data, Number)
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  const numbers = new Array<number>(data.length)
  const { getFloat16 } = float16()
  for (let i = 0; i < data.length; i++) numbers[i] = getFloat16(view, 2 * i, LITTLE_ENDIAN)
  return numbers
}
