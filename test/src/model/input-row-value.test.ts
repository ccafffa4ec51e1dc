import { describe, expect, test } from 'vitest'
import { describeShape, fixedLength, flatRowValues, inputValue, isInputRecord, nestedShape } from '../../../src/model/input-row-value.js'
import { tensorLayout } from '../../../src/model/tensor-layout.js'

const image = tensorLayout('input', 'float32', ['batch', 1, 2, 2])

describe('input row values', () => {
  test('records are plain objects only', () => {
    expect([{ a: 1 }, [1], Float32Array.of(1), 'text', null, 3].map(isInputRecord)).toEqual([true, false, false, false, false, false])
  })

  test('one batched input takes the row itself; several take the entry by name, or the fill', () => {
    const island = tensorLayout('island', 'string', ['', 1])
    expect(inputValue('Dream', island, true, {}, 0, 'm')).toBe('Dream')
    expect(inputValue({ island: 'Dream' }, island, true, {}, 0, 'm')).toBe('Dream')
    expect(inputValue({ island: 'Dream' }, island, false, {}, 0, 'm')).toBe('Dream')
    expect(inputValue({}, tensorLayout('h', 'float32', [2, 'N', 3]), false, { fill: { h: 0 } }, 0, 'm')).toEqual([0, 0, 0, 0, 0, 0])
    expect(inputValue({}, island, false, { fill: { island: 'unknown' } }, 0, 'm')).toBe('unknown')
  })

  test('shapes: fixed lengths, nested shapes, messages', () => {
    expect(fixedLength(image)).toBe(4)
    expect(fixedLength(tensorLayout('ids', 'int64', ['batch', 'sequence']))).toBeUndefined()
    expect(
      nestedShape([
        [
          [1, 2],
          [3, 4],
        ],
      ]),
    ).toEqual([1, 2, 2])
    expect(nestedShape(Float32Array.of(1, 2))).toEqual([2])
    expect(nestedShape(5)).toEqual([])
    expect(describeShape(['', 4])).toBe('[?, 4]')
    expect(describeShape(['batch', -1, 8])).toBe('[batch, ?, 8]')
  })

  test('flat values: scalars, flat and typed rows as they are, nested rows checked and flattened', () => {
    expect(flatRowValues(7, image, 0, 'm')).toEqual([7])
    const typed = Float32Array.of(1, 2, 3, 4)
    expect(flatRowValues(typed, image, 0, 'm')).toBe(typed)
    expect(
      flatRowValues(
        [
          [
            [1, 2],
            [3, 4],
          ],
        ],
        image,
        0,
        'm',
      ),
    ).toEqual([1, 2, 3, 4])
    expect(() =>
      flatRowValues(
        [
          [1, 2],
          [3, 4],
        ],
        image,
        2,
        'cnn.onnx',
      ),
    ).toThrow(
      /^cnn\.onnx: expected input "input" rows of shape \[1, 2, 2\] \(4 values\) \(input shape \[batch, 1, 2, 2\]\), received nested arrays of shape \[2, 2\] at row 2\./,
    )
    expect(() =>
      flatRowValues(
        [
          [
            [1, 2],
            [3, [4]],
          ],
        ],
        image,
        0,
        'cnn.onnx',
      ),
    ).toThrow(/received ragged nested arrays at row 0/)
    expect(() => flatRowValues({ pixels: [1, 2, 3, 4] }, image, 0, 'cnn.onnx')).toThrow(
      /expected input "input" of row 0 to be a value, an array or a typed array, received an object\.\nHint: Pass a number, number\[\] or a typed array; records are for models with several inputs/,
    )
  })
})
