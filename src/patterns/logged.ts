import { checkedPredict } from '../model/checked-predict.js'
import type { Model } from '../model/model.js'
import { toJsonSafe } from '../util/json-safe.js'
import { systemClock, type Clock } from './clock.js'
import { featureHash } from './feature-hash.js'
import type { PredictionLogEntry, PredictionSink } from './prediction-log.js'

/** Options of {@link logged}. */
export interface LoggedOptions<I> {
  /** Where entries go. */
  readonly sink: PredictionSink
  /** Version of the model, written on every entry. */
  readonly modelVersion: string
  /** Time source. @defaultValue the system clock */
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
 * time, model and version, feature hash, output) to a sink before answering. A failing sink never fails the answer;
 * lost entries are counted, and the logging check in `toMaintainMetric` reports them.
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

  async function predictLogged(batch: readonly I[]): Promise<{ id: string; output: O }[]> {
    const outputs = await checkedPredict(model, batch, 'logged')
    const time = new Date(clock.now()).toISOString()
    counters.predictions += batch.length
    const entries: PredictionLogEntry[] = batch.map((row, index) => ({
      id: options.id?.(row, index) ?? `${options.modelVersion}-${++sequence}`,
      time,
      model: model.identity.name,
      modelVersion: options.modelVersion,
      featureHash: featureHash(row),
      output: toJsonSafe(outputs[index]),
      ...(options.includeFeatures === true && { features: toJsonSafe(row) }),
    }))
    try {
      await options.sink.write(entries)
      counters.logged += entries.length
    } catch {
      counters.logFailures += entries.length
    }
    return entries.map((entry, index) => ({ id: entry.id, output: outputs[index] as O }))
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
