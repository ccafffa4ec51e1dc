import { describe, expect, it } from 'vitest'
import { jsonDifferences } from '../../../src/report/json-differences.js'

describe('jsonDifferences', () => {
  it('finds nothing between equal values, including NaN and key order', () => {
    expect(jsonDifferences({ a: [1, { b: 'x' }], c: null }, { c: null, a: [1, { b: 'x' }] })).toEqual([])
    expect(jsonDifferences(Number.NaN, Number.NaN)).toEqual([])
  })

  it('names the path of every difference: values, missing keys, array lengths', () => {
    expect(jsonDifferences({ gate: { passed: true, failures: [] } }, { gate: { passed: false, failures: [{ message: 'x' }] } }, '')).toEqual([
      '/gate/passed: stored true, recomputed false',
      '/gate/failures: stored 0 entries, recomputed 1',
    ])
    expect(jsonDifferences({ a: 1 }, { a: 1, b: 2 }, '/root')).toEqual(['/root/b: stored nothing, recomputed 2'])
    expect(jsonDifferences([1, 2, 3], [1, 5, 3], '/list')).toEqual(['/list/1: stored 2, recomputed 5'])
    expect(jsonDifferences('a', ['a'])).toEqual(['/: stored "a", recomputed ["a"]'])
  })

  it('takes values that serialise alike as equal (0 and -0), and compares arrays against objects as values', () => {
    expect(jsonDifferences({ score: 0 }, { score: -0 })).toEqual([])
    expect(jsonDifferences({ list: [1] }, { list: { 0: 1 } }, '')).toEqual(['/list: stored [1], recomputed {"0":1}'])
    expect(jsonDifferences([1, 2], [1], '/a')).toEqual(['/a: stored 2 entries, recomputed 1'])
    expect(jsonDifferences([1], [2, 3], '/a')).toEqual(['/a: stored 1 entries, recomputed 2', '/a/0: stored 1, recomputed 2'])
    expect(jsonDifferences([1], [1, 2])).toEqual(['/: stored 1 entries, recomputed 2'])
    expect(jsonDifferences({ a: null }, { a: { b: 1 } }, '')).toEqual(['/a: stored null, recomputed {"b":1}'])
    expect(jsonDifferences({ a: { b: 1 } }, { a: null }, '')).toEqual(['/a: stored {"b":1}, recomputed null'])
  })

  it('stops at the limit and shortens long values', () => {
    expect(jsonDifferences({ a: 1, b: 2 }, { a: 2, b: 3 }, '', 1)).toEqual(['/a: stored 1, recomputed 2'])
    expect(jsonDifferences({ text: 'x'.repeat(118) }, { text: 'y' })).toEqual([`/text: stored "${'x'.repeat(118)}", recomputed "y"`])
    const stored = Array.from({ length: 30 }, (_, index) => index)
    expect(
      jsonDifferences(
        stored,
        stored.map((value) => value + 1),
        '',
        5,
      ),
    ).toHaveLength(5)
    expect(
      jsonDifferences(
        stored,
        stored.map((value) => value + 1),
      ),
    ).toHaveLength(10)
    const [line] = jsonDifferences({ text: 'x'.repeat(300) }, { text: 'y' })
    expect(line).toBe(`/text: stored "${'x'.repeat(118)}…, recomputed "y"`)
  })
})
