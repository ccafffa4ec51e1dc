import { describe, expect, test } from 'vitest'
import { canonicalJson } from '../../../src/evaluation/row-hash.js'
import { functionModel } from '../../../src/model/function-model.js'
import { cached } from '../../../src/patterns/cached.js'
import { manualClock } from '../../../src/patterns/clock.js'
import { failing } from '../../../src/patterns/failing.js'
import { featureHash } from '../../../src/patterns/feature-hash.js'
import { memoryPredictionStore, type PredictionStore } from '../../../src/patterns/prediction-store.js'
import { slow } from '../../../src/patterns/slow.js'
import { withFallback } from '../../../src/patterns/with-fallback.js'
import { miscountingModel } from '../../support/malformed-models.js'

function countingModel() {
  const calls: number[][][] = []
  const model = functionModel((batch: readonly number[][]) => (calls.push([...batch]), batch.map((row) => [(row[0] ?? 0) * 10])), {
    batched: true,
    name: 'times-ten',
  })
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
    expect(served.stats()).toEqual({ hits: 2, misses: 4, coalesced: 0, hitRate: 2 / 6, storeErrors: 0, uncacheable: 0 })
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
    const broken: PredictionStore<number[]> = {
      get: () => Promise.reject(new Error('connection refused')),
      set: () => Promise.reject(new Error('connection refused')),
    }
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
    const served = cached(
      miscountingModel((row: number[]) => [row[0] ?? 0], 1),
      { ttlMs: 1000, store },
    )
    await expect(served.predict([[1], [2]])).rejects.toThrow(/^cached: expected oneTooMany to return one output per input \(2\), received 3 outputs\./)
    await expect(served.predict([[1], [2]])).rejects.toThrow(/^cached: /)
  })
})

describe('cached with a batch store, fallback answers and provenance', () => {
  /** A memory store that also answers getMany / setMany, recording every call. */
  function batchStore() {
    const inner = memoryPredictionStore<number[]>({ clock: manualClock() })
    const calls: string[] = []
    const store: PredictionStore<number[]> = {
      get: (key) => (calls.push('get'), inner.get(key)),
      set: (key, value, ttlMs) => (calls.push('set'), inner.set(key, value, ttlMs)),
      getMany: async (keys) => (calls.push(`getMany ${keys.length}`), Promise.all(keys.map((key) => inner.get(key)))),
      setMany: async (entries, ttlMs) => (
        calls.push(`setMany ${entries.length}`), void (await Promise.all(entries.map(({ key, value }) => inner.set(key, value, ttlMs))))
      ),
    }
    return { store, calls }
  }

  test('a store with getMany / setMany is asked once per batch, each distinct key once', async () => {
    const { store, calls } = batchStore()
    const served = cached(countingModel().model, { ttlMs: 1000, store })
    expect(await served.predict([[1], [2], [1], [3]])).toEqual([[10], [20], [10], [30]])
    expect(await served.predict([[1], [2]])).toEqual([[10], [20]])
    expect(calls).toEqual(['getMany 3', 'setMany 3', 'getMany 2'])
  })

  test('a getMany that fails, or answers the wrong number of keys, is one store error and a miss for every row', async () => {
    const served = cached(countingModel().model, {
      ttlMs: 1000,
      store: { get: async () => undefined, set: async () => {}, getMany: async () => [[99]], setMany: () => Promise.reject(new Error('down')) },
    })
    expect(await served.predict([[1], [2]])).toEqual([[10], [20]])
    expect(served.stats()).toMatchObject({ hits: 0, misses: 2, storeErrors: 2 })
  })

  test('fallback answers are served but not cached, so the recovered primary is asked again', async () => {
    const { model, calls } = countingModel()
    let down = true
    const primary = functionModel(
      (row: number[]) => {
        if (down) throw new Error('primary down')
        return [(row[0] ?? 0) * 10]
      },
      { name: 'primary', version: '1' },
    )
    const served = cached(withFallback(primary, model, { timeoutMs: 1000 }), { ttlMs: 1000, clock: manualClock() })
    expect(await served.predictServed([[1]])).toEqual([{ output: { value: [10], servedBy: 'fallback', reason: 'error' }, servedBy: 'fallback' }])
    expect(served.stats()).toMatchObject({ misses: 1, uncacheable: 1 })
    down = false
    expect(await served.predictServed([[1]])).toEqual([{ output: { value: [10], servedBy: 'primary' }, servedBy: 'primary' }])
    expect(await served.predictServed([[1]])).toEqual([{ output: { value: [10], servedBy: 'primary' }, servedBy: 'cache' }])
    expect(calls).toHaveLength(1)
    const everything = cached(withFallback(failing(primary, { rate: 1 }), model, { timeoutMs: 1000 }), {
      ttlMs: 1000,
      clock: manualClock(),
      cacheable: () => true,
    })
    await everything.predict([[2]])
    expect(await everything.predictServed([[2]])).toEqual([{ output: { value: [20], servedBy: 'fallback', reason: 'error' }, servedBy: 'cache' }])
  })

  test('a shared store refuses a model with neither a SHA-256 nor a version', () => {
    const shared: PredictionStore<number[]> = { get: async () => undefined, set: async () => {}, shared: true }
    expect(() => cached(countingModel().model, { ttlMs: 1000, store: shared })).toThrow(
      /cached: expected a model with a SHA-256 or a version in front of a shared store, received times-ten with neither\.\nHint: Entries in a shared store outlive this process/,
    )
    const versioned = functionModel((row: number[]) => [row[0] ?? 0], { name: 'm', version: '3' })
    expect(cached(versioned, { ttlMs: 1000, store: shared }).identity.version).toBe('3')
    expect(() => cached(countingModel().model, { ttlMs: 1000, store: shared, namespace: 'pred:times-ten@build-42' })).not.toThrow()
  })
})
