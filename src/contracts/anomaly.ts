/**
 * The anomalies a data contract check reports, in the spirit of TFDV's anomaly types: each names the column, says what
 * was found with the numbers, carries a severity and one line on how to fix it.
 */
export const ANOMALY_TYPES = [
  'no-rows',
  'missing-column',
  'unexpected-column',
  'type-change',
  'mixed-types',
  'out-of-range',
  'unseen-category',
  'missing-rate',
  'constant-column',
  'duplicate-ids',
  'duplicate-rows',
] as const

/** One kind of anomaly. */
export type AnomalyType = (typeof ANOMALY_TYPES)[number]

/** How bad an anomaly is for a model fed this data. */
export type AnomalySeverity = 'high' | 'medium' | 'low'

/** A problem found in data, as data contracts and data hygiene report them. */
export interface Finding {
  /** What kind of problem, such as `out-of-range` or `conflicting-labels`. */
  readonly type: string
  /** The column, or undefined for table-level findings (rows, duplicates). */
  readonly column?: string
  readonly severity: AnomalySeverity
  /** What was found, with the numbers: `12 of 84 values (share 0.143) above max 231, largest 2310`. */
  readonly description: string
  /** One line on how to fix it. */
  readonly fix: string
  /** The numbers behind it (counts, shares, p-values), finite. */
  readonly metrics: Readonly<Record<string, number>>
  /** A few offending rows and values. */
  readonly examples?: readonly { readonly row: number; readonly value: unknown }[]
  /** Reported but allowed by the options (`allow`): it does not fail the check. */
  readonly allowed: boolean
}

/** One anomaly found by `checkContract`. */
export interface Anomaly extends Finding {
  readonly type: AnomalyType
}

const ORDER: Readonly<Record<AnomalySeverity, number>> = { high: 0, medium: 1, low: 2 }

/**
 * Sorts findings worst first: allowed ones last, then by severity, column and type (in the order of `types`).
 *
 * @param findings - the anomalies or issues
 * @param types - the order of types @defaultValue {@link ANOMALY_TYPES}
 * @returns a new sorted array
 * @example
 * ```ts
 * sortAnomalies(found)[0]?.severity // 'high'
 * ```
 */
export function sortAnomalies<T extends Finding>(findings: readonly T[], types: readonly string[] = ANOMALY_TYPES): T[] {
  return [...findings].sort(
    (left, right) =>
      Number(left.allowed) - Number(right.allowed) ||
      ORDER[left.severity] - ORDER[right.severity] ||
      (left.column ?? '').localeCompare(right.column ?? '') ||
      types.indexOf(left.type) - types.indexOf(right.type),
  )
}

/**
 * One line per anomaly or hygiene issue, as messages and reports print it: `[high] island: unseen categories ... Fix: ...`.
 *
 * @param anomaly - the finding
 * @example
 * ```ts
 * describeAnomaly(anomaly) // '[medium] island (unseen-category): 3 of 84 values (share 0.0357) not in [Biscoe, Dream, Torgersen]: "Atlantis" x3. Fix: ...'
 * ```
 */
export function describeAnomaly(anomaly: Finding): string {
  const where = anomaly.column === undefined ? anomaly.type : `${anomaly.column} (${anomaly.type})`
  return `[${anomaly.severity}] ${where}: ${anomaly.description}.${anomaly.allowed ? ' (allowed)' : ''} Fix: ${anomaly.fix}`
}
