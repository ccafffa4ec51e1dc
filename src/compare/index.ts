/**
 * Comparing two reports: only the types a report or a gate file names (the base snapshot a report stores, the better
 * direction of a metric in `noRegression.directions`). The comparison itself runs in the reporter and the
 * `vitest-ml diff` / `history` commands and is not part of the public API.
 */
export type { MetricDirection } from './metric-direction.js'
export type { CheckSummary, ReportSnapshot, SnapshotOutcome } from './report-snapshot.js'
