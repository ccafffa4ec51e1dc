import { describe, expect, test } from 'vitest'
import { functionModel } from '../../../src/model/function-model.js'
import { cached } from '../../../src/patterns/cached.js'
import { failing } from '../../../src/patterns/failing.js'
import { slow } from '../../../src/patterns/slow.js'
import { manualClock } from '../../../src/patterns/clock.js'
import { canonicalJson } from '../../../src/evaluation/row-hash.js'
import { featureHash } from '../../../src/patterns/feature-hash.js'
import { memoryPredictionStore, type PredictionStore } from '../../../src/patterns/prediction-store.js'
import { miscountingModel } from '../../support/malformed-models.js'

function countingModel() {
  const calls: number[][][] = []
  const model = functionModel((batch: readonly number[][]) => (calls.push([...batch]), batch.map((row) => [(row[0] ?? 0) * 10])), { batched: true, name: 'times-ten' })
  return { model, calls }
}

describe('canonicalJson and featureHash', () => {
  test('key order and array types do not change the hash; values do', () => {
    expect(canonicalJson({ b: 1, a: new Float32Array([0.5]), c: 2n, d: Number.NaN })).toBe('{"a":[0.5],"b":1,"c":"2n","d":"NaN"}')
    expect(featureHash({ a: 1, b: [1, 2] })).toBe(featureHash({ b: [1, 2], a: 1 }))
    expect(featureHash([1, 2])).not.toBe(featureHash([1, 3]))
    expect(featureHash([1, 2])).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('memoryPredictionStore', () => {
  test('entries live for ttlMs on the injected clock, and the size is bounded', async () => {
    const clock = manualClock()
    const store = memoryPredictionStore<number>({ clock, maxEntries: 2 })
    await store.set('a', 1, 100)
    clock.advance(99)
    expect(await store.get('a')).toBe(1)
    clock.advance(1)
    expect(await store.get('a')).toBeUndefined()
    await store.set('x', 1, 100)
    await store.set('y', 2, 100)
    await store.set('z', 3, 100)
    expect(store.size).toBe(2)
    expect(await store.get('x')).toBeUndefined()
  })
})

describe('cached', () => {
  test('asks the model only for misses, in one batch, until the TTL passes', async () => {
    const clock = manualClock()
    const { model, calls } = countingModel()
    const served = cached(model, { ttlMs: 1000, clock })
    expect(await served.predict([[1], [2]])).toEqual([[10], [20]])
    expect(await served.predict([[2], [3], [1]])).toEqual([[20], [30], [10]])
    expect(calls).toEqual([[[1], [2]], [[3]]])
    clock.advance(1000)
    await served.predict([[1]])
    expect(calls.at(-1)).toEqual([[1]])
    expect(served.stats()).toEqual({ hits: 2, misses: 4, coalesced: 0, hitRate: 2 / 6, storeErrors: 0 })
  })

  test('duplicate rows and concurrent requests for the same key cost one prediction', async () => {
    const { model, calls } = countingModel()
    const served = cached(slow(model, { delayMs: 20 }), { ttlMs: 1000, clock: manualClock() })
    const answers = await Promise.all([served.predict([[1], [1], [2]]), served.predict([[2], [3]]), served.predict([[1]])])
    expect(answers).toEqual([[[10], [10], [20]], [[20], [30]], [[10]]])
    expect(calls).toEqual([[[1], [2]], [[3]]])
    expect(served.stats()).toMatchObject({ hits: 0, misses: 3, coalesced: 3 })
    const failingOnce = cached(failing(model, { rate: 1, error: 'model down' }), { ttlMs: 1000 })
    const results = await Promise.allSettled([failingOnce.predict([[7]]), failingOnce.predict([[7]])])
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected'])
  })

  test('a failing store costs hits, never answers', async () => {
    const broken: PredictionStore<number[]> = { get: () => Promise.reject(new Error('connection refused')), set: () => Promise.reject(new Error('connection refused')) }
    const served = cached(countingModel().model, { ttlMs: 1000, store: broken })
    expect(await served.predict([[1], [2]])).toEqual([[10], [20]])
    expect(served.stats()).toMatchObject({ hits: 0, misses: 2, storeErrors: 4 })
  })

  test('keys are namespaced by model version, so an updated model never serves old answers', async () => {
    const clock = manualClock()
    const store = memoryPredictionStore<number[]>({ clock })
    const v1 = functionModel((row: number[]) => [row[0] ?? 0], { name: 'm', version: '1' })
    const v2 = functionModel((row: number[]) => [-(row[0] ?? 0)], { name: 'm', version: '2' })
    await cached(v1, { ttlMs: 1000, store }).predict([[5]])
    expect(await cached(v2, { ttlMs: 1000, store }).predict([[5]])).toEqual([[-5]])
  })

  test('needs a positive TTL', () => {
    expect(() => cached(countingModel().model, { ttlMs: 0 })).toThrow(/cached: expected a finite `ttlMs` > 0, received 0/)
  })
})

describe('cached and a wrong output count', () => {
  test('a model answering one output too many is an error, and nothing is stored from the misaligned answer', async () => {
    const store = memoryPredictionStore<number[]>({ clock: manualClock() })
    const served = cached(miscountingModel((row: number[]) => [row[0] ?? 0], 1), { ttlMs: 1000, store })
    await expect(served.predict([[1], [2]])).rejects.toThrow(/^cached: expected oneTooMany to return one output per input \(2\), received 3 outputs\./)
    await expect(served.predict([[1], [2]])).rejects.toThrow(/^cached: /)
  })
})
