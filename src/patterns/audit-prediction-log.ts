import { type PredictionLogEntry, REQUIRED_LOG_FIELDS } from './prediction-log.js'

/** Options of {@link auditPredictionLog}. */
export interface AuditPredictionLogOptions {
  /** Predictions made (for example `loggedModel.stats().predictions`); the log must hold that many entries. */
  readonly expectedPredictions?: number
  /** Fields every entry must have. @defaultValue id, time, model, modelVersion, featureHash, output */
  readonly requiredFields?: readonly string[]
}

/** What {@link auditPredictionLog} found. */
export interface AuditPredictionLogResult {
  /** Entries in the log. */
  readonly entries: number
  /** Predictions without an entry (0 when `expectedPredictions` was not given). */
  readonly missingEntries: number
  /** Entries lacking a required field (or with an unparseable time), with the fields. */
  readonly incomplete: readonly { readonly index: number; readonly id: unknown; readonly fields: readonly string[] }[]
  /** Ids used more than once. */
  readonly duplicateIds: readonly string[]
  /** Whether the log is complete. */
  readonly passed: boolean
}

/**
 * Checks a prediction log is complete: every prediction logged, every entry with the required fields and a valid
 * time, ids unique (so each delayed label joins exactly one prediction).
 *
 * @param log - the entries
 * @param options - expected count, required fields
 * @returns the problems found
 * @example
 * ```ts
 * auditPredictionLog(sink.entries, { expectedPredictions: service.stats().predictions }).passed // true
 * ```
 */
export function auditPredictionLog(log: readonly PredictionLogEntry[], options: AuditPredictionLogOptions = {}): AuditPredictionLogResult {
  const required = options.requiredFields ?? REQUIRED_LOG_FIELDS
  const incomplete: { index: number; id: unknown; fields: string[] }[] = []
  const seen = new Set<string>()
  const duplicates = new Set<string>()
  log.forEach((entry, index) => {
    const record = (typeof entry === 'object' && entry !== null ? entry : {}) as unknown as Record<string, unknown>
    const fields = required.filter((field) => record[field] === undefined || record[field] === null || record[field] === '')
    if (typeof record['time'] === 'string' && Number.isNaN(Date.parse(record['time'])) && !fields.includes('time')) fields.push('time')
    if (fields.length > 0) incomplete.push({ index, id: record['id'], fields })
    if (typeof record['id'] === 'string') {
      if (seen.has(record['id'])) duplicates.add(record['id'])
      seen.add(record['id'])
    }
  })
  const missingEntries = Math.max(0, (options.expectedPredictions ?? 0) - log.length)
  return {
    entries: log.length,
    missingEntries,
    incomplete,
    duplicateIds: [...duplicates],
    passed: missingEntries === 0 && incomplete.length === 0 && duplicates.size === 0,
  }
}
