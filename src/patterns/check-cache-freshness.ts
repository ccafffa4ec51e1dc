import { randomUUID } from 'node:crypto'
import { canonicalJson } from '../evaluation/row-hash.js'
import { checkedPredict } from '../model/checked-predict.js'
import { missingOutput } from '../model/missing-output.js'
import type { Model } from '../model/model.js'
import { outputLeaves } from '../model/output-leaves.js'
import { VitestMlError } from '../util/errors.js'
import { type CachedModel, cached } from './cached.js'
import { type Clock, isManualClock, type ManualClock } from './clock.js'
import { mapOutputNumbers } from './map-output-numbers.js'
import { assertRows } from './sample-rows.js'

/** How the check's copy of the model changes its answers half-way through the TTL: every output number + 1000. */
export const UPDATE_SHIFT = 1000

/** The updated model's answer: every number shifted by {@link UPDATE_SHIFT}; an answer without numbers (a label) wrapped as `{ updated }`. */
function updatedAnswer<O>(output: O): O {
  const hasNumber = outputLeaves(output).some(({ value }) => typeof value === 'number' || typeof value === 'bigint')
  return hasNumber ? mapOutputNumbers(output, (value) => value + UPDATE_SHIFT) : ({ updated: output } as O)
}

/** Options of `checkCacheFreshness`. */
export interface CacheFreshnessOptions<I> {
  /** Rows to serve (distinct rows make key collisions visible). */
  readonly inputs: readonly I[]
  /** The freshness promised to callers. @defaultValue the cache's own `ttlMs` */
  readonly ttlMs?: number
  /**
   * The manual clock the cache's store runs on; it is advanced by the check. Without one (a store that keeps real time,
   * such as Redis) the check runs in real time and sleeps about 1.5 TTLs. @defaultValue the cache's `clock` option
   */
  readonly clock?: ManualClock
  /** Longest a real-time check may sleep, in milliseconds; a longer TTL needs a manual clock. @defaultValue 10000 */
  readonly maxWaitMs?: number
}

/** One row served wrongly. */
export interface CacheProblem {
  /** Position of the row in `inputs`. */
  readonly row: number
  /** The row. */
  readonly input: unknown
  /** Whether it was served within the TTL or after it. */
  readonly phase: 'within-ttl' | 'after-ttl'
  /** `collision` (another row's answer), `stale` (an answer older than the TTL), `not-cached` (asked the model again). */
  readonly problem: 'collision' | 'stale' | 'not-cached'
  /** What the cache served. */
  readonly served: unknown
  /** What it should have served. */
  readonly expected: unknown
  /** For collisions: the row whose answer was served. */
  readonly servedFromRow?: number
}

/** What `checkCacheFreshness` found. */
export interface CacheFreshnessResult {
  /** Rows served per phase. */
  readonly rows: number
  /** The TTL checked, in milliseconds. */
  readonly ttlMs: number
  /** Rows served from the cache within the TTL, as a fraction. */
  readonly hitRateWithinTtl: number
  /** Rows served another row's answer. */
  readonly collisions: number
  /** Rows served an answer older than the TTL. */
  readonly stale: number
  /** Rows the cache did not serve within the TTL. */
  readonly notCached: number
  /** Every problem, in row order (within-TTL ones first). */
  readonly problems: readonly CacheProblem[]
  /** How time moved: a manual clock was advanced, or the check slept in real time. */
  readonly time: 'manual-clock' | 'real-time'
  /** Store calls that failed during the check (served as misses, so they show as `notCached` rows too). */
  readonly storeErrors: number
}

/** How the check moves through the TTL: a manual clock is set, real time is slept through (monotonic, in ms). */
interface Timeline {
  readonly kind: CacheFreshnessResult['time']
  now(): number
  waitUntil(time: number): Promise<void>
}

function manualTimeline(clock: ManualClock): Timeline {
  return { kind: 'manual-clock', now: () => clock.now(), waitUntil: async (time) => clock.set(Math.max(time, clock.now())) }
}

function realTimeline(): Timeline {
  const now = (): number => performance.now()
  return { kind: 'real-time', now, waitUntil: (time) => new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.ceil(time - now())))) }
}

/**
 * Checks a `cached()` model's freshness contract on a copy whose source model is "updated" half-way through the TTL
 * (every output number + 1000; a label answer becomes `{ updated: label }`): within the TTL each row must get its own
 * original answer from the cache (not another row's: no key collisions), and after the TTL its updated answer from the
 * model (no stale entries). A model that answers a row with nothing (`undefined`, `null`, `[]`, `{}`) leaves nothing to
 * cache, and one that returns more or fewer outputs than rows breaks the batch contract: both are errors.
 *
 * Time: with a manual clock the check sets it (TTL/2, then TTL + 1 ms after the entries were stored). Without one the
 * store is taken to expire entries in real time (Redis does, by its own clock) and the check sleeps on a monotonic
 * clock: it reads the entries again at TTL/2 after the first write began, and requires that reading to have finished
 * before the TTL ran out (otherwise the result would prove nothing, and it throws: use a longer TTL); it reads them a
 * last time once TTL + 10 ms (+1 %) have passed since the last write finished, when every entry must be gone.
 *
 * @param model - built with `cached()`
 * @param options - rows, promised TTL, manual clock, longest real-time wait
 * @returns hit rate and the rows served wrongly
 * @example
 * ```ts
 * const clock = manualClock()
 * const result = await checkCacheFreshness(cached(model, { ttlMs: 1000, clock }), { inputs: rows })
 * result.stale // 0
 * ```
 */
export async function checkCacheFreshness<I, O>(model: CachedModel<I, O>, options: CacheFreshnessOptions<I>): Promise<CacheFreshnessResult> {
  const source = 'toServeFreshFromCache'
  assertRows(source, options?.inputs)
  const clock: Clock | undefined = options.clock ?? model.options.clock
  const ttlMs = options.ttlMs ?? model.options.ttlMs
  const maxWaitMs = options.maxWaitMs ?? 10_000
  if (!isManualClock(clock) && !(ttlMs * 1.5 <= maxWaitMs)) {
    throw new VitestMlError(
      source,
      `a manual clock shared with the cache (\`clock: manualClock()\`), or a TTL short enough to wait for (1.5 x ttlMs <= maxWaitMs ${maxWaitMs} ms)`,
      `${clock === undefined ? 'no clock' : 'a clock without advance()'} and ttlMs ${ttlMs}`,
      'Build the cache with `cached(model, { ttlMs, clock: manualClock() })` so the check moves time forward, or test a store that expires by itself (Redis) with a short TTL such as `{ ttlMs: 1000 }`.',
    )
  }
  const timeline = isManualClock(clock) ? manualTimeline(clock) : realTimeline()
  let updated = false
  const versioned: Model<I, O> = {
    identity: model.source.identity,
    predict: async (batch) => (await checkedPredict(model.source, batch, source)).map((output) => (updated ? updatedAnswer(output) : output)),
    release: async () => {},
  }
  const run = isManualClock(clock) ? String(clock.now()) : randomUUID()
  const drill = cached(versioned, {
    ...model.options,
    ...(clock === undefined ? {} : { clock }),
    namespace: `${model.options.namespace ?? 'pred'}:freshness-check:${run}`,
  })
  const rows = options.inputs
  const answers = await checkedPredict(model.source, rows, source)
  const empty = answers.findIndex((output) => missingOutput(output) !== undefined)
  if (empty >= 0) {
    throw new VitestMlError(
      source,
      `an answer for every row from ${model.source.identity.name}`,
      `${missingOutput(answers[empty]) as string} at row ${empty}`,
      'A cache can only serve answers the model gives; fix the model so it answers every row.',
    )
  }
  const original = answers.map(canonicalJson)
  const start = timeline.now()
  await checkedPredict(drill, rows, source)
  const stored = timeline.now()
  await timeline.waitUntil(start + Math.floor(ttlMs / 2))
  updated = true
  const withinTtl = (await checkedPredict(drill, rows, source)).map(canonicalJson)
  const readBy = timeline.now()
  if (readBy >= start + ttlMs) {
    throw new VitestMlError(
      source,
      `the within-TTL reads to finish inside the TTL of ${ttlMs} ms`,
      `reads that finished ${Math.round(readBy - start)} ms after the first write began`,
      'The machine or the store is too slow for so short a TTL; check with a longer `ttlMs` (the check sleeps about 1.5 TTLs).',
    )
  }
  const refreshed = (await checkedPredict(versioned, rows, source)).map(canonicalJson)
  const problems: CacheProblem[] = []
  let hits = 0
  withinTtl.forEach((served, row) => {
    if (served === original[row]) {
      hits++
      return
    }
    const otherRow = served === refreshed[row] ? -1 : original.findIndex((answer) => answer === served)
    const problem = otherRow >= 0 ? 'collision' : 'not-cached'
    problems.push({
      row,
      input: rows[row],
      phase: 'within-ttl',
      problem,
      served: JSON.parse(served),
      expected: JSON.parse(original[row] as string),
      ...(otherRow >= 0 && { servedFromRow: otherRow }),
    })
  })
  await timeline.waitUntil(stored + ttlMs + (timeline.kind === 'manual-clock' ? 1 : 10 + Math.ceil(ttlMs / 100)))
  const afterTtl = (await checkedPredict(drill, rows, source)).map(canonicalJson)
  afterTtl.forEach((served, row) => {
    if (served === refreshed[row]) return
    const problem = original.includes(served) ? 'stale' : 'collision'
    const otherRow = refreshed.findIndex((answer) => answer === served)
    problems.push({
      row,
      input: rows[row],
      phase: 'after-ttl',
      problem,
      served: JSON.parse(served),
      expected: JSON.parse(refreshed[row] as string),
      ...(problem === 'collision' && otherRow >= 0 && { servedFromRow: otherRow }),
    })
  })
  const count = (kind: CacheProblem['problem']): number => problems.filter((problem) => problem.problem === kind).length
  return {
    rows: rows.length,
    ttlMs,
    hitRateWithinTtl: hits / rows.length,
    collisions: count('collision'),
    stale: count('stale'),
    notCached: count('not-cached'),
    problems,
    time: timeline.kind,
    storeErrors: drill.stats().storeErrors,
  }
}
