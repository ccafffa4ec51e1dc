import { performance } from 'node:perf_hooks'
import { checkedPredict } from '../model/checked-predict.js'
import { missingOutput } from '../model/missing-output.js'
import type { Model } from '../model/model.js'
import { OutputCountError, VitestMlError } from '../util/errors.js'
import { corrupt } from './corrupt.js'
import { failing } from './failing.js'
import { percentile } from './percentile.js'
import { drawRows, type InputSource } from './sample-rows.js'
import { slow } from './slow.js'
import { unusableOutput } from './usable-output.js'
import { type FallbackModel, type FallbackReason, withFallback } from './with-fallback.js'

/** Faults to inject into the primary during a drill; rates are per call except `nanRate` (per row). */
export interface FaultPlan {
  /** Calls slowed past the timeout. @defaultValue 0.1 */
  readonly timeoutRate?: number
  /** Calls that throw. @defaultValue 0.1 */
  readonly errorRate?: number
  /** Rows whose output is NaN. @defaultValue 0.1 */
  readonly nanRate?: number
  /** Delay of a slowed call. @defaultValue 5 x the fallback's `timeoutMs` */
  readonly delayMs?: number
}

/** Options of `fallbackDrill`. */
export interface FallbackDrillOptions<I> {
  /** Real input rows (sampled with the seed) or a fast-check arbitrary. */
  readonly inputs: InputSource<I>
  /** Faults injected into the primary. @defaultValue 10 % timeouts, 10 % exceptions, 10 % NaN rows */
  readonly faults?: FaultPlan
  /** Largest acceptable latency of one request, in milliseconds. */
  readonly latencyBudgetMs: number
  /** Requests sent (sequentially). @defaultValue 100 */
  readonly numRuns?: number
  /** Rows per request. @defaultValue 1 */
  readonly batchSize?: number
  /** Seed of the row sampling and of every fault. */
  readonly seed: number
  /** Public name that starts errors (the matcher using it). @defaultValue 'fallbackDrill' */
  readonly source?: string
}

/** One request that broke the promise of a valid answer in time. */
export interface DrillFailure {
  /** Request number (0-based). */
  readonly request: number
  /** What went wrong. */
  readonly problem: string
  /** The first input row of the request. */
  readonly input: unknown
  /** Latency of the request, in milliseconds. */
  readonly latencyMs: number
}

/** What `fallbackDrill` observed. */
export interface FallbackDrillResult {
  /** Requests sent. */
  readonly requests: number
  /** Rows sent. */
  readonly rows: number
  /** Requests that rejected (no answer at all). */
  readonly unanswered: number
  /** Rows answered with a non-finite value. */
  readonly invalidAnswers: number
  /** Requests slower than the budget. */
  readonly overBudget: number
  /** Rows answered by the fallback, as a fraction. */
  readonly fallbackRate: number
  /** Fallback rows per reason. */
  readonly reasons: Readonly<Record<FallbackReason, number>>
  /** Faults actually injected: slowed calls, thrown calls, NaN rows. */
  readonly injected: { readonly timeouts: number; readonly errors: number; readonly nanRows: number }
  /** Request latency percentiles, in milliseconds. */
  readonly latency: { readonly p50Ms: number; readonly p99Ms: number; readonly maxMs: number }
  /** The first failures (up to 5). */
  readonly failures: readonly DrillFailure[]
}

/**
 * A fire drill for a {@link FallbackModel}: rebuilds it with seeded timeouts, exceptions and NaN outputs injected into
 * its primary (same fallback, same options), sends `numRuns` requests and checks that every one got a usable answer
 * (a value, finite numbers) within the latency budget.
 *
 * The faults are injected on top of a primary that answers: a primary that by itself returns nothing for a row
 * (`undefined`, `null`, `[]`, `{}`), or more or fewer outputs than rows, is an error, since the drill would then
 * measure the primary's own breakage as "graceful fallback". A fallback that answers a row with nothing, or NaN, is a
 * failure of the drill (an invalid answer); one that returns the wrong number of outputs is an error.
 *
 * @param model - built with `withFallback`
 * @param options - inputs, faults, budget, seed
 * @returns counts, fallback rate, latency percentiles and the first failures
 * @example
 * ```ts
 * const drill = await fallbackDrill(service, { inputs: windows, latencyBudgetMs: 100, seed: 1 })
 * drill.unanswered // 0
 * drill.fallbackRate // 0.27
 * ```
 */
export async function fallbackDrill<I, O>(model: FallbackModel<I, O>, options: FallbackDrillOptions<I>): Promise<FallbackDrillResult> {
  if (!(options.latencyBudgetMs > 0))
    throw new VitestMlError(
      'fallbackDrill',
      'a `latencyBudgetMs` > 0',
      String(options.latencyBudgetMs),
      'Pass the latency promised to callers, for example `latencyBudgetMs: 100`.',
    )
  const faults = options.faults ?? {}
  const seed = options.seed
  const source = options.source ?? 'fallbackDrill'
  // Innermost: the primary itself, watched for answers that are not faults the drill injected.
  let request = 0
  let contractError: OutputCountError | undefined
  let ownMissing: string | undefined
  const primary: Model<I, O> = {
    identity: model.primary.identity,
    release: () => model.primary.release(),
    async predict(batch) {
      let outputs: O[]
      try {
        outputs = await checkedPredict(model.primary, batch, source)
      } catch (error) {
        if (error instanceof OutputCountError) contractError ??= error
        throw error
      }
      const row = outputs.findIndex((output) => missingOutput(output) !== undefined)
      if (row >= 0) ownMissing ??= `${missingOutput(outputs[row]) as string} for row ${row} of request ${request}`
      return outputs
    },
  }
  const slowed = slow(primary, { delayMs: faults.delayMs ?? 5 * model.options.timeoutMs, rate: faults.timeoutRate ?? 0.1, seed })
  const thrown = failing(slowed, { rate: faults.errorRate ?? 0.1, error: 'injected failure', seed: seed + 1 })
  const nan = corrupt(thrown, { nanRate: faults.nanRate ?? 0.1, seed: seed + 2 })
  const fallback: Model<I, O> = {
    identity: model.fallback.identity,
    release: () => model.fallback.release(),
    predict: (batch) => checkedPredict(model.fallback, batch, source),
  }
  const drilled = withFallback(nan, fallback, model.options)
  const numRuns = options.numRuns ?? 100
  const batchSize = options.batchSize ?? 1
  const rows = drawRows('fallbackDrill', options.inputs, numRuns * batchSize, seed)
  const latencies: number[] = []
  const failures: DrillFailure[] = []
  let unanswered = 0
  let invalidAnswers = 0
  let overBudget = 0
  const fail = (failure: DrillFailure): void => void (failures.length < 5 && failures.push(failure))
  for (request = 0; request < numRuns; request++) {
    const batch = rows.slice(request * batchSize, (request + 1) * batchSize)
    const started = performance.now()
    try {
      const answers = await checkedPredict(drilled, batch, source)
      const latencyMs = performance.now() - started
      latencies.push(latencyMs)
      answers.forEach((answer, index) => {
        const unusable = unusableOutput(answer.value)
        if (unusable === undefined) return
        invalidAnswers++
        const kind = missingOutput(answer.value) === undefined ? 'non-finite' : 'missing'
        fail({
          request,
          problem: `${kind} answer from the ${answer.servedBy}${answer.reason === undefined ? '' : ` (${answer.reason})`}: ${unusable}`,
          input: batch[index],
          latencyMs,
        })
      })
      if (latencyMs > options.latencyBudgetMs) {
        overBudget++
        fail({ request, problem: `answered in ${latencyMs.toFixed(1)} ms, over the ${options.latencyBudgetMs} ms budget`, input: batch[0], latencyMs })
      }
    } catch (error) {
      if (error instanceof OutputCountError) throw error
      const latencyMs = performance.now() - started
      latencies.push(latencyMs)
      unanswered++
      fail({ request, problem: `no answer: ${((error as Error)?.message ?? String(error)).split('\n')[0]}`, input: batch[0], latencyMs })
    }
  }
  if (contractError !== undefined) throw contractError
  if (ownMissing !== undefined) {
    throw new VitestMlError(
      source,
      `${model.primary.identity.name} to answer every row itself (the drill injects its faults on top of the primary's answers)`,
      ownMissing,
      'A primary that returns nothing is broken before any fault is injected; fix it first (toProduceOutputsInRange shows which rows), then drill the fallback.',
    )
  }
  const stats = drilled.stats()
  return {
    requests: numRuns,
    rows: rows.length,
    unanswered,
    invalidAnswers,
    overBudget,
    fallbackRate: stats.fallbackRate,
    reasons: stats.reasons,
    injected: { timeouts: slowed.injected, errors: thrown.injected, nanRows: nan.injected },
    latency: { p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99), maxMs: percentile(latencies, 1) },
    failures,
  }
}
