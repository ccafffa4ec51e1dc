/**
 * Data hygiene: duplicates, near duplicates, conflicting labels, label distribution, MAD outliers and dead features in
 * one set (`toBeHygienic`, or `checkHygiene` for the findings as data); leakage between a training and a test set
 * beyond repeated rows is `toBeHeldOutFrom`'s (`time`, `ids`, `label`).
 */

export type { HygieneOptions, HygieneResult } from './check-hygiene.js'
export { checkHygiene } from './check-hygiene.js'
export type { ConflictingLabelsResult, LabelConflict } from './conflicting-labels.js'
export type { FeatureProblem } from './feature-problems.js'
export type { HygieneIssue, HygieneIssueType } from './hygiene-issues.js'
export { HYGIENE_ISSUE_TYPES } from './hygiene-issues.js'
export type { SplitLeakageLimits } from './judge-split-leakage.js'
export type { LabelClass, LabelDistributionResult, LabelShift } from './label-distribution.js'
export type { ColumnOutliers, MadOutliersResult } from './mad-outliers.js'
export type { NearDuplicateRow, NearDuplicateRowsResult } from './near-duplicate-rows.js'
export type { SingleFeatureScore } from './single-feature-scores.js'
export type { SplitLeakageOptions } from './split-leakage.js'
