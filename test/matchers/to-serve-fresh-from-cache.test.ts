import { describe, expect, test } from 'vitest'
import { patternMatchers } from '../../matchers/patterns-index.js'
import { functionModel } from '../../src/model/function-model.js'
import { cached } from '../../src/patterns/cached.js'
import { manualClock, systemClock } from '../../src/patterns/clock.js'
import type { PredictionStore } from '../../src/patterns/prediction-store.js'
import { constantModel, failureOf, miscountingModel, plain } from '../support/malformed-models.js'

expect.extend(patternMatchers)

const rows = [
  [1, 0],
  [1, 1],
  [2, 0],
]
const model = functionModel((row: number[]) => [(row[0] ?? 0) * 10 + (row[1] ?? 0)], { name: 'score' })
/** A store that ignores the TTL: entries live forever. */
const neverExpires = (): PredictionStore<number[]> => {
  const entries = new Map<string, number[]>()
  return { get: async (key) => entries.get(key), set: async (key, value) => void entries.set(key, value) }
}

describe('toServeFreshFromCache', () => {
  test('passes for the default store and key on a manual clock', async () => {
    await expect(cached(model, { ttlMs: 60_000, clock: manualClock() })).toServeFreshFromCache({ inputs: rows })
    const clock = manualClock('2026-01-01T00:00:00Z')
    await expect(cached(model, { ttlMs: 1000, clock })).toServeFreshFromCache({ inputs: rows, ttlMs: 1000, clock })
  })

  test('fails on a store that never expires, pinned', async () => {
    const failure = await expect(cached(model, { ttlMs: 1000, clock: manualClock(), store: neverExpires() }))
      .toServeFreshFromCache({ inputs: rows.slice(0, 2), maxListed: 1 })
      .then(
        () => undefined,
        (error: Error) => error,
      )
    expect(failure?.message.split('\n').slice(2).join('\n')).toBe(
      [
        'The cache of score does not serve fresh answers: 0 collisions, 2 stale answers, 0 uncached answers over 2 rows (hit rate within the TTL 1, TTL 1000 ms).',
        '  row 0 (after-ttl): served a stale answer after the TTL (entry never expired); input [1,0], served [10], expected [1010]',
        '  ... and 1 more problem (raise maxListed to list them)',
        '(The check updates the model half-way through the TTL, every output number + 1000: answers after the TTL must be the updated ones.)',
        'Hint: a key must identify the whole input (the default is a SHA-256 of its canonical JSON), and the store must expire entries after ttlMs.',
      ].join('\n'),
    )
  })

  test('fails when keys collide (a key that reads only part of the row)', async () => {
    const partialKey = cached(model, { ttlMs: 1000, clock: manualClock(), key: (row: number[]) => String(row[0]) })
    await expect(expect(partialKey).toServeFreshFromCache({ inputs: rows })).rejects.toThrow(
      /2 collisions, 0 stale answers, 0 uncached answers over 3 rows[\s\S]*row 1 \(within-ttl\): served the answer of row 0 \(keys collide\); input \[1,1\], served \[10\], expected \[11\]/,
    )
  })

  test('fails when the promised TTL is shorter than the configured one', async () => {
    await expect(expect(cached(model, { ttlMs: 10_000, clock: manualClock() })).toServeFreshFromCache({ inputs: rows, ttlMs: 1000 })).rejects.toThrow(
      /0 collisions, 3 stale answers/,
    )
  })

  test('.not passes on a broken cache', async () => {
    await expect(cached(model, { ttlMs: 1000, clock: manualClock(), store: neverExpires() })).not.toServeFreshFromCache({ inputs: rows })
    await expect(expect(cached(model, { ttlMs: 1000, clock: manualClock() })).not.toServeFreshFromCache({ inputs: rows })).rejects.toThrow(
      /Expected the cache of score to serve a wrong or stale answer, but it served fresh ones: 0 collisions, 0 stale answers/,
    )
  })

  test('bad input gives clear errors', async () => {
    await expect(expect(model).toServeFreshFromCache({ inputs: rows })).rejects.toThrow(
      /toServeFreshFromCache: expected a model built with cached\(model, \{ ttlMs, clock \}\), received object/,
    )
    await expect(expect(cached(model, { ttlMs: 60_000 })).toServeFreshFromCache({ inputs: rows })).rejects.toThrow(
      /expected a manual clock shared with the cache \(`clock: manualClock\(\)`\), or a TTL short enough to wait for \(1.5 x ttlMs <= maxWaitMs 10000 ms\), received no clock and ttlMs 60000/,
    )
    await expect(expect(cached(model, { ttlMs: 1000, clock: systemClock })).toServeFreshFromCache({ inputs: rows, maxWaitMs: 1000 })).rejects.toThrow(
      /received a clock without advance\(\) and ttlMs 1000/,
    )
    await expect(expect(cached(model, { ttlMs: 1000, clock: manualClock() })).toServeFreshFromCache({ inputs: [] })).rejects.toThrow(
      /expected a non-empty array of input rows/,
    )
    await expect(expect(cached(model, { ttlMs: 1000, clock: manualClock() })).toServeFreshFromCache(undefined as never)).rejects.toThrow(
      /toServeFreshFromCache: expected an options object, received undefined/,
    )
  })
})

describe('toServeFreshFromCache reads answers as what they are', () => {
  const grade = functionModel((row: number[]) => ((row[0] ?? 0) > 1 ? 'high' : 'low'), { name: 'grade' })
  const labelStore = (): PredictionStore<string> => {
    const entries = new Map<string, string>()
    return { get: async (key) => entries.get(key), set: async (key, value) => void entries.set(key, value) }
  }

  test('a label model is checked too: its update is visible, so a store that never expires fails', async () => {
    await expect(cached(grade, { ttlMs: 1000, clock: manualClock() })).toServeFreshFromCache({ inputs: rows })
    const failure = await failureOf(
      expect(cached(grade, { ttlMs: 1000, clock: manualClock(), store: labelStore() })).toServeFreshFromCache({ inputs: rows.slice(0, 1), maxListed: 1 }),
    )
    expect(plain(failure?.message)).toContain(
      'row 0 (after-ttl): served a stale answer after the TTL (entry never expired); input [1,0], served "low", expected {"updated":"low"}',
    )
  })

  test.each([
    ['undefined', undefined, 'missing (undefined)'],
    ['{}', {}, 'empty ({})'],
  ])('a model answering %s leaves nothing to cache: an error', async (_, value, phrase) => {
    await expect(
      expect(cached(constantModel(value, 'nothing'), { ttlMs: 1000, clock: manualClock() })).toServeFreshFromCache({ inputs: rows }),
    ).rejects.toThrow(`toServeFreshFromCache: expected an answer for every row from nothing, received ${phrase} at row 0.\nHint: `)
  })

  test('a hand-written model answering one output too many is an error', async () => {
    await expect(
      expect(
        cached(
          miscountingModel((row: number[]) => [row[0] ?? 0], 1),
          { ttlMs: 1000, clock: manualClock() },
        ),
      ).toServeFreshFromCache({ inputs: rows }),
    ).rejects.toThrow(/^toServeFreshFromCache: expected oneTooMany to return one output per input \(3\), received 4 outputs\./)
  })
})

describe('toServeFreshFromCache in real time (a store that expires entries by itself)', () => {
  // The default store on the system clock expires entries in real time, as Redis does: the check sleeps through the TTL.
  test('passes for the default store on the system clock (it expires entries in real time)', async () => {
    await expect(cached(model, { ttlMs: 1000 })).toServeFreshFromCache({ inputs: rows })
  })

  test('fails on a store that never expires, in real time too', async () => {
    const failure = await failureOf(expect(cached(model, { ttlMs: 1000, store: neverExpires() })).toServeFreshFromCache({ inputs: rows, maxListed: 1 }))
    expect(failure?.message).toMatch(/0 collisions, 3 stale answers, 0 uncached answers over 3 rows \(hit rate within the TTL 1, TTL 1000 ms in real time\)/)
  })

  test('a store too slow for the TTL makes the check throw instead of reporting misses it did not see', async () => {
    const slowStore = (): PredictionStore<number[]> => {
      const entries = new Map<string, number[]>()
      return {
        get: async (key) => (await new Promise((resolve) => setTimeout(resolve, 80)), entries.get(key)),
        set: async (key, value) => void entries.set(key, value),
      }
    }
    await expect(expect(cached(model, { ttlMs: 100, store: slowStore() })).toServeFreshFromCache({ inputs: rows })).rejects.toThrow(
      /toServeFreshFromCache: expected the within-TTL reads to finish inside the TTL of 100 ms, received reads that finished \d+ ms after the first write began/,
    )
  })
})
