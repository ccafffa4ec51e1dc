import type { Finding } from '../contracts/anomaly.js'
import type { Dataset } from '../data/dataset.js'
import type { DuplicateRowsResult } from '../data/duplicate-rows.js'
import { formatNumber as num } from '../util/format-number.js'
import type { HygieneOptions } from './check-hygiene.js'
import type { ConflictingLabelsResult } from './conflicting-labels.js'
import type { FeatureProblem } from './feature-problems.js'
import type { LabelDistributionResult } from './label-distribution.js'
import type { MadOutliersResult } from './mad-outliers.js'
import type { NearDuplicateRowsResult } from './near-duplicate-rows.js'

/** The problems data hygiene reports, in the order messages list them at equal severity. */
export const HYGIENE_ISSUE_TYPES = [
  'duplicate-rows',
  'conflicting-labels',
  'missing-labels',
  'label-shift',
  'rare-class',
  'near-duplicate-rows',
  'empty-feature',
  'constant-feature',
  'copied-feature',
  'outliers',
] as const

/** One kind of hygiene problem. */
export type HygieneIssueType = (typeof HYGIENE_ISSUE_TYPES)[number]

/** One hygiene problem: what, where, how bad, how to fix it. */
export interface HygieneIssue extends Finding {
  readonly type: HygieneIssueType
}

/** What the hygiene checks found, before it is judged. */
export interface HygieneFindings {
  readonly duplicates: DuplicateRowsResult
  readonly nearDuplicates?: NearDuplicateRowsResult
  readonly conflicts?: ConflictingLabelsResult
  readonly labels?: LabelDistributionResult
  readonly outliers: MadOutliersResult
  readonly featureProblems: readonly FeatureProblem[]
}

const rowsOf = (count: number, rows: number): string => `${count} of ${rows} rows (share ${num(rows === 0 ? 0 : count / rows)})`

/**
 * Turns hygiene findings into issues judged by the options: each over its limit fails (unless allowed), each without a
 * limit is reported as allowed.
 *
 * @param dataset - the data
 * @param found - what the checks found
 * @param options - the limits
 * @returns the issues, unsorted
 * @example
 * ```ts
 * hygieneIssues(data, found, { maxDuplicateShare: 0 }) // [{ type: 'duplicate-rows', severity: 'medium', ... }]
 * ```
 */
export function hygieneIssues(dataset: Dataset, found: HygieneFindings, options: HygieneOptions): HygieneIssue[] {
  const rows = dataset.rowCount
  const issues: HygieneIssue[] = []
  const push = (issue: Omit<HygieneIssue, 'allowed'>, allowed: boolean): void => {
    issues.push({ ...issue, allowed })
  }
  const { duplicates, nearDuplicates, conflicts, labels, outliers } = found
  const maxDuplicateShare = options.maxDuplicateShare ?? 0
  if (duplicates.duplicateRows > 0) {
    push(
      {
        type: 'duplicate-rows',
        severity: 'medium',
        description: `${rowsOf(duplicates.duplicateRows, rows)} repeat an earlier row (${duplicates.groups} distinct rows repeated)${maxDuplicateShare > 0 ? `, allowed share ${num(maxDuplicateShare)}` : ''}`,
        fix: 'drop repeats before training and evaluating (they overweight some rows and, across a split, leak); find the join or replay that made them',
        metrics: { duplicateRows: duplicates.duplicateRows, duplicateShare: duplicates.duplicateShare },
        examples: duplicates.examples.map((example) => ({ row: example.row, value: `same as row ${example.firstRow}` })),
      },
      duplicates.duplicateShare <= maxDuplicateShare,
    )
  }
  if (nearDuplicates !== undefined && nearDuplicates.nearDuplicateRows > 0) {
    const limit = options.maxNearDuplicateShare
    push(
      {
        type: 'near-duplicate-rows',
        severity: 'low',
        description: `${rowsOf(nearDuplicates.nearDuplicateRows, rows)} are within ${num(options.nearDuplicateDistance ?? 0.01)} standard deviations of an earlier row on every number (${nearDuplicates.numericColumns.join(', ')}) and equal elsewhere${limit === undefined ? ' (reported, not judged: set maxNearDuplicateShare)' : `, allowed share ${num(limit)}`}`,
        fix: 'check whether these are the same record entered twice (rounding, re-measurement) and keep one',
        metrics: { nearDuplicateRows: nearDuplicates.nearDuplicateRows, nearDuplicateShare: nearDuplicates.nearDuplicateShare },
        examples: nearDuplicates.examples.map((example) => ({ row: example.row, value: `near row ${example.nearRow} (distance ${num(example.distance)} sd)` })),
      },
      limit === undefined || nearDuplicates.nearDuplicateShare <= limit,
    )
  }
  if (conflicts !== undefined && conflicts.conflictingRows > 0) {
    const limit = options.maxConflictShare ?? 0
    const first = conflicts.examples[0]
    push(
      {
        type: 'conflicting-labels',
        severity: 'high',
        column: options.label as string,
        description: `${rowsOf(conflicts.conflictingRows, rows)} in ${conflicts.groups} group(s) have equal features and different labels${first === undefined ? '' : ` (rows ${first.rows.slice(0, 4).join(', ')}: ${first.labels.map((entry) => `${JSON.stringify(entry.label)} x${entry.count}`).join(' vs ')})`}${limit > 0 ? `, allowed share ${num(limit)}` : ''}`,
        fix: 'relabel or drop the conflicting rows (a labelling error, or a feature missing that tells them apart)',
        metrics: { conflictingRows: conflicts.conflictingRows, conflictingShare: conflicts.conflictingShare, conflictGroups: conflicts.groups },
        examples: conflicts.examples
          .slice(0, 5)
          .map((group) => ({ row: group.rows[0] as number, value: group.labels.map((entry) => entry.label).join(' vs ') })),
      },
      conflicts.conflictingShare <= limit,
    )
  }
  if (labels !== undefined) pushLabelIssues(labels, rows, options, push)
  pushFeatureIssues(found.featureProblems, push)
  const judged = outliers.columns.filter((column) => column.outliers > 0)
  if (judged.length > 0) {
    const limit = options.maxOutlierShare
    push(
      {
        type: 'outliers',
        severity: 'low',
        description: `${rowsOf(outliers.outlierRows, rows)} hold a value beyond ${num(outliers.threshold)} robust standard deviations of its column's median (false-alarm rate ${num(outliers.falseAlarmRate)} per value on normal data): ${judged
          .slice(0, 4)
          .map((column) => `${column.column} ${column.outliers} outside [${num(column.low)}, ${num(column.high)}]`)
          .join(', ')}${limit === undefined ? ' (reported, not judged: set maxOutlierShare)' : `, allowed share ${num(limit)}`}`,
        fix: 'look at the listed rows: fix entry errors and sentinels at the source, keep real extremes (and make sure the model sees enough of them)',
        metrics: { outlierRows: outliers.outlierRows, outlierShare: outliers.outlierShare, threshold: outliers.threshold },
        examples: judged
          .flatMap((column) => column.examples.slice(0, 2).map((example) => ({ row: example.row, value: `${column.column} = ${example.value}` })))
          .slice(0, 5),
      },
      limit === undefined || outliers.outlierShare <= limit,
    )
  }
  return issues
}

type Push = (issue: Omit<HygieneIssue, 'allowed'>, allowed: boolean) => void

function pushLabelIssues(labels: LabelDistributionResult, rows: number, options: HygieneOptions, push: Push): void {
  const column = labels.label
  if (labels.missing > 0) {
    const limit = options.maxMissingLabelShare ?? 0
    push(
      {
        type: 'missing-labels',
        severity: 'high',
        column,
        description: `${rowsOf(labels.missing, rows)} have no label${limit > 0 ? `, allowed share ${num(limit)}` : ''}`,
        fix: 'label these rows or drop them explicitly; trainers that skip them silently change the data',
        metrics: { missingLabels: labels.missing, missingLabelShare: labels.missing / rows },
      },
      labels.missing / rows <= limit,
    )
  }
  const smallest = labels.classes.filter((entry) => entry.count > 0).at(-1)
  if (smallest !== undefined && labels.classes.length > 1 && options.minClassShare !== undefined && smallest.share < options.minClassShare) {
    push(
      {
        type: 'rare-class',
        severity: 'medium',
        column,
        description: `class ${JSON.stringify(smallest.label)} is ${num(smallest.share)} of the labelled rows (${smallest.count}), below minClassShare ${num(options.minClassShare)}`,
        fix: 'collect more rows of the rare class, or weight or stratify it; judge it with per-class metrics, not accuracy',
        metrics: { smallestClassShare: smallest.share },
      },
      false,
    )
  }
  const significance = options.significance ?? 0.01
  if (labels.shift !== undefined && labels.shift.pValue < significance) {
    const moved = labels.classes
      .filter((entry) => entry.referenceShare !== undefined)
      .sort((x, y) => Math.abs(y.share - (y.referenceShare ?? 0)) - Math.abs(x.share - (x.referenceShare ?? 0)))[0]
    push(
      {
        type: 'label-shift',
        severity: 'medium',
        column,
        description: `labels are distributed unlike the reference's (${labels.shift.method} statistic ${num(labels.shift.statistic)}, p = ${num(labels.shift.pValue)} < ${num(significance)})${moved === undefined ? '' : `; most moved: ${JSON.stringify(moved.label)} ${num(moved.referenceShare ?? 0)} -> ${num(moved.share)}`}`,
        fix: 'split with stratification by label, or check the selection that produced this set; metrics are not comparable across a label shift',
        metrics: { statistic: labels.shift.statistic, pValue: labels.shift.pValue },
      },
      false,
    )
  }
}

function pushFeatureIssues(problems: readonly FeatureProblem[], push: Push): void {
  for (const problem of problems) {
    if (problem.problem === 'empty') {
      push(
        {
          type: 'empty-feature',
          severity: 'medium',
          column: problem.column,
          description: 'has no value in any row',
          fix: `drop "${problem.column}" or fix its source: it cannot inform the model`,
          metrics: {},
        },
        false,
      )
    } else if (problem.problem === 'constant') {
      push(
        {
          type: 'constant-feature',
          severity: 'medium',
          column: problem.column,
          description: `has one value in every row (${problem.detail})`,
          fix: `drop "${problem.column}" (it cannot earn its place) or fix the feed that sends one value`,
          metrics: {},
        },
        false,
      )
    } else {
      push(
        {
          type: 'copied-feature',
          severity: 'medium',
          column: problem.column,
          description: `equals "${problem.detail}" in every row`,
          fix: `drop one of "${problem.detail}" and "${problem.column}" (a join that brought a field twice?)`,
          metrics: {},
        },
        false,
      )
    }
  }
}
