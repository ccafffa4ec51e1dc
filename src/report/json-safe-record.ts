import type { CheckRecord, PlotSpec } from '../record/check-record.js'

/**
 * Makes a record safe to write as JSON and valid against the report schema: non-finite metrics are dropped (with a
 * warning saying so), and the counterexample is converted (BigInt to string, typed arrays to arrays, cycles cut).
 * Bad input never breaks the report; it shows up as a warning on the check.
 *
 * @param record - a record as read from a test's meta
 * @returns a cleaned copy
 * @example
 * ```ts
 * jsonSafeRecord({ ...record, metrics: { pValue: NaN } }).warnings // ['metric pValue was NaN and is left out']
 * ```
 */
export function jsonSafeRecord(record: CheckRecord): CheckRecord {
  const warnings = [...(record.warnings ?? [])].filter((warning) => typeof warning === 'string')
  const metrics: Record<string, number> = {}
  for (const [name, value] of Object.entries(record.metrics ?? {})) {
    if (typeof value === 'number' && Number.isFinite(value)) metrics[name] = value
    else warnings.push(`metric ${name} was ${String(value)} and is left out`)
  }
  const cleaned: Record<string, unknown> = {
    ...record,
    id: String(record.id),
    kind: String(record.kind),
    title: String(record.title),
    severity: ['high', 'medium', 'low'].includes(record.severity) ? record.severity : 'medium',
    checklist: Array.isArray(record.checklist) ? record.checklist.map(String) : [],
    metrics,
  }
  if (Array.isArray(record.plots)) {
    cleaned['plots'] = (record.plots as readonly PlotSpec[]).map((plot) => ({
      ...plot,
      series: plot.series.map((series) => ({
        ...series,
        points: series.points.filter((point) => Number.isFinite(point[0]) && Number.isFinite(point[1])),
      })),
    }))
  }
  if (warnings.length > 0) cleaned['warnings'] = warnings
  if ('counterexample' in record) {
    if (record.counterexample === undefined) delete cleaned['counterexample']
    else cleaned['counterexample'] = toJsonValue(record.counterexample)
  }
  return JSON.parse(JSON.stringify(cleaned, replacer())) as CheckRecord
}

function toJsonValue(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value, replacer()) ?? 'null') as unknown
  } catch {
    return String(value)
  }
}

function replacer(): (this: unknown, key: string, value: unknown) => unknown {
  const ancestors: unknown[] = []
  return function (this: unknown, _key, value) {
    if (typeof value === 'bigint') return value.toString()
    if (typeof value === 'number' && !Number.isFinite(value)) return String(value)
    if (ArrayBuffer.isView(value) && !(value instanceof DataView))
      return Array.from(value as unknown as ArrayLike<number | bigint>, (item) => (typeof item === 'bigint' ? item.toString() : item))
    if (typeof value !== 'object' || value === null) return value
    while (ancestors.length > 0 && ancestors[ancestors.length - 1] !== this) ancestors.pop()
    if (ancestors.includes(value)) return '[Circular]'
    ancestors.push(value)
    return value
  }
}
