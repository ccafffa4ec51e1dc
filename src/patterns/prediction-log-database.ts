import type { AuditPredictionLogOptions, AuditPredictionLogResult } from './audit-prediction-log.js'
import type { DelayedFeedbackResult, DelayedLabel, JoinDelayedLabelsOptions } from './join-delayed-labels.js'
import type { PredictionLogEntry, PredictionSink } from './prediction-log.js'

/** A value now (an embedded database such as SQLite) or later (a server database such as Postgres). */
export type MaybePromise<T> = T | Promise<T>

/** Counters of a {@link PredictionLogDatabase}. */
export interface PredictionLogDatabaseStats {
  /** Entries committed to the database. */
  readonly committed: number
  /** Entries accepted by `write` and not committed yet (lost if the process dies now). */
  readonly buffered: number
  /** Transactions committed. */
  readonly flushes: number
  /** Entries refused because their id was already in the log (the first one is kept). */
  readonly duplicates: number
  /** Entries lost because a commit failed (disk full, database locked past the busy timeout). */
  readonly lost: number
  /** The last error, if any. */
  readonly lastError?: string
}

/**
 * A prediction log kept in a database: a {@link PredictionSink} whose `write` buffers entries and commits them in
 * batches, plus the reads monitoring needs, done in SQL where the rows are. `sqlitePredictionLog` implements it with
 * synchronous reads; a server database (Postgres) implements the same methods returning promises — see
 * `docs/prediction-log-database.md` for the schema and queries — and its results are awaited before they are passed
 * to the synchronous `toMaintainMetric`.
 *
 * Table `predictions`: `id` (primary key: a request id is logged once), `time` (ISO 8601 UTC) and `time_ms` (epoch
 * ms, indexed), `model`, `model_version`, `model_sha256`, `feature_hash`, `features` (JSON, when kept), `output`
 * (JSON), `latency_ms`, `served_by` (`primary` | `fallback` | `cache`). Table `labels`: `id`, `label` (JSON),
 * `arrived_at_ms`.
 *
 * @example
 * ```ts
 * const log = sqlitePredictionLog('logs/predictions.db')
 * const service = logged(cached(withFallback(model, heuristic, { timeoutMs: 50 }), { ttlMs: 60_000, store }), { sink: log, modelVersion: '2026.03.1' })
 * await service.predict(rows)
 * log.flush()
 * log.addLabels(labelsThatArrived)
 * expect({ log, model: service }).toMaintainMetric({ metric: 'accuracy', min: 0.85, window: 'hour' })
 * ```
 */
export interface PredictionLogDatabase extends PredictionSink {
  /** Accepts entries: buffered, committed in one transaction per batch. */
  write(entries: readonly PredictionLogEntry[]): MaybePromise<void>
  /** Commits the buffered entries now. */
  flush(): MaybePromise<void>
  /** Commits what is buffered and closes the connection. */
  close(): Promise<void>
  /** Stores labels that arrived (a later label for the same id replaces the earlier one). */
  addLabels(labels: readonly DelayedLabel[]): MaybePromise<void>
  /** Committed entries, optionally only those served by one path. */
  count(filter?: { readonly servedBy?: 'primary' | 'fallback' | 'cache' }): MaybePromise<number>
  /** Committed entries, in commit order (for small logs and exports; monitoring reads use SQL). */
  entries(): MaybePromise<PredictionLogEntry[]>
  /** The delayed-label join of `joinDelayedLabels`, computed in SQL over the stored predictions and labels. */
  joinDelayedLabels(options?: JoinDelayedLabelsOptions): MaybePromise<DelayedFeedbackResult>
  /** The completeness audit of `auditPredictionLog`, computed in SQL. */
  audit(options?: AuditPredictionLogOptions): MaybePromise<AuditPredictionLogResult>
  /** Counters so far. */
  stats(): PredictionLogDatabaseStats
}

/**
 * True when `value` is a {@link PredictionLogDatabase} (has `write`, `joinDelayedLabels` and `audit`).
 *
 * @param value - anything
 * @returns whether it can be joined and audited where it is stored
 * @example
 * ```ts
 * isPredictionLogDatabase(sqlitePredictionLog(':memory:')) // true
 * isPredictionLogDatabase(memoryPredictionSink()) // false
 * ```
 */
export function isPredictionLogDatabase(value: unknown): value is PredictionLogDatabase {
  const candidate = value as Partial<PredictionLogDatabase> | null
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.write === 'function' &&
    typeof candidate.joinDelayedLabels === 'function' &&
    typeof candidate.audit === 'function'
  )
}
