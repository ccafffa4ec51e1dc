import { columnKind, isMissingCell } from '../data/column-kind.js'
import type { Column, Dataset } from '../data/dataset.js'
import { chiSquareHomogeneity } from '../stats/chi-square-homogeneity.js'
import { ksTwoSample } from '../stats/ks-two-sample.js'
import { VitestMlError } from '../util/errors.js'

/** An integer label with more distinct values than this is a numeric target, not classes. */
const MAX_CLASSES = 20

/**
 * Whether a label column is a numeric target (regression) rather than classes: real numbers, or whole numbers with
 * more than 20 distinct values.
 *
 * @param column - the label column
 * @example
 * ```ts
 * isNumericTarget(Float64Array.of(0, 1, 1, 2)) // false: class ids
 * isNumericTarget(Float64Array.of(21.5, 18, 30.2)) // true
 * ```
 */
export function isNumericTarget(column: Column): boolean {
  const decided = columnKind(column, { maxCategories: MAX_CLASSES })
  return decided.kind === 'numeric' || (decided.kind === 'integer' && decided.distinct > MAX_CLASSES)
}

/** One class of a categorical label. */
export interface LabelClass {
  readonly label: string
  readonly count: number
  /** Share among rows with a label. */
  readonly share: number
  /** Its share in the reference, when one was given. */
  readonly referenceShare?: number
}

/** How the label's distribution compares with the reference's. */
export interface LabelShift {
  /** `chi-square` (homogeneity, scipy's chi2_contingency) for classes, `ks` (two-sample) for numeric targets. */
  readonly method: 'chi-square' | 'ks'
  readonly statistic: number
  readonly pValue: number
}

/** Result of `labelDistribution`. */
export interface LabelDistributionResult {
  readonly label: string
  /**
   * `categorical` for classes, `numeric` for regression targets: real numbers, or whole numbers with more than 20
   * distinct values (decided on the reference when given).
   */
  readonly kind: 'categorical' | 'numeric'
  readonly rows: number
  /** Rows without a label (null, NaN). */
  readonly missing: number
  /** Classes, most frequent first (categorical labels only). */
  readonly classes: readonly LabelClass[]
  /** The comparison with the reference's labels, when one was given. */
  readonly shift?: LabelShift
}

/**
 * The distribution of a label column: missing labels, each class's count and share (smallest classes are where a
 * model has least to learn from), and, given the reference (training) data, whether the labels are distributed alike:
 * chi-square test of homogeneity on the class counts (`scipy.stats.chi2_contingency`, Yates-corrected for two
 * classes as scipy does), or the two-sample KS test for a numeric target.
 *
 * @param dataset - the data
 * @param label - the label column
 * @param reference - training data with the same label column, to compare with
 * @returns classes, missing labels and the comparison
 * @example
 * ```ts
 * labelDistribution(test, 'species', train).shift // { method: 'chi-square', statistic: 0.03, pValue: 0.985 }
 * ```
 */
export function labelDistribution(dataset: Dataset, label: string, reference?: Dataset): LabelDistributionResult {
  for (const data of reference === undefined ? [dataset] : [dataset, reference]) {
    if (!data.columnNames.includes(label)) {
      throw new VitestMlError(
        'labelDistribution',
        `a label column "${label}" in ${data.name}`,
        `columns ${data.columnNames.slice(0, 8).join(', ')}`,
        'Pass the name of the column that holds the labels (targets).',
      )
    }
  }
  const column = dataset.column(label)
  const kind = isNumericTarget((reference ?? dataset).column(label)) ? 'numeric' : 'categorical'
  let missing = 0
  for (const value of column) if (isMissingCell(value)) missing++
  if (kind === 'numeric') {
    const values = numbers(dataset, label)
    const shift = reference === undefined || values.length === 0 ? undefined : ksShift(values, numbers(reference, label))
    return { label, kind, rows: dataset.rowCount, missing, classes: [], ...(shift === undefined ? {} : { shift }) }
  }
  const counts = classCounts(dataset, label)
  const referenceCounts = reference === undefined ? undefined : classCounts(reference, label)
  const present = dataset.rowCount - missing
  const referencePresent = referenceCounts === undefined ? 0 : [...referenceCounts.values()].reduce((sum, count) => sum + count, 0)
  const classes = [...new Set([...counts.keys(), ...(referenceCounts?.keys() ?? [])])]
    .map((name) => ({
      label: name,
      count: counts.get(name) ?? 0,
      share: present === 0 ? 0 : (counts.get(name) ?? 0) / present,
      ...(referenceCounts === undefined ? {} : { referenceShare: referencePresent === 0 ? 0 : (referenceCounts.get(name) ?? 0) / referencePresent }),
    }))
    .sort((x, y) => y.count - x.count || (x.label < y.label ? -1 : 1))
  let shift: LabelShift | undefined
  if (referenceCounts !== undefined && present > 0 && referencePresent > 0 && classes.length > 1) {
    const names = classes.map((entry) => entry.label)
    const result = chiSquareHomogeneity([names.map((name) => referenceCounts.get(name) ?? 0), names.map((name) => counts.get(name) ?? 0)])
    shift = { method: 'chi-square', statistic: result.statistic, pValue: result.pValue }
  }
  return { label, kind, rows: dataset.rowCount, missing, classes, ...(shift === undefined ? {} : { shift }) }
}

function classCounts(dataset: Dataset, label: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const value of dataset.column(label)) {
    if (isMissingCell(value)) continue
    const key = String(value)
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

function numbers(dataset: Dataset, label: string): number[] {
  const values: number[] = []
  for (const value of dataset.column(label)) {
    const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN
    if (Number.isFinite(number)) values.push(number)
  }
  return values
}

function ksShift(current: readonly number[], reference: readonly number[]): LabelShift | undefined {
  if (reference.length === 0) return undefined
  const result = ksTwoSample(reference, current)
  return { method: 'ks', statistic: result.statistic, pValue: result.pValue }
}
