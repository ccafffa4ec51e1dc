import { performance } from 'node:perf_hooks'
import { checkedPredict } from '../model/checked-predict.js'
import type { Model } from '../model/model.js'
import { type Clock, systemClock } from './clock.js'
import { type CompareOutputsOptions, compareOutputs } from './compare-outputs.js'
import { type ComparisonEntry, type ComparisonLog, memoryComparisonLog } from './comparison-log.js'

/** Options of {@link shadow}. */
export interface ShadowOptions<I, O> extends CompareOutputsOptions {
  /** Where comparisons go. @defaultValue a new in-memory log (see `shadowed.log`) */
  readonly log?: ComparisonLog<I, O>
  /** Timestamps of log entries. @defaultValue the system clock */
  readonly clock?: Clock
}

/** Counters of a {@link ShadowModel}. */
export interface ShadowStats {
  /** Production calls answered. */
  readonly calls: number
  /** Candidate calls started. */
  readonly candidateCalls: number
  /** Candidate calls that threw or returned the wrong number of outputs. */
  readonly candidateFailures: number
  /** Rows compared. */
  readonly compared: number
  /** Compared rows on which the two disagreed. */
  readonly disagreements: number
  /** Log writes that threw. */
  readonly logFailures: number
  /** Shadow calls still running. */
  readonly pending: number
}

/** Production's model with a candidate running in its shadow. */
export interface ShadowModel<I, O> extends Model<I, O> {
  /** The model that serves. */
  readonly production: Model<I, O>
  /** The model under evaluation. */
  readonly candidate: Model<I, O>
  /** The comparison log in use. */
  readonly log: ComparisonLog<I, O>
  /** Resolves when every shadow call started so far has finished and been logged (for tests and shutdown). */
  flush(): Promise<void>
  /** Counters so far. */
  stats(): ShadowStats
}

/**
 * Shadow deployment (production pattern 2): answers with production's outputs only. The candidate gets the same batch
 * after production has answered, off the response path (never awaited by `predict`), so its latency and its failures
 * cannot reach callers; each row's two answers (and both latencies) are written to the log, candidate failures are
 * counted.
 *
 * @param production - the model that serves
 * @param candidate - the model under evaluation
 * @param options - log sink, clock, tolerance for single-number outputs
 * @returns the shadowed model; `await shadowed.flush()` before reading the log in a test
 * @example
 * ```ts
 * const shadowed = shadow(mlp, logreg)
 * await shadowed.predict(rows) // mlp's answers, as fast as mlp alone
 * await shadowed.flush()
 * shadowed.stats() // { calls: 1, candidateCalls: 1, candidateFailures: 0, compared: 86, disagreements: 2, ... }
 * ```
 */
export function shadow<I, O>(production: Model<I, O>, candidate: Model<I, O>, options: ShadowOptions<I, O> = {}): ShadowModel<I, O> {
  const log = options.log ?? memoryComparisonLog<I, O>()
  const clock = options.clock ?? systemClock
  const pending = new Set<Promise<void>>()
  const counters = { calls: 0, candidateCalls: 0, candidateFailures: 0, compared: 0, disagreements: 0, logFailures: 0 }

  async function write(entry: ComparisonEntry<I, O>): Promise<void> {
    try {
      await log.record(entry)
    } catch {
      counters.logFailures++
    }
  }

  async function runCandidate(batch: readonly I[], served: readonly O[], time: number, productionLatencyMs: number): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve))
    counters.candidateCalls++
    let outputs: O[]
    const started = performance.now()
    try {
      outputs = await checkedPredict(candidate, batch, 'shadow')
    } catch (error) {
      counters.candidateFailures++
      const candidateError = ((error as Error)?.message ?? String(error)).split('\n')[0] ?? ''
      const candidateLatencyMs = performance.now() - started
      for (const [index, input] of batch.entries())
        await write({ time, input, production: served[index] as O, candidateError, productionLatencyMs, candidateLatencyMs })
      return
    }
    const candidateLatencyMs = performance.now() - started
    for (const [index, input] of batch.entries()) {
      const comparison = compareOutputs(served[index], outputs[index], options)
      counters.compared++
      if (!comparison.agree) counters.disagreements++
      await write({ time, input, production: served[index] as O, candidate: outputs[index] as O, ...comparison, productionLatencyMs, candidateLatencyMs })
    }
  }

  return {
    identity: production.identity,
    production,
    candidate,
    log,
    async predict(batch) {
      const started = performance.now()
      const served = await checkedPredict(production, batch, 'shadow')
      const productionLatencyMs = performance.now() - started
      counters.calls++
      const work = runCandidate(batch, served, clock.now(), productionLatencyMs).catch(() => void counters.candidateFailures++)
      pending.add(work)
      void work.finally(() => pending.delete(work))
      return served
    },
    async flush() {
      while (pending.size > 0) await Promise.all([...pending])
    },
    stats: () => ({ ...counters, pending: pending.size }),
    async release() {
      while (pending.size > 0) await Promise.all([...pending])
      await Promise.all([production.release(), candidate.release()])
    },
  }
}
