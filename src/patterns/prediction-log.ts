/** One line of a prediction log: enough to debug an answer later and to join its label when it arrives. */
export interface PredictionLogEntry {
  /** Unique id of the prediction (join key for delayed labels). */
  readonly id: string
  /** When the prediction was made, ISO 8601 UTC. */
  readonly time: string
  /** Name of the model that answered. */
  readonly model: string
  /** Version of the model that answered. */
  readonly modelVersion: string
  /** SHA-256 of the canonical JSON of the input row (see `featureHash`). */
  readonly featureHash: string
  /** The answer, JSON-safe. */
  readonly output: unknown
  /** The input row itself, JSON-safe, when the logger was asked to keep it. */
  readonly features?: unknown
  /** SHA-256 of the model artifact that answered, when it has one (ONNX models do). */
  readonly modelSha256?: string
  /** Milliseconds the call that answered this row took (the whole batch, as its caller waited). */
  readonly latencyMs?: number
  /** Which path produced the answer: the primary model, its fallback, or the prediction cache. */
  readonly servedBy?: 'primary' | 'fallback' | 'cache'
}

/** The fields every {@link PredictionLogEntry} must have. */
export const REQUIRED_LOG_FIELDS = ['id', 'time', 'model', 'modelVersion', 'featureHash', 'output'] as const

/** Where `logged()` writes prediction log entries: a file, a queue, a table. */
export interface PredictionSink {
  /** Stores a batch of entries (one per predicted row, in order). */
  write(entries: readonly PredictionLogEntry[]): void | Promise<void>
}

/** The in-memory {@link PredictionSink}. */
export interface MemoryPredictionSink extends PredictionSink {
  /** Every entry written so far. */
  readonly entries: readonly PredictionLogEntry[]
}

/**
 * An in-memory {@link PredictionSink}, for tests and for joining labels in the same process.
 *
 * @returns an empty sink
 * @example
 * ```ts
 * const sink = memoryPredictionSink()
 * await logged(model, { sink, modelVersion: '1.2.3' }).predict(rows)
 * sink.entries[0] // { id: '1.2.3-1', time: '2026-…', model: 'penguins-mlp.onnx', modelVersion: '1.2.3', featureHash: 'c0ffee…', output: [0.98, 0.01, 0.01] }
 * ```
 */
export function memoryPredictionSink(): MemoryPredictionSink {
  const entries: PredictionLogEntry[] = []
  return {
    entries,
    write(batch) {
      entries.push(...batch)
    },
  }
}
