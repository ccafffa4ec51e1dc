/**
 * Data hygiene: duplicates, near duplicates, conflicting labels, label distribution, MAD outliers and dead features in
 * one set; leakage between a training and a test set beyond repeated rows (time overlap, shared ids, single features
 * that give the label away).
 */
export { checkHygiene } from './check-hygiene.js'
export type { HygieneOptions, HygieneResult } from './check-hygiene.js'
export { HYGIENE_ISSUE_TYPES } from './hygiene-issues.js'
export type { HygieneIssue, HygieneIssueType } from './hygiene-issues.js'
export { findNearDuplicateRows } from './near-duplicate-rows.js'
export type { NearDuplicateRow, NearDuplicateRowsResult } from './near-duplicate-rows.js'
export { findConflictingLabels } from './conflicting-labels.js'
export type { ConflictingLabelsResult, LabelConflict } from './conflicting-labels.js'
export { labelDistribution, isNumericTarget } from './label-distribution.js'
export type { LabelClass, LabelDistributionResult, LabelShift } from './label-distribution.js'
export { findMadOutliers } from './mad-outliers.js'
export type { ColumnOutliers, MadOutliersResult } from './mad-outliers.js'
export { featureProblems } from './feature-problems.js'
export type { FeatureProblem } from './feature-problems.js'
export { singleFeatureScores, SINGLE_FEATURE_BINS } from './single-feature-scores.js'
export type { SingleFeatureScore } from './single-feature-scores.js'
export { splitLeakage } from './split-leakage.js'
export type { SplitLeakageOptions, SplitLeakageResult } from './split-leakage.js'
export { judgeSplitLeakage } from './judge-split-leakage.js'
export type { SplitLeakageJudgement, SplitLeakageLimits } from './judge-split-leakage.js'
