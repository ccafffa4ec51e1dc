import { describe, expect, test } from 'vitest'
import { outputLabel } from '../../../src/model/output-label.js'

describe('outputLabel', () => {
  test('labels as the model gives them: strings and booleans as they are, bigint class indices as numbers', () => {
    expect(outputLabel('cat')).toBe('cat')
    expect(outputLabel(['cat'])).toBe('cat')
    expect(outputLabel(true)).toBe(true)
    expect(outputLabel(2n)).toBe(2)
  })

  test('numbers: one is rounded (a 0/1 score or an index), a row gives its argmax (first on ties)', () => {
    expect(outputLabel(0.51)).toBe(1)
    expect(outputLabel([0.49])).toBe(0)
    expect(outputLabel([0.1, 0.7, 0.2])).toBe(1)
    expect(outputLabel([0.5, 0.5])).toBe(0)
    expect(outputLabel(new Float32Array([0.2, 0.8]))).toBe(1)
  })

  test('records: the label output first, then the probabilities, then the only output', () => {
    expect(outputLabel({ probabilities: [0.2, 0.8], label: 0n })).toBe(0)
    expect(outputLabel({ probabilities: [0.2, 0.8] })).toBe(1)
    expect(outputLabel({ class: 'Gentoo', scores: [0.1, 0.9] })).toBe('Gentoo')
    expect(outputLabel({ anything: 'x' })).toBe('x')
    expect(outputLabel({ first: 0.1, second: 0.9 })).toBe(1)
    // skl2onnx's names: the label output, not the argmax of all the record's numbers
    expect(outputLabel({ output_label: 0, output_probability: [0.1, 0.9] })).toBe(0)
    expect(outputLabel({ output_probability: [0.1, 0.9] })).toBe(1)
  })

  test('no label: missing, empty, NaN, or a row mixing strings and numbers', () => {
    for (const output of [undefined, null, [], {}, Number.NaN, [Number.NaN, 1], ['cat', 0.5], { label: undefined }]) expect(outputLabel(output)).toBeUndefined()
  })
})
