import { performance } from 'node:perf_hooks'
import { checkedPredict } from '../model/checked-predict.js'
import { missingOutput } from '../model/missing-output.js'
import type { Model } from '../model/model.js'
import { outputNumbers } from '../model/output-numbers.js'
import { OutputCountError, VitestMlError } from '../util/errors.js'
import { histogramPoints, percentile } from './percentile.js'
import { drawRows, type InputSource } from './sample-rows.js'

/** Options of {@link measureLatency}. */
export interface MeasureLatencyOptions<I> {
  /** Real input rows (sampled with the seed) or a fast-check arbitrary. */
  readonly inputs: InputSource<I>
  /** Batch sizes to measure. @defaultValue [1] */
  readonly batchSizes?: readonly number[]
  /** Requests in flight at once. @defaultValue 1 */
  readonly concurrency?: number
  /** Measured requests per batch size. @defaultValue 100 */
  readonly requests?: number
  /** Unmeasured requests per batch size first (JIT, session warm-up). @defaultValue 3 */
  readonly warmup?: number
  /** Seed of the row sampling. @defaultValue 0 */
  readonly seed?: number
  /** Public name that starts errors (the matcher using it). @defaultValue 'measureLatency' */
  readonly source?: string
}

/** Latency of one batch size. */
export interface BatchLatency {
  /** Rows per request. */
  readonly batchSize: number
  /** Measured requests. */
  readonly requests: number
  /** Requests that threw, or answered a row with nothing (`undefined`, `null`, `[]`, `{}`). */
  readonly errors: number
  /** Median request latency, in milliseconds. */
  readonly p50Ms: number
  /** 95th percentile latency (numpy linear interpolation), in milliseconds. */
  readonly p95Ms: number
  /** 99th percentile latency, in milliseconds. */
  readonly p99Ms: number
  /** Slowest request, in milliseconds. */
  readonly maxMs: number
  /** Rows answered per second of wall time. */
  readonly throughputPerSec: number
}

/** What {@link measureLatency} observed: the application, infrastructure and model levels of monitoring. */
export interface MeasureLatencyResult {
  /** One entry per batch size, in the order given. */
  readonly perBatchSize: readonly BatchLatency[]
  /** Over every measured request: percentiles, rows per second of total wall time, error rate. */
  readonly overall: Omit<BatchLatency, 'batchSize'> & { readonly errorRate: number }
  /** Process memory before and after (bytes); growth hints at a leak. */
  readonly memory: {
    readonly rssBeforeBytes: number
    readonly rssAfterBytes: number
    readonly heapBeforeBytes: number
    readonly heapAfterBytes: number
    readonly rssGrowthBytes: number
    readonly heapGrowthBytes: number
  }
  /** Latency of every measured request, in milliseconds. */
  readonly latenciesMs: readonly number[]
  /** Histogram of the first number of every output: `[binCenter, count]`. */
  readonly outputHistogram: readonly (readonly [number, number])[]
  /** The last error message, if any. */
  readonly lastError?: string
}

/**
 * Load-tests a model the way a service would see it: for each batch size, `requests` batches of seeded real rows with
 * `concurrency` in flight, timing every call; reports p50 / p95 / p99, throughput, errors, memory growth and the output
 * distribution (the data behind latency dashboards and alerts). A request that answers some row with nothing counts
 * as an error (a fast empty answer is not a served prediction); a model that returns more or fewer outputs than rows
 * breaks the batch contract and is an error of the whole measurement.
 *
 * @param model - the model (any wrapper: fallback, cache, ensemble)
 * @param options - rows, batch sizes, concurrency, request count, seed
 * @returns per-batch-size and overall numbers
 * @example
 * ```ts
 * const result = await measureLatency(model, { inputs: rows, batchSizes: [1, 32], concurrency: 4, requests: 200 })
 * result.perBatchSize[0] // { batchSize: 1, requests: 200, errors: 0, p50Ms: 0.4, p95Ms: 0.9, p99Ms: 1.6, maxMs: 2.1, throughputPerSec: 7400 }
 * ```
 */
export async function measureLatency<I>(model: Model<I, unknown>, options: MeasureLatencyOptions<I>): Promise<MeasureLatencyResult> {
  const source = options.source ?? 'measureLatency'
  const batchSizes = options.batchSizes ?? [1]
  const concurrency = options.concurrency ?? 1
  const requests = options.requests ?? 100
  for (const [name, value] of [['concurrency', concurrency], ['requests', requests], ...batchSizes.map((size) => ['batchSizes', size] as const)] as const) {
    if (!Number.isInteger(value) || value < 1)
      throw new VitestMlError(
        'measureLatency',
        `a whole number >= 1 in \`${name}\``,
        String(value),
        'For example `{ batchSizes: [1, 32], concurrency: 4, requests: 200 }`.',
      )
  }
  const before = process.memoryUsage()
  const all: number[] = []
  const firstNumbers: number[] = []
  const perBatchSize: BatchLatency[] = []
  let totalRows = 0
  let totalErrors = 0
  let totalWallMs = 0
  let lastError: string | undefined
  let contractError: OutputCountError | undefined
  const noteContractError = (error: unknown): undefined => {
    if (error instanceof OutputCountError) contractError ??= error
    return undefined
  }
  for (const batchSize of batchSizes) {
    const warmup = options.warmup ?? 3
    const rows = drawRows('measureLatency', options.inputs, (requests + warmup) * batchSize, (options.seed ?? 0) + batchSize)
    for (let request = 0; request < warmup; request++)
      await checkedPredict(model, rows.slice(request * batchSize, (request + 1) * batchSize), source).catch(noteContractError)
    if (contractError !== undefined) throw contractError
    const latencies: number[] = []
    let errors = 0
    let next = 0
    const worker = async (): Promise<void> => {
      while (next < requests && contractError === undefined) {
        const request = warmup + next++
        const batch = rows.slice(request * batchSize, (request + 1) * batchSize)
        const started = performance.now()
        try {
          const outputs = await checkedPredict(model, batch, source)
          latencies.push(performance.now() - started)
          const empty = outputs.findIndex((output) => missingOutput(output) !== undefined)
          if (empty >= 0) {
            errors++
            lastError = `row ${empty} of a batch of ${batch.length} was answered with nothing: ${missingOutput(outputs[empty]) as string}`
          }
          for (const output of outputs) firstNumbers.push(outputNumbers(output)[0] ?? Number.NaN)
        } catch (error) {
          latencies.push(performance.now() - started)
          if (error instanceof OutputCountError) contractError ??= error
          errors++
          lastError = ((error as Error)?.message ?? String(error)).split('\n')[0]
        }
      }
    }
    const started = performance.now()
    await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, worker))
    if (contractError !== undefined) throw contractError
    const wallMs = performance.now() - started
    const answeredRows = (requests - errors) * batchSize
    perBatchSize.push({
      batchSize,
      requests,
      errors,
      p50Ms: percentile(latencies, 0.5),
      p95Ms: percentile(latencies, 0.95),
      p99Ms: percentile(latencies, 0.99),
      maxMs: percentile(latencies, 1),
      throughputPerSec: (answeredRows / wallMs) * 1000,
    })
    all.push(...latencies)
    totalRows += answeredRows
    totalErrors += errors
    totalWallMs += wallMs
  }
  const after = process.memoryUsage()
  const measured = requests * batchSizes.length
  return {
    perBatchSize,
    overall: {
      requests: measured,
      errors: totalErrors,
      errorRate: totalErrors / measured,
      p50Ms: percentile(all, 0.5),
      p95Ms: percentile(all, 0.95),
      p99Ms: percentile(all, 0.99),
      maxMs: percentile(all, 1),
      throughputPerSec: (totalRows / totalWallMs) * 1000,
    },
    memory: {
      rssBeforeBytes: before.rss,
      rssAfterBytes: after.rss,
      heapBeforeBytes: before.heapUsed,
      heapAfterBytes: after.heapUsed,
      rssGrowthBytes: after.rss - before.rss,
      heapGrowthBytes: after.heapUsed - before.heapUsed,
    },
    latenciesMs: all,
    outputHistogram: histogramPoints(firstNumbers),
    ...(lastError === undefined ? {} : { lastError }),
  }
}
