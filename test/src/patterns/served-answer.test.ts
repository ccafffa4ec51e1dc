import { describe, expect, test } from 'vitest'
import { functionModel } from '../../../src/model/function-model.js'
import { cached } from '../../../src/patterns/cached.js'
import { isFallbackAnswer, isServingModel, servedByOf } from '../../../src/patterns/served-answer.js'

describe('served-answer', () => {
  test('a fallback answer says which path served it; anything else came from the primary', () => {
    expect(isFallbackAnswer({ value: [1], servedBy: 'fallback', reason: 'timeout' })).toBe(true)
    expect(isFallbackAnswer({ value: [1], servedBy: 'cache' })).toBe(false)
    expect(isFallbackAnswer([1])).toBe(false)
    expect(isFallbackAnswer(null)).toBe(false)
    expect(servedByOf({ value: 0, servedBy: 'fallback', reason: 'error' })).toBe('fallback')
    expect(servedByOf({ value: 0, servedBy: 'primary' })).toBe('primary')
    expect(servedByOf([0.3, 0.7])).toBe('primary')
  })

  test('a cached model can say which rows it served from the cache', () => {
    const model = functionModel((row: number[]) => row, { name: 'echo' })
    expect(isServingModel(cached(model, { ttlMs: 1000 }))).toBe(true)
    expect(isServingModel(model)).toBe(false)
  })
})
