import type { MatcherState } from 'vitest'
import { type FaultPlan, fallbackDrill } from '../src/patterns/fallback-drill.js'
import type { InputSource } from '../src/patterns/sample-rows.js'
import { isFallbackModel } from '../src/patterns/with-fallback.js'
import { VitestMlError } from '../src/util/errors.js'
import { toJsonSafe } from '../src/util/json-safe.js'
import { asyncMatcher } from './async-matcher.js'
import { checkId, type MatcherOutcome, modelRef, moreLine, num, replayLine, resolveSeed, show } from './matcher-context.js'
import { recordCheck } from './record-check.js'

/** Options of `toFallBackGracefully`. */
export interface FallBackGracefullyOptions<I = unknown> {
  /** Real input rows (sampled with the seed) or a fast-check arbitrary. */
  readonly inputs: InputSource<I>
  /** Faults injected into the primary. @defaultValue 10 % timeouts, 10 % exceptions, 10 % NaN rows */
  readonly faults?: FaultPlan
  /** Largest acceptable latency of one request, in milliseconds. @defaultValue 2 x the fallback's `timeoutMs` + 50 */
  readonly latencyBudgetMs?: number
  /** Largest share of rows the fallback answered in the drill that passes (the rows of a timed-out batch fall back together, so this is an observed share, not a rate with a bound). @defaultValue 1 */
  readonly maxFallbackShare?: number
  /** Requests sent. @defaultValue 100 */
  readonly numRuns?: number
  /** Rows per request. @defaultValue 1 */
  readonly batchSize?: number
  /** Seed of sampling and faults. @defaultValue derived from the test name */
  readonly seed?: number
  /** Failed requests listed in the message (the first is in the report). @defaultValue 5 */
  readonly maxListed?: number
  /** Severity in the report. @defaultValue 'high' */
  readonly severity?: 'high' | 'medium' | 'low'
}

const NAME = 'toFallBackGracefully'

/**
 * Under injected timeouts, exceptions and NaN outputs of its primary, a `withFallback` model answers every request
 * with a finite value within the latency budget, and its fallback rate stays under `maxFallbackShare`.
 *
 * @example
 * ```ts
 * await expect(withFallback(vad, energy, { timeoutMs: 10 })).toFallBackGracefully({
 *   inputs: windows, faults: { timeoutRate: 0.2, errorRate: 0.1, nanRate: 0.1 }, latencyBudgetMs: 100, maxFallbackShare: 0.6,
 * })
 * ```
 */
export const toFallBackGracefully = asyncMatcher(NAME, checkFallBackGracefully)

async function checkFallBackGracefully(this: MatcherState, received: unknown, options: FallBackGracefullyOptions): Promise<MatcherOutcome> {
  if (!isFallbackModel(received)) {
    throw new VitestMlError(
      NAME,
      'a model built with withFallback(primary, fallback, { timeoutMs })',
      typeof received,
      'Wrap the model first: `expect(withFallback(model, heuristic, { timeoutMs: 50 })).toFallBackGracefully({ inputs })`.',
    )
  }
  if (typeof options !== 'object' || options === null)
    throw new VitestMlError(NAME, 'an options object', String(options), 'Pass `{ inputs: rows, latencyBudgetMs: 100 }`.')
  const seed = resolveSeed(this, NAME, options?.seed)
  const numRuns = options?.numRuns ?? 100
  const budget = options.latencyBudgetMs ?? 2 * received.options.timeoutMs + 50
  const maxRate = options.maxFallbackShare ?? 1
  const maxListed = options.maxListed ?? 5
  const drill = await fallbackDrill(received, {
    inputs: options.inputs,
    latencyBudgetMs: budget,
    numRuns,
    seed,
    source: NAME,
    ...(options.faults === undefined ? {} : { faults: options.faults }),
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
  })
  const rateOk = drill.fallbackRate <= maxRate
  const passed = drill.unanswered === 0 && drill.invalidAnswers === 0 && drill.overBudget === 0 && rateOk
  const name = received.identity.name
  const first = drill.failures[0]
  await recordCheck(this, {
    id: checkId(this, 'fallback'),
    kind: 'fallback',
    title: `${name} falls back gracefully under injected faults`,
    passed,
    severity: options.severity ?? 'high',
    model: modelRef(received.primary),
    metrics: {
      fallbackRate: drill.fallbackRate,
      unanswered: drill.unanswered,
      invalidAnswers: drill.invalidAnswers,
      overBudget: drill.overBudget,
      p50Ms: drill.latency.p50Ms,
      p99Ms: drill.latency.p99Ms,
      maxLatencyMs: drill.latency.maxMs,
      injectedTimeouts: drill.injected.timeouts,
      injectedErrors: drill.injected.errors,
      injectedNanRows: drill.injected.nanRows,
      requests: drill.requests,
    },
    ...(first && { counterexample: toJsonSafe(first, { maxArrayLength: 16 }) }),
    replay: { seed, numRuns },
  })
  const hint = this.utils.matcherHint(`.${NAME}`, 'model', 'options', { isNot: this.isNot, promise: this.promise })
  const injected = `injected ${drill.injected.timeouts} timeouts, ${drill.injected.errors} exceptions, ${drill.injected.nanRows} NaN rows over ${drill.requests} requests`
  const served = `fallback share ${num(drill.fallbackRate)} (timeout ${drill.reasons.timeout}, error ${drill.reasons.error}, invalid-output ${drill.reasons['invalid-output']} rows), expected <= ${num(maxRate)}`
  const latency = `p50 ${num(drill.latency.p50Ms)} ms, p99 ${num(drill.latency.p99Ms)} ms, max ${num(drill.latency.maxMs)} ms, budget ${num(budget)} ms`
  const replay = replayLine(seed, numRuns)
  return {
    pass: passed,
    message: () =>
      passed
        ? `${hint}\n\nExpected ${name} to fail under injected faults, but every request got a finite answer in time (${injected}; ${served}; ${latency}).\n${replay}`
        : [
            hint,
            '',
            `${name} did not fall back gracefully: ${drill.unanswered} unanswered requests, ${drill.invalidAnswers} non-finite answers, ${drill.overBudget} over budget${rateOk ? '' : ', fallback share too high'}.`,
            `Faults: ${injected}.`,
            `Served: ${served}.`,
            `Latency: ${latency}.`,
            ...drill.failures
              .slice(0, maxListed)
              .map((failure) => `  request ${failure.request}: ${failure.problem.replace(/\.$/, '')}; input ${show(failure.input)}`),
            ...moreLine(drill.failures.length - Math.min(drill.failures.length, maxListed), 'failed request'),
            replay,
          ].join('\n'),
    actual: { fallbackRate: drill.fallbackRate, unanswered: drill.unanswered, invalidAnswers: drill.invalidAnswers, overBudget: drill.overBudget },
    expected: { maxFallbackShare: maxRate, latencyBudgetMs: budget },
  }
}
