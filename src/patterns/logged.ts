import { checkedPredict } from '../model/checked-predict.js'
import type { Model } from '../model/model.js'
import { VitestMlError } from '../util/errors.js'
import { toJsonSafe } from '../util/json-safe.js'
import { type Clock, isManualClock, systemClock } from './clock.js'
import { featureHash } from './feature-hash.js'
import type { PredictionLogEntry, PredictionSink } from './prediction-log.js'
import { isFallbackAnswer, isServingModel, type ServedAnswer, servedByOf } from './served-answer.js'

/** Options of {@link logged}. */
export interface LoggedOptions<I> {
  /** Where entries go. */
  readonly sink: PredictionSink
  /** Version of the model, written on every entry. */
  readonly modelVersion: string
  /** Time source; latency is measured on it when it is a manual clock (deterministic tests), else with `performance.now()`. @defaultValue the system clock */
  readonly clock?: Clock
  /** Id of a prediction (a request id, a UUID). @defaultValue `<modelVersion>-<n>`, n counting from 1 in this wrapper */
  readonly id?: (row: I, index: number) => string
  /** Also log the input row (mind personal data). @defaultValue false */
  readonly includeFeatures?: boolean
}

/** Counters of a {@link LoggedModel}. */
export interface LoggedStats {
  /** Rows predicted. */
  readonly predictions: number
  /** Entries the sink accepted. */
  readonly logged: number
  /** Entries lost because the sink threw. */
  readonly logFailures: number
}

/** A model whose every prediction is logged. */
export interface LoggedModel<I, O> extends Model<I, O> {
  /** The model whose predictions are logged. */
  readonly source: Model<I, O>
  /** Like `predict`, with the id of each prediction (to attach its label when it arrives). */
  predictLogged(batch: readonly I[]): Promise<{ readonly id: string; readonly output: O }[]>
  /** Counters so far. */
  stats(): LoggedStats
}

/**
 * Prediction logging (anti-pattern 5, "not logging predictions", avoided): writes one entry per predicted row (id,
 * time, model name, version and SHA-256, feature hash, output, latency, and which path served it) to a sink before
 * answering. A `withFallback()` answer is logged as its value with `servedBy` primary or fallback; rows a `cached()`
 * model answered from its cache are logged with `servedBy: 'cache'`. A failing sink never fails the answer; lost
 * entries are counted, and the logging check in `toMaintainMetric` reports them.
 *
 * @param model - the model to log
 * @param options - sink, version, clock, ids
 * @returns the logged model
 * @example
 * ```ts
 * const sink = memoryPredictionSink()
 * const service = logged(model, { sink, modelVersion: '2026.03.1', clock })
 * const [{ id }] = await service.predictLogged([row]) // later: joinDelayedLabels(sink.entries, [{ id, label }], { window: 'day' })
 * ```
 */
export function logged<I, O>(model: Model<I, O>, options: LoggedOptions<I>): LoggedModel<I, O> {
  const clock = options.clock ?? systemClock
  const counters = { predictions: 0, logged: 0, logFailures: 0 }
  let sequence = 0

  async function serve(batch: readonly I[]): Promise<ServedAnswer<O>[]> {
    if (!isServingModel(model)) return (await checkedPredict(model, batch, 'logged')).map((output) => ({ output, servedBy: servedByOf(output) }))
    const answers = await model.predictServed(batch)
    if (answers.length !== batch.length)
      throw new VitestMlError(
        'logged',
        `${model.identity.name} to serve one answer per input (${batch.length})`,
        `${answers.length} answers`,
        'predictServed must answer every row of the batch, in order.',
      )
    return answers
  }

  async function predictLogged(batch: readonly I[]): Promise<{ id: string; output: O }[]> {
    const manual = isManualClock(clock)
    const started = manual ? clock.now() : performance.now()
    const answers = await serve(batch)
    const latencyMs = Math.round(((manual ? clock.now() : performance.now()) - started) * 1000) / 1000
    const time = new Date(clock.now()).toISOString()
    counters.predictions += batch.length
    const { name, sha256 } = model.identity
    const entries: PredictionLogEntry[] = batch.map((row, index) => {
      const { output, servedBy } = answers[index] as ServedAnswer<O>
      return {
        id: options.id?.(row, index) ?? `${options.modelVersion}-${++sequence}`,
        time,
        model: name,
        modelVersion: options.modelVersion,
        ...(sha256 === undefined ? {} : { modelSha256: sha256 }),
        featureHash: featureHash(row),
        output: toJsonSafe(isFallbackAnswer(output) ? output.value : output),
        ...(options.includeFeatures === true && { features: toJsonSafe(row) }),
        latencyMs,
        servedBy,
      }
    })
    try {
      await options.sink.write(entries)
      counters.logged += entries.length
    } catch {
      counters.logFailures += entries.length
    }
    return entries.map((entry, index) => ({ id: entry.id, output: (answers[index] as ServedAnswer<O>).output }))
  }

  return {
    identity: { ...model.identity, version: options.modelVersion },
    source: model,
    predictLogged,
    predict: async (batch) => (await predictLogged(batch)).map((answer) => answer.output),
    stats: () => ({ ...counters }),
    release: () => model.release(),
  }
}
