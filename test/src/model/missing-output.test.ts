import { describe, expect, test } from 'vitest'
import { describeOutputValue } from '../../../src/model/describe-output-value.js'
import { missingOutput } from '../../../src/model/missing-output.js'
import { outputLeaves } from '../../../src/model/output-leaves.js'
import { outputNumbers } from '../../../src/model/output-numbers.js'

describe('missingOutput', () => {
  test('undefined and null are missing; containers with no value in them are empty', () => {
    expect(missingOutput(undefined)).toBe('missing (undefined)')
    expect(missingOutput(null)).toBe('missing (null)')
    expect(missingOutput([])).toBe('empty ([])')
    expect(missingOutput({})).toBe('empty ({})')
    expect(missingOutput(new Float32Array(0))).toBe('empty ([])')
    expect(missingOutput({ label: undefined, scores: [] })).toBe('empty ({ label: undefined, scores: [] })')
    expect(missingOutput([[null]])).toBe('empty ([[null]])')
  })

  test('any value counts, NaN and the empty string included (other checks judge those)', () => {
    for (const output of [0, Number.NaN, '', false, 0n, [0], { label: 'cat' }, [null, 1]]) expect(missingOutput(output)).toBeUndefined()
  })
})

describe('outputLeaves', () => {
  test('values with their paths, kept as they are, in the order outputNumbers counts them', () => {
    const output = { label: 'cat', scores: new Float32Array([0.25, 0.75]), id: 3n }
    expect(outputLeaves(output)).toEqual([
      { path: '.label', value: 'cat' },
      { path: '.scores[0]', value: 0.25 },
      { path: '.scores[1]', value: 0.75 },
      { path: '.id', value: 3n },
    ])
    expect(outputLeaves(output)).toHaveLength(outputNumbers(output).length)
    expect(outputLeaves(0.5)).toEqual([{ path: '', value: 0.5 }])
    expect(outputLeaves([])).toEqual([])
  })
})

describe('describeOutputValue', () => {
  test('every kind of value reads as what it is', () => {
    expect(describeOutputValue('cat')).toBe("'cat'")
    expect(describeOutputValue("it's")).toBe("'it\\'s'")
    expect(describeOutputValue(2n)).toBe('2n')
    expect(describeOutputValue(Number.NaN)).toBe('NaN')
    expect(describeOutputValue(undefined)).toBe('undefined')
    expect(describeOutputValue({})).toBe('{}')
    expect(describeOutputValue({ label: 2n, probabilities: new Float32Array([0.25, 0.75]) })).toBe('{ label: 2n, probabilities: [0.25, 0.75] }')
    expect(describeOutputValue(Array.from({ length: 8 }, (_, i) => i))).toBe('[0, 1, 2, 3, 4, 5, … 8 values]')
    expect(describeOutputValue([[[1, 2]]])).toBe('[[[2 values]]]')
  })
})
