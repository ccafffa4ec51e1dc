import { describe, expect, test } from 'vitest'
import { jsonMismatch } from '../../../src/patterns/cache-json.js'

describe('jsonMismatch', () => {
  test('plain JSON values round-trip; the first place that would not is named', () => {
    expect(jsonMismatch([0.2, 0.8])).toBeUndefined()
    expect(jsonMismatch({ label: 'Gentoo', scores: [1, 0], nested: { ok: true, none: null } })).toBeUndefined()
    expect(jsonMismatch({ scores: [0.1, Number.NaN] })).toBe('value.scores[1] is NaN (JSON writes null)')
    expect(jsonMismatch([Number.POSITIVE_INFINITY])).toBe('value[0] is Infinity (JSON writes null)')
    expect(jsonMismatch(new Float32Array([1]))).toBe('value is a Float32Array (JSON writes an object)')
    expect(jsonMismatch({ at: new Date(0) })).toBe('value.at is a Date (JSON writes something else)')
    expect(jsonMismatch({ missing: undefined })).toBe('value.missing is undefined (JSON drops or refuses it)')
    expect(jsonMismatch(2n)).toBe('value is a bigint (JSON drops or refuses it)')
    // biome-ignore lint/suspicious/noSparseArray: a hole is exactly what this reports
    expect(jsonMismatch([1, , 3])).toBe('value[1] is a hole (JSON writes null)')
    expect(jsonMismatch(Object.assign(Object.create(null) as object, { a: 1 }))).toBeUndefined()
  })
})
