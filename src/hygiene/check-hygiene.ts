import { sortAnomalies } from '../contracts/anomaly.js'
import type { Dataset } from '../data/dataset.js'
import { type DuplicateRowsResult, findDuplicateRows } from '../data/duplicate-rows.js'
import { VitestMlError } from '../util/errors.js'
import { type ConflictingLabelsResult, findConflictingLabels } from './conflicting-labels.js'
import { type FeatureProblem, featureProblems } from './feature-problems.js'
import { HYGIENE_ISSUE_TYPES, type HygieneIssue, type HygieneIssueType, hygieneIssues } from './hygiene-issues.js'
import { type LabelDistributionResult, labelDistribution } from './label-distribution.js'
import { findMadOutliers, type MadOutliersResult } from './mad-outliers.js'
import { findNearDuplicateRows, type NearDuplicateRowsResult } from './near-duplicate-rows.js'

/** Options of {@link checkHygiene}. */
export interface HygieneOptions {
  /** The label column: conflicting and missing labels, class shares and label shift are checked when given. */
  readonly label?: string
  /** Training data to compare the label distribution with (for a test set). */
  readonly reference?: Dataset
  /** Columns left out entirely (ids, timestamps, free text). @defaultValue [] */
  readonly ignore?: readonly string[]
  /** Largest share of rows that repeat an earlier row. @defaultValue 0 */
  readonly maxDuplicateShare?: number
  /** Near-duplicate distance in standard deviations (see `findNearDuplicateRows`); 0 turns the search off. @defaultValue 0.01 */
  readonly nearDuplicateDistance?: number
  /** Largest share of near-duplicate rows. @defaultValue none: reported, not judged */
  readonly maxNearDuplicateShare?: number
  /** Largest share of rows in groups of equal features with different labels. @defaultValue 0 */
  readonly maxConflictShare?: number
  /** Largest share of rows without a label. @defaultValue 0 */
  readonly maxMissingLabelShare?: number
  /** Smallest share of any class. @defaultValue none: reported, not judged */
  readonly minClassShare?: number
  /** Significance of the label-shift test against `reference`. @defaultValue 0.01 */
  readonly significance?: number
  /** Chance of flagging a value of normally distributed data as an outlier (see `findMadOutliers`). @defaultValue 0.001 */
  readonly falseAlarmRate?: number
  /** Largest share of rows with an outlier. @defaultValue none: reported, not judged */
  readonly maxOutlierShare?: number
  /** Issue types reported but not failing the check. @defaultValue [] */
  readonly allow?: readonly HygieneIssueType[]
}

/** Result of {@link checkHygiene}. */
export interface HygieneResult {
  readonly rows: number
  /** Feature columns examined (every column but the label and `ignore`). */
  readonly features: readonly string[]
  /** Every issue, worst first. */
  readonly issues: readonly HygieneIssue[]
  /** Issues not allowed: the data is clean when there are none. */
  readonly failing: readonly HygieneIssue[]
  readonly passed: boolean
  readonly duplicates: DuplicateRowsResult
  readonly nearDuplicates?: NearDuplicateRowsResult
  readonly conflicts?: ConflictingLabelsResult
  readonly labels?: LabelDistributionResult
  readonly outliers: MadOutliersResult
  readonly featureProblems: readonly FeatureProblem[]
}

/**
 * Data hygiene of one set (training or test data), in the manner of Deepchecks' data-integrity suite: exact duplicate
 * rows, near-duplicate rows, groups of equal features with different labels, missing labels, class shares and (with a
 * reference) label shift, MAD outliers with a stated false-alarm rate, and features that cannot earn their place
 * (empty, constant, copies). Duplicates are found by fingerprint and sort, near duplicates on a grid: near-linear in
 * rows. What is judged and what only reported is in the options; every issue carries a severity and a one-line fix.
 *
 * @param dataset - the data
 * @param options - label, reference, limits, allowed issue types
 * @returns the issues worst first, whether the data is clean, and every finding behind them
 * @example
 * ```ts
 * const result = checkHygiene(train, { label: 'species' })
 * result.failing.map(describeAnomaly) // ['[high] (conflicting-labels): 2 rows in 1 group have equal features and different labels ...']
 * ```
 */
export function checkHygiene(dataset: Dataset, options: HygieneOptions = {}): HygieneResult {
  for (const type of options.allow ?? []) {
    if (!(HYGIENE_ISSUE_TYPES as readonly string[]).includes(type))
      throw new VitestMlError('checkHygiene', `issue types in \`allow\` (${HYGIENE_ISSUE_TYPES.join(', ')})`, JSON.stringify(type), 'Check the spelling.')
  }
  if (options.label !== undefined && !dataset.columnNames.includes(options.label)) {
    throw new VitestMlError(
      'checkHygiene',
      `a label column "${options.label}" in ${dataset.name}`,
      `columns ${dataset.columnNames.slice(0, 8).join(', ')}`,
      'Pass the name of the column that holds the labels, or leave `label` out.',
    )
  }
  const ignore = new Set(options.ignore ?? [])
  const features = dataset.columnNames.filter((name) => name !== options.label && !ignore.has(name))
  const rowColumns = options.label === undefined ? features : [...features, options.label]
  const duplicates = findDuplicateRows(dataset, { columns: rowColumns, maxListed: 5 })
  const distance = options.nearDuplicateDistance ?? 0.01
  const nearDuplicates = distance > 0 ? findNearDuplicateRows(dataset, rowColumns, distance, duplicates.repeated, 5) : undefined
  const conflicts = options.label === undefined ? undefined : findConflictingLabels(dataset, options.label, features, 5)
  const labels = options.label === undefined ? undefined : labelDistribution(dataset, options.label, options.reference)
  const outliers = findMadOutliers(
    dataset,
    features.filter((name) => dataset.isNumeric(name)),
    options.falseAlarmRate ?? 0.001,
  )
  const problems = featureProblems(dataset, features)
  const found = {
    duplicates,
    ...(nearDuplicates === undefined ? {} : { nearDuplicates }),
    ...(conflicts === undefined ? {} : { conflicts }),
    ...(labels === undefined ? {} : { labels }),
    outliers,
    featureProblems: problems,
  }
  const allow = new Set<string>(options.allow ?? [])
  const issues = sortAnomalies(
    hygieneIssues(dataset, found, options).map((issue) => ({ ...issue, allowed: issue.allowed || allow.has(issue.type) })),
    HYGIENE_ISSUE_TYPES,
  )
  const failing = issues.filter((issue) => !issue.allowed)
  return { rows: dataset.rowCount, features, issues, failing, passed: failing.length === 0, ...found }
}
