import { normalizeLabel } from '../evaluation/labels.js'
import { VitestMlError } from '../util/errors.js'
import type { AuditPredictionLogOptions, AuditPredictionLogResult } from './audit-prediction-log.js'
import { epochMs } from './feedback-window.js'
import type { DelayedFeedbackResult, DelayedLabel, JoinDelayedLabelsOptions } from './join-delayed-labels.js'
import type { PredictionLogEntry } from './prediction-log.js'
import type { PredictionLogDatabase, PredictionLogDatabaseStats } from './prediction-log-database.js'
import { openSqlite, type SqliteDatabase } from './sqlite-driver.js'
import { auditPredictionLogInSqlite, joinDelayedLabelsInSqlite, SQLITE_LOG_SCHEMA } from './sqlite-log-queries.js'

/** Options of {@link sqlitePredictionLog}. */
export interface SqlitePredictionLogOptions {
  /** Entries per transaction at most; a write that fills the buffer commits at once. @defaultValue 1000 */
  readonly batchSize?: number
  /** Longest an entry waits in the buffer before its commit, in milliseconds. @defaultValue 200 */
  readonly flushIntervalMs?: number
  /** `'NORMAL'` keeps every commit through a process crash (WAL); `'FULL'` through a power loss too, slower. @defaultValue 'NORMAL' */
  readonly synchronous?: 'NORMAL' | 'FULL'
  /** How long a commit waits for another process's lock, in milliseconds. @defaultValue 5000 */
  readonly busyTimeoutMs?: number
}

/** The SQLite {@link PredictionLogDatabase}: every read is synchronous. */
export interface SqlitePredictionLog extends PredictionLogDatabase {
  /** The database file. */
  readonly path: string
  /** Buffers the entries; commits when the buffer holds `batchSize`. */
  write(entries: readonly PredictionLogEntry[]): void
  /** Commits the buffer in one transaction. */
  flush(): void
  addLabels(labels: readonly DelayedLabel[]): void
  count(filter?: { readonly servedBy?: 'primary' | 'fallback' | 'cache' }): number
  entries(): PredictionLogEntry[]
  joinDelayedLabels(options?: JoinDelayedLabelsOptions): DelayedFeedbackResult
  audit(options?: AuditPredictionLogOptions): AuditPredictionLogResult
}

const SOURCE = 'sqlitePredictionLog'
/** Flushes of the logs still open, run when the process exits normally (one listener for all of them). */
const openLogs = new Set<() => void>()
let exitHook = false
const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value))
const text = (value: unknown): string | null => (value === undefined || value === null ? null : String(value))

/** The INSERT parameters of one entry (JSON for output and features; `time_ms` NULL when the time does not parse). */
function toRow(entry: PredictionLogEntry): unknown[] {
  const time = epochMs(entry.time)
  return [
    String(entry.id ?? ''),
    text(entry.time),
    Number.isFinite(time) ? time : null,
    text(entry.model),
    text(entry.modelVersion),
    text(entry.modelSha256),
    text(entry.featureHash),
    json(entry.features),
    json(entry.output),
    typeof entry.latencyMs === 'number' ? entry.latencyMs : null,
    entry.servedBy ?? null,
  ]
}

/** A stored row back as a log entry (NULL optional columns left out). */
function toEntry(row: Record<string, unknown>): PredictionLogEntry {
  const optional = (key: string, value: unknown): Record<string, unknown> => (value === null ? {} : { [key]: value })
  return {
    id: row['id'] as string,
    time: row['time'] as string,
    model: row['model'] as string,
    modelVersion: row['model_version'] as string,
    featureHash: row['feature_hash'] as string,
    output: row['output'] === null ? undefined : JSON.parse(row['output'] as string),
    ...optional('features', row['features'] === null ? null : JSON.parse(row['features'] as string)),
    ...optional('modelSha256', row['model_sha256']),
    ...optional('latencyMs', row['latency_ms']),
    ...optional('servedBy', row['served_by']),
  }
}

/**
 * A durable prediction log in an SQLite file (better-sqlite3, an optional peer dependency): the default sink for
 * `logged()` in production. `write` buffers entries and commits them in one transaction per `batchSize` entries or
 * `flushIntervalMs`, in WAL mode: a crash (even SIGKILL) loses at most the uncommitted tail, never a committed entry,
 * and never corrupts the file; other processes can read while it writes. The buffer is also committed when the
 * process exits normally. An id already in the log is refused (the first entry is kept) and counted, never dropped
 * silently. The delayed-label join and the audit run in SQL, synchronously, so `toMaintainMetric` reads the database
 * directly: `expect({ log, model: service }).toMaintainMetric(...)`.
 *
 * @param path - the database file (created with its tables when missing), or `':memory:'`
 * @param options - batch size, flush interval, synchronous level, busy timeout
 * @returns the open log
 * @example
 * ```ts
 * const log = sqlitePredictionLog('logs/predictions.db')
 * const service = logged(model, { sink: log, modelVersion: '2026.03.1' })
 * await service.predict(rows)
 * log.flush()
 * log.count() // rows.length
 * log.addLabels([{ id: '2026.03.1-1', label: 'Adelie', arrivedAt: '2026-03-03T08:00:00Z' }])
 * log.joinDelayedLabels({ window: 'day', classes }).overall // { predictions: 333, labelled: 1, coverage: 0.003, metrics: { accuracy: 1 } }
 * await log.close()
 * ```
 */
export function sqlitePredictionLog(path: string, options: SqlitePredictionLogOptions = {}): SqlitePredictionLog {
  const batchSize = options.batchSize ?? 1000
  const flushIntervalMs = options.flushIntervalMs ?? 200
  if (!(Number.isInteger(batchSize) && batchSize >= 1) || !(flushIntervalMs > 0)) {
    throw new VitestMlError(
      SOURCE,
      'a whole `batchSize` >= 1 and a `flushIntervalMs` > 0',
      `${batchSize} and ${flushIntervalMs}`,
      'For example `{ batchSize: 1000, flushIntervalMs: 200 }`: at most 200 ms of entries are lost in a crash.',
    )
  }
  const db: SqliteDatabase = openSqlite(SOURCE, path, { timeout: options.busyTimeoutMs ?? 5000 })
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${options.synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`)
  db.exec(SQLITE_LOG_SCHEMA)
  const insert = db.prepare(
    'INSERT INTO predictions (id, time, time_ms, model, model_version, model_sha256, feature_hash, features, output, latency_ms, served_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const upsertLabel = db.prepare(
    'INSERT INTO labels (id, label, arrived_at_ms) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET label = excluded.label, arrived_at_ms = excluded.arrived_at_ms',
  )
  const counters = { committed: 0, flushes: 0, duplicates: 0, lost: 0, lastError: undefined as string | undefined }
  const refused: string[] = []
  let buffer: unknown[][] = []

  const commit = db.transaction((rows: readonly unknown[][]) => {
    let inserted = 0
    for (const row of rows) {
      try {
        insert.run(...row)
        inserted++
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw error
        counters.duplicates++
        if (refused.length < 1000) refused.push(row[0] as string)
      }
    }
    return inserted
  })

  function flush(): void {
    if (buffer.length === 0 || !db.open) return
    const rows = buffer
    buffer = []
    try {
      counters.committed += commit(rows)
      counters.flushes++
    } catch (error) {
      counters.lost += rows.length
      counters.lastError = (error as Error)?.message ?? String(error)
    }
  }
  const timer = setInterval(flush, flushIntervalMs)
  timer.unref()
  openLogs.add(flush)
  if (!exitHook) {
    exitHook = true
    process.on('exit', () => {
      for (const pending of openLogs) pending()
    })
  }

  const log: SqlitePredictionLog = {
    path,
    write(entries) {
      for (const entry of entries) buffer.push(toRow(entry))
      if (buffer.length >= batchSize) flush()
    },
    flush,
    async close() {
      clearInterval(timer)
      openLogs.delete(flush)
      flush()
      if (db.open) db.close()
    },
    addLabels(labels) {
      const rows = labels.map((label, index) => {
        const arrived = label.arrivedAt === undefined ? Number.NaN : epochMs(label.arrivedAt)
        return [String(label.id), JSON.stringify(normalizeLabel('addLabels', label.label, index)), Number.isFinite(arrived) ? arrived : null]
      })
      db.transaction(() => {
        for (const row of rows) upsertLabel.run(...row)
      })()
    },
    count(filter = {}) {
      const query =
        filter.servedBy === undefined
          ? db.prepare('SELECT COUNT(*) AS n FROM predictions').get()
          : db.prepare('SELECT COUNT(*) AS n FROM predictions WHERE served_by = ?').get(filter.servedBy)
      return (query as { n: number }).n
    },
    entries: () => (db.prepare('SELECT * FROM predictions ORDER BY rowid').all() as Record<string, unknown>[]).map(toEntry),
    joinDelayedLabels: (joinOptions = {}) => joinDelayedLabelsInSqlite(db, joinOptions, refused),
    audit: (auditOptions = {}) => auditPredictionLogInSqlite(db, refused, auditOptions),
    stats: (): PredictionLogDatabaseStats => ({
      committed: counters.committed,
      buffered: buffer.length,
      flushes: counters.flushes,
      duplicates: counters.duplicates,
      lost: counters.lost,
      ...(counters.lastError === undefined ? {} : { lastError: counters.lastError }),
    }),
  }
  return log
}
