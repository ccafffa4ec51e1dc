import type { MatcherState } from 'vitest'
import { isCachedModel } from '../src/patterns/cached.js'
import { type CacheProblem, checkCacheFreshness, UPDATE_SHIFT } from '../src/patterns/check-cache-freshness.js'
import type { ManualClock } from '../src/patterns/clock.js'
import { VitestMlError } from '../src/util/errors.js'
import { toJsonSafe } from '../src/util/json-safe.js'
import { asyncMatcher } from './async-matcher.js'
import { checkId, type MatcherOutcome, modelRef, moreLine, num, show } from './matcher-context.js'
import { recordCheck } from './record-check.js'

/** Options of `toServeFreshFromCache`. */
export interface ServeFreshFromCacheOptions<I = unknown> {
  /** Distinct rows to serve. */
  readonly inputs: readonly I[]
  /** The freshness promised to callers, in milliseconds. @defaultValue the cache's `ttlMs` */
  readonly ttlMs?: number
  /**
   * The manual clock of the cache (advanced by the check). Without one the check runs in real time against a store that
   * expires entries by itself (Redis), sleeping about 1.5 TTLs. @defaultValue the cache's `clock` option
   */
  readonly clock?: ManualClock
  /** Longest a real-time check may sleep, in milliseconds. @defaultValue 10000 */
  readonly maxWaitMs?: number
  /** Problems listed in the message. @defaultValue 5 */
  readonly maxListed?: number
  /** Severity in the report. @defaultValue 'medium' */
  readonly severity?: 'high' | 'medium' | 'low'
}

const NAME = 'toServeFreshFromCache'

const describeProblem = (problem: CacheProblem): string => {
  const what =
    problem.problem === 'collision'
      ? `served the answer of row ${problem.servedFromRow ?? '?'} (keys collide)`
      : problem.problem === 'stale'
        ? 'served a stale answer after the TTL (entry never expired)'
        : 'asked the model again within the TTL (not cached)'
  return `  row ${problem.row} (${problem.phase}): ${what}; input ${show(problem.input)}, served ${show(problem.served)}, expected ${show(problem.expected)}`
}

/**
 * A `cached()` model serves each row its own answer while the entry is fresh, and the model's current answer once the
 * TTL has passed: no key collisions, no stale entries, real hits. Time moves on a manual clock when the cache has one;
 * a store that keeps real time (Redis) is checked in real time with a short TTL (see `checkCacheFreshness`).
 *
 * @example
 * ```ts
 * const clock = manualClock()
 * await expect(cached(model, { ttlMs: 60_000, clock })).toServeFreshFromCache({ inputs: rows })
 * await expect(cached(model, { ttlMs: 1000, store: redisStore })).toServeFreshFromCache({ inputs: rows }) // sleeps ~1.5 s
 * ```
 */
export const toServeFreshFromCache = asyncMatcher(NAME, checkServeFreshFromCache)

async function checkServeFreshFromCache(this: MatcherState, received: unknown, options: ServeFreshFromCacheOptions): Promise<MatcherOutcome> {
  if (!isCachedModel(received)) {
    throw new VitestMlError(
      NAME,
      'a model built with cached(model, { ttlMs, clock })',
      typeof received,
      'Wrap the model first: `expect(cached(model, { ttlMs: 1000, clock: manualClock() })).toServeFreshFromCache({ inputs })`.',
    )
  }
  if (typeof options !== 'object' || options === null) throw new VitestMlError(NAME, 'an options object', String(options), 'Pass `{ inputs: rows }`.')
  const result = await checkCacheFreshness(received, {
    inputs: options?.inputs,
    ...(options.ttlMs === undefined ? {} : { ttlMs: options.ttlMs }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.maxWaitMs === undefined ? {} : { maxWaitMs: options.maxWaitMs }),
  })
  const passed = result.problems.length === 0
  const name = received.identity.name
  await recordCheck(this, {
    id: checkId(this, 'cache'),
    kind: 'cache',
    title: `cache of ${name} serves fresh answers (TTL ${result.ttlMs} ms)`,
    passed,
    severity: options.severity ?? 'medium',
    model: modelRef(received.source),
    metrics: {
      hitRateWithinTtl: result.hitRateWithinTtl,
      collisions: result.collisions,
      stale: result.stale,
      notCached: result.notCached,
      rows: result.rows,
      ttlMs: result.ttlMs,
      storeErrors: result.storeErrors,
    },
    ...(result.problems.length > 0 && { counterexample: toJsonSafe(result.problems.slice(0, 3), { maxArrayLength: 16 }) }),
  })
  const hint = this.utils.matcherHint(`.${NAME}`, 'cached model', 'options', { isNot: this.isNot, promise: this.promise })
  const summary = `${result.collisions} collisions, ${result.stale} stale answers, ${result.notCached} uncached answers over ${result.rows} rows (hit rate within the TTL ${num(result.hitRateWithinTtl)}, TTL ${result.ttlMs} ms${result.time === 'real-time' ? ' in real time' : ''}${result.storeErrors > 0 ? `, ${result.storeErrors} store errors` : ''})`
  return {
    pass: passed,
    message: () =>
      passed
        ? `${hint}\n\nExpected the cache of ${name} to serve a wrong or stale answer, but it served fresh ones: ${summary}.`
        : [
            hint,
            '',
            `The cache of ${name} does not serve fresh answers: ${summary}.`,
            ...result.problems.slice(0, options.maxListed ?? 5).map(describeProblem),
            ...moreLine(result.problems.length - Math.min(result.problems.length, options.maxListed ?? 5), 'problem'),
            `(The check updates the model half-way through the TTL, every output number + ${UPDATE_SHIFT}: answers after the TTL must be the updated ones.)`,
            'Hint: a key must identify the whole input (the default is a SHA-256 of its canonical JSON), and the store must expire entries after ttlMs.',
          ].join('\n'),
    actual: { collisions: result.collisions, stale: result.stale, notCached: result.notCached },
    expected: { collisions: 0, stale: 0, notCached: 0 },
  }
}
