import type { MatcherState } from 'vitest'
import { casesDistribution } from '../src/arbitraries/cases-distribution.js'
import { isModel } from '../src/model/model.js'
import { type MeasureLatencyOptions, type MeasureLatencyResult, measureLatency } from '../src/patterns/measure-latency.js'
import { histogramPoints } from '../src/patterns/percentile.js'
import { VitestMlError } from '../src/util/errors.js'
import { asyncMatcher } from './async-matcher.js'
import { checkId, type MatcherOutcome, modelRef, num, resolveSeed } from './matcher-context.js'
import { recordCheck } from './record-check.js'

/** The service-level objective `toMeetLatency` checks. */
export interface LatencyBudget {
  /** Largest acceptable overall p99 latency, in milliseconds. */
  readonly p99Ms?: number
  /** Largest acceptable overall p95 latency, in milliseconds. */
  readonly p95Ms?: number
  /** Smallest acceptable throughput, rows per second. */
  readonly throughputPerSec?: number
  /** Largest acceptable error rate. @defaultValue 0 */
  readonly maxErrorRate?: number
}

/**
 * Options of `toMeetLatency`: the objective (`p99Ms`, `p95Ms`, `throughputPerSec`, `maxErrorRate`) and how to load the
 * model (`inputs`, batch sizes, concurrency...; not needed when a `measureLatency()` result is checked).
 */
export type MeetLatencyOptions<I = unknown> = LatencyBudget & Partial<MeasureLatencyOptions<I>> & { readonly severity?: 'high' | 'medium' | 'low' }

const NAME = 'toMeetLatency'

const isResult = (value: unknown): value is MeasureLatencyResult =>
  typeof value === 'object' && value !== null && Array.isArray((value as MeasureLatencyResult).perBatchSize)

/**
 * The model meets its latency objective under load: overall p99 (and p95) under budget, throughput above the floor,
 * error rate within bounds. Pass a model and load options, or a result of `measureLatency()`.
 *
 * @example
 * ```ts
 * await expect(model).toMeetLatency({ inputs: rows, p99Ms: 50, throughputPerSec: 1000, batchSizes: [1, 16], concurrency: 4, requests: 200 })
 * ```
 */
export const toMeetLatency = asyncMatcher(NAME, checkMeetLatency)

async function checkMeetLatency(this: MatcherState, received: unknown, options: MeetLatencyOptions): Promise<MatcherOutcome> {
  const budget: LatencyBudget = options ?? {}
  if (typeof budget !== 'object' || budget === null || (budget.p99Ms === undefined && budget.p95Ms === undefined && budget.throughputPerSec === undefined)) {
    throw new VitestMlError(
      NAME,
      'an objective: p99Ms, p95Ms or throughputPerSec',
      options === undefined || options === null ? String(options) : 'options without any of them',
      'For example `toMeetLatency({ inputs: rows, p99Ms: 200 })`.',
    )
  }
  let result: MeasureLatencyResult
  let seed: number | undefined
  if (isResult(received)) result = received
  else if (isModel(received)) {
    if (options.inputs === undefined)
      throw new VitestMlError(NAME, '`inputs` to send to the model', 'none', 'Pass real rows to send: `toMeetLatency({ inputs: rows, p99Ms: 200 })`.')
    seed = resolveSeed(this, NAME, options.seed)
    const { p99Ms: _p99, p95Ms: _p95, throughputPerSec: _throughput, maxErrorRate: _errors, severity: _severity, ...load } = options
    result = await measureLatency(received, { ...(load as MeasureLatencyOptions<unknown>), seed, source: NAME })
  } else throw new VitestMlError(NAME, 'a model or a measureLatency() result', typeof received, 'Wrap the model with onnxModel() or functionModel() first.')
  const { overall } = result
  // The error rate says what its requests sent: rows sampled from the given ones, or cases drawn from an arbitrary.
  const inputs = isModel(received) ? options.inputs : undefined
  const sent =
    inputs === undefined ? '' : Array.isArray(inputs) ? `, rows sampled from the ${inputs.length} given rows` : `, rows drawn from ${casesDistribution(inputs)}`
  const checks = [
    budget.p99Ms === undefined ? undefined : { ok: overall.p99Ms <= budget.p99Ms, text: `p99 ${num(overall.p99Ms)} ms, expected <= ${num(budget.p99Ms)} ms` },
    budget.p95Ms === undefined ? undefined : { ok: overall.p95Ms <= budget.p95Ms, text: `p95 ${num(overall.p95Ms)} ms, expected <= ${num(budget.p95Ms)} ms` },
    budget.throughputPerSec === undefined
      ? undefined
      : {
          ok: overall.throughputPerSec >= budget.throughputPerSec,
          text: `throughput ${num(overall.throughputPerSec)} rows/s, expected >= ${num(budget.throughputPerSec)}`,
        },
    {
      ok: overall.errorRate <= (budget.maxErrorRate ?? 0),
      text: `error rate ${num(overall.errorRate)} (${overall.errors} of ${overall.requests} requests${sent}), expected <= ${num(budget.maxErrorRate ?? 0)}`,
    },
  ].filter((check) => check !== undefined)
  const passed = checks.every((check) => check.ok)
  const name = isModel(received) ? received.identity.name : 'measured service'
  await recordCheck(this, {
    id: checkId(this, 'latency'),
    kind: 'latency',
    title: `${name} meets its latency objective`,
    passed,
    severity: options?.severity ?? 'medium',
    ...(isModel(received) && { model: modelRef(received) }),
    metrics: {
      p50Ms: overall.p50Ms,
      p95Ms: overall.p95Ms,
      p99Ms: overall.p99Ms,
      throughputPerSec: overall.throughputPerSec,
      errorRate: overall.errorRate,
      requests: overall.requests,
      rssGrowthBytes: result.memory.rssGrowthBytes,
      heapGrowthBytes: result.memory.heapGrowthBytes,
    },
    plots: [
      {
        type: 'histogram',
        title: `latency of ${name}${budget.p99Ms === undefined ? '' : ` (p99 budget ${num(budget.p99Ms)} ms)`}`,
        xLabel: 'latency per request (ms)',
        yLabel: 'requests',
        series: [{ name: 'latency', points: histogramPoints([...result.latenciesMs], 30) }],
        // The budget is marked only inside the measured range: a far-off budget would squeeze the bars into a sliver.
        markers: [
          { x: overall.p99Ms, label: 'measured p99' },
          ...(budget.p99Ms === undefined || budget.p99Ms > overall.maxMs ? [] : [{ x: budget.p99Ms, label: 'p99 budget' }]),
        ],
      },
      {
        type: 'histogram',
        title: `output distribution of ${name}`,
        xLabel: 'first output value',
        yLabel: 'rows',
        series: [{ name: 'output', points: result.outputHistogram }],
      },
    ],
    ...(seed !== undefined && { replay: { seed, numRuns: overall.requests } }),
  })
  const table = result.perBatchSize.map(
    (row) =>
      `  batch ${row.batchSize}: p50 ${num(row.p50Ms)} ms, p95 ${num(row.p95Ms)} ms, p99 ${num(row.p99Ms)} ms, ${num(row.throughputPerSec)} rows/s, ${row.errors} errors of ${row.requests}`,
  )
  const hint = this.utils.matcherHint(`.${NAME}`, 'model', 'options', { isNot: this.isNot, promise: this.promise })
  const replay = seed === undefined ? [] : [`Replay: { seed: ${seed}, requests: ${options.requests ?? 100} }`]
  const memory = `Memory: RSS ${num(result.memory.rssGrowthBytes / 1048576)} MiB, heap ${num(result.memory.heapGrowthBytes / 1048576)} MiB growth.${result.lastError === undefined ? '' : ` Last error: ${result.lastError}`}`
  return {
    pass: passed,
    message: () =>
      passed
        ? [
            hint,
            '',
            `Expected ${name} to miss its latency objective, but it met it: ${checks.map((check) => check.text).join('; ')}.`,
            ...table,
            ...replay,
          ].join('\n')
        : [
            hint,
            '',
            `${name} misses its latency objective: ${checks
              .filter((check) => !check.ok)
              .map((check) => check.text)
              .join('; ')}.`,
            ...table,
            memory,
            ...replay,
          ].join('\n'),
    actual: { p99Ms: overall.p99Ms, throughputPerSec: overall.throughputPerSec, errorRate: overall.errorRate },
    expected: {
      ...(budget.p99Ms === undefined ? {} : { p99Ms: budget.p99Ms }),
      ...(budget.p95Ms === undefined ? {} : { p95Ms: budget.p95Ms }),
      ...(budget.throughputPerSec === undefined ? {} : { throughputPerSec: budget.throughputPerSec }),
      maxErrorRate: budget.maxErrorRate ?? 0,
    },
  }
}
