import { describe, expect, test } from 'vitest'
import { describeOutputPlace, outputDifference, outputsDiffer } from '../../../src/model/output-difference.js'
import { maxAbsDifference } from '../../../src/properties/outputs-differ.js'

describe('outputDifference', () => {
  test('numbers by absolute difference, with the place of the largest; NaN equals NaN, NaN against a number is Infinity', () => {
    expect(outputDifference([0.2, 0.8], [0.25, 0.7])).toEqual({
      numeric: expect.closeTo(0.1, 12) as number,
      numericAt: { path: '[1]', reference: 0.8, current: 0.7 },
    })
    expect(outputDifference([Number.NaN, 1], [Number.NaN, 1])).toEqual({ numeric: 0 })
    expect(outputDifference([Number.NaN], [0.3]).numeric).toBe(Number.POSITIVE_INFINITY)
    expect(outputDifference(new Float32Array([0.5, 0.25]), [0.5, 0.25])).toEqual({ numeric: 0 })
  })

  test('strings, booleans and bigints exactly, whatever the tolerance', () => {
    const labels = outputDifference('cat', 'dog')
    expect(labels).toEqual({ numeric: 0, mismatch: { path: '', reference: 'cat', current: 'dog' } })
    expect(outputsDiffer(labels, 1e9)).toBe(true)
    expect(outputsDiffer(outputDifference('cat', 'cat'), 0)).toBe(false)
    expect(outputDifference({ label: 2n }, { label: 3n }).mismatch).toEqual({ path: '.label', reference: 2n, current: 3n })
    expect(outputDifference({ label: 2n }, { label: 2n }).mismatch).toBeUndefined()
    expect(outputDifference([true], [false]).mismatch).toEqual({ path: '[0]', reference: true, current: false })
  })

  test('a different kind or shape is a mismatch: arrays by length, records by key, 1 vs 1n vs "1"', () => {
    expect(outputDifference([1, 2], [1, 2, 3]).mismatch).toEqual({ path: '', reference: [1, 2], current: [1, 2, 3] })
    expect(outputDifference({ probabilities: [0.5, 0.5] }, { probabilities: [0.5, 0.5], label: 0 }).mismatch).toEqual({
      path: '.label',
      reference: undefined,
      current: 0,
    })
    expect(outputDifference(1, 1n).mismatch).toEqual({ path: '', reference: 1, current: 1n })
    expect(outputDifference([1], '1').mismatch).toBeDefined()
    expect(outputDifference([1], 1).mismatch).toBeDefined()
    expect(outputDifference(undefined, undefined)).toEqual({ numeric: 0 })
    expect(outputDifference(undefined, null).mismatch).toEqual({ path: '', reference: undefined, current: null })
  })

  test('the numeric difference is measured over the whole output even after a mismatch', () => {
    expect(outputDifference({ label: 'cat', score: 0.2 }, { label: 'dog', score: 0.5 })).toMatchObject({
      numeric: expect.closeTo(0.3, 12) as number,
      mismatch: { path: '.label' },
    })
  })

  test('describeOutputPlace shows both values as they are, and both lengths for arrays', () => {
    expect(describeOutputPlace({ path: '', reference: 'cat', current: 'dog' })).toBe("output 'cat' vs 'dog'")
    expect(describeOutputPlace({ path: '.label', reference: 2n, current: 3 })).toBe('output.label 2n vs 3')
    expect(describeOutputPlace({ path: '', reference: [1, 2], current: [1, 2, 3] })).toBe('output [1, 2] vs [1, 2, 3] (2 vs 3 values)')
  })
})

describe('maxAbsDifference', () => {
  test('numbers as before; anything compared exactly that differs is Infinity, that matches is 0', () => {
    expect(maxAbsDifference([0.2, 0.8], [0.25, 0.75])).toBeCloseTo(0.05, 12)
    expect(maxAbsDifference([Number.NaN], [Number.NaN])).toBe(0)
    expect(maxAbsDifference([1, 2], [1, 2, 3])).toBe(Number.POSITIVE_INFINITY)
    expect(maxAbsDifference('0.1', '0.7')).toBe(Number.POSITIVE_INFINITY)
    expect(maxAbsDifference({ label: 'cat' }, { label: 'cat' })).toBe(0)
  })
})
