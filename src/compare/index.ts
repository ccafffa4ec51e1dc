/**
 * Comparing two reports: the types the report and the gate name (a stored base snapshot, the rules' comparisons). The
 * comparison itself runs in the reporter and the `vitest-ml diff` / `history` commands.
 */
export type { CheckIdentity, CheckMatching, CheckPair, MatchedBy } from './match-checks.js'
export type { MetricDirection } from './metric-direction.js'
export type { ProportionCounts } from './proportion-counts.js'
export type { ChangeInterval, CompareMetricOptions, MetricChange, MetricJudgement } from './compare-metric.js'
export type { NoRegressionJudgement } from './judge-no-regression.js'
export type { CheckChangeKind } from './classify-check-change.js'
export type { ArtifactChange, CheckChange, Regression, ReportDiff } from './diff-reports.js'
export type { CheckSummary, ReportSnapshot, SnapshotOutcome } from './report-snapshot.js'
