import type { Label } from '../evaluation/labels.js'
import { VitestMlError } from '../util/errors.js'
import type { AuditPredictionLogOptions, AuditPredictionLogResult } from './audit-prediction-log.js'
import { feedbackSettings, type LabelledOutput, summarizeFeedbackWindow } from './feedback-window.js'
import type { DelayedFeedbackResult, JoinDelayedLabelsOptions } from './join-delayed-labels.js'
import { REQUIRED_LOG_FIELDS } from './prediction-log.js'
import type { SqliteDatabase } from './sqlite-driver.js'

/** The schema of the prediction log (SQLite; the Postgres one is in docs/prediction-log-database.md). */
export const SQLITE_LOG_SCHEMA = `
CREATE TABLE IF NOT EXISTS predictions (
  id            TEXT PRIMARY KEY NOT NULL,
  time          TEXT,
  time_ms       INTEGER,
  model         TEXT,
  model_version TEXT,
  model_sha256  TEXT,
  feature_hash  TEXT,
  features      TEXT,
  output        TEXT,
  latency_ms    REAL,
  served_by     TEXT CHECK (served_by IN ('primary', 'fallback', 'cache'))
);
CREATE INDEX IF NOT EXISTS predictions_time_ms ON predictions (time_ms);
CREATE TABLE IF NOT EXISTS labels (
  id            TEXT PRIMARY KEY NOT NULL,
  label         TEXT NOT NULL,
  arrived_at_ms INTEGER
);
`

/** Log entry field -> column, for audits. */
export const LOG_COLUMNS: Readonly<Record<string, string>> = {
  id: 'id',
  time: 'time_ms',
  model: 'model',
  modelVersion: 'model_version',
  modelSha256: 'model_sha256',
  featureHash: 'feature_hash',
  features: 'features',
  output: 'output',
  latencyMs: 'latency_ms',
  servedBy: 'served_by',
}

/** The latest time a JavaScript Date can hold: "every label so far". */
const END_OF_TIME = 8.64e15

/**
 * `joinDelayedLabels` in SQL: windows are `time_ms` floored to the window (GROUP BY), labels are LEFT JOINed by id with
 * the `asOf` cut-off in the join condition; only the labelled outputs travel to JavaScript, where the metrics run.
 *
 * @param db - an open prediction log database
 * @param options - window (whole milliseconds), metrics, classes, cut-off
 * @param refusedDuplicates - ids refused at write time as already logged (for the audit)
 * @returns per-window and overall metrics with coverage and label counts (no `log`: the entries stay in the database)
 * @example
 * ```ts
 * joinDelayedLabelsInSqlite(db, { window: 'hour', classes }).windows[0] // { start, end, predictions: 12, labelled: 10, coverage: 0.83, metrics: { accuracy: 0.9 } }
 * ```
 */
export function joinDelayedLabelsInSqlite(
  db: SqliteDatabase,
  options: JoinDelayedLabelsOptions = {},
  refusedDuplicates: readonly string[] = [],
): DelayedFeedbackResult {
  const source = 'joinDelayedLabels'
  const settings = feedbackSettings(source, options)
  const { windowMs } = settings
  if (!Number.isSafeInteger(windowMs))
    throw new VitestMlError(
      source,
      'a window of whole milliseconds for a join in the database',
      String(windowMs),
      "Use 'day', 'hour' or an integer number of milliseconds.",
    )
  const asOf = Math.min(settings.asOf, END_OF_TIME)
  const undated = db.prepare('SELECT id, time FROM predictions WHERE time_ms IS NULL LIMIT 1').get() as { id: string; time: unknown } | undefined
  if (undated !== undefined)
    throw new VitestMlError(source, 'an ISO time on every log entry', `"${String(undated.time)}" on entry ${undated.id}`, 'Check the log with `log.audit()`.')
  const windowStart = `(p.time_ms - ((p.time_ms % ${windowMs}) + ${windowMs}) % ${windowMs})`
  const arrived = '(l.arrived_at_ms IS NULL OR l.arrived_at_ms <= ?)'
  const counts = db.prepare(`SELECT ${windowStart} AS start, COUNT(*) AS predictions FROM predictions p GROUP BY start ORDER BY start`).all() as {
    start: number
    predictions: number
  }[]
  const rows = db
    .prepare(
      `SELECT ${windowStart} AS start, p.id AS id, p.output AS output, l.label AS label FROM predictions p JOIN labels l ON l.id = p.id AND ${arrived} ORDER BY p.rowid`,
    )
    .all(asOf) as { start: number; id: string; output: string | null; label: string }[]
  const unmatchedLabels = (
    db.prepare(`SELECT COUNT(*) AS n FROM labels l WHERE ${arrived} AND NOT EXISTS (SELECT 1 FROM predictions p WHERE p.id = l.id)`).get(asOf) as { n: number }
  ).n
  const notYetArrived = (db.prepare('SELECT COUNT(*) AS n FROM labels WHERE arrived_at_ms > ?').get(asOf) as { n: number }).n
  const byWindow = new Map<number, LabelledOutput[]>()
  const all: LabelledOutput[] = []
  for (const row of rows) {
    const pair = { id: row.id, output: row.output === null ? undefined : JSON.parse(row.output), truth: JSON.parse(row.label) as Label }
    all.push(pair)
    const bucket = byWindow.get(row.start)
    if (bucket === undefined) byWindow.set(row.start, [pair])
    else bucket.push(pair)
  }
  const windows = counts.map(({ start, predictions }) =>
    summarizeFeedbackWindow(source, start, start + windowMs, predictions, byWindow.get(start) ?? [], settings),
  )
  const total = counts.reduce((sum, window) => sum + window.predictions, 0)
  const first = counts[0]?.start ?? 0
  const overall = summarizeFeedbackWindow(source, first, (counts.at(-1)?.start ?? 0) + windowMs, total, all, settings)
  return { windowMs, windows, overall, unmatchedLabels, notYetArrived, audit: auditPredictionLogInSqlite(db, refusedDuplicates) }
}

/**
 * `auditPredictionLog` in SQL: counts the entries and finds those with an empty required field or an unparseable
 * time. Ids are unique by the primary key; `refusedDuplicates` are the ids this process saw refused.
 *
 * @param db - an open prediction log database
 * @param refusedDuplicates - ids refused at write time as already logged
 * @param options - expected count, required fields
 * @returns the audit (an incomplete entry's `index` is its position in commit order)
 * @example
 * ```ts
 * auditPredictionLogInSqlite(db, [], { expectedPredictions: 100_000 }).passed // true
 * ```
 */
export function auditPredictionLogInSqlite(
  db: SqliteDatabase,
  refusedDuplicates: readonly string[],
  options: AuditPredictionLogOptions = {},
): AuditPredictionLogResult {
  const required = options.requiredFields ?? REQUIRED_LOG_FIELDS
  const unknown = required.filter((field) => LOG_COLUMNS[field] === undefined)
  if (unknown.length > 0)
    throw new VitestMlError(
      'audit',
      `required fields among ${Object.keys(LOG_COLUMNS).join(', ')}`,
      unknown.join(', '),
      'The database log has one column per log entry field.',
    )
  const columns = required.map((field) => LOG_COLUMNS[field] as string)
  const entries = (db.prepare('SELECT COUNT(*) AS n FROM predictions').get() as { n: number }).n
  const empty = columns.map((column) => `${column} IS NULL OR ${column} = ''`).join(' OR ')
  const found = db
    .prepare(
      `SELECT rowid, id, ${columns.map((column) => `(${column} IS NULL OR ${column} = '') AS "empty_${column}"`).join(', ')} FROM predictions WHERE ${empty} ORDER BY rowid`,
    )
    .all() as Record<string, unknown>[]
  const incomplete = found.map((row) => ({
    index: Number(row['rowid']) - 1,
    id: row['id'],
    fields: required.filter((field) => row[`empty_${LOG_COLUMNS[field] as string}`] === 1),
  }))
  const missingEntries = Math.max(0, (options.expectedPredictions ?? 0) - entries)
  return {
    entries,
    missingEntries,
    incomplete,
    duplicateIds: [...refusedDuplicates],
    passed: missingEntries === 0 && incomplete.length === 0 && refusedDuplicates.length === 0,
  }
}
