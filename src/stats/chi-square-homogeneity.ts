import { VitestMlError } from '../util/errors.js'
import { chiSquareSf } from './distributions.js'
import { nonNegativeCount } from './finite-sample.js'

/** Options of {@link chiSquareHomogeneity}. */
export interface ChiSquareHomogeneityOptions {
  /**
   * Apply Yates' continuity correction when the test has one degree of freedom (a 2x2 table), as scipy does.
   * @defaultValue true
   */
  readonly correction?: boolean
}

/** Result of {@link chiSquareHomogeneity}. */
export interface ChiSquareHomogeneityResult {
  /** Pearson's chi-square statistic (Yates-corrected when `correctionApplied`). */
  readonly statistic: number
  /** Upper-tail chi-square p-value at `dof`. */
  readonly pValue: number
  /** Degrees of freedom, (rows - 1) * (kept categories - 1). */
  readonly dof: number
  /** Expected counts under homogeneity, for the kept categories: row total * column total / grand total. */
  readonly expected: number[][]
  /** Indices of categories dropped because both samples had zero counts there. */
  readonly droppedCategories: number[]
  /** Whether Yates' correction was applied (only when requested and dof = 1). */
  readonly correctionApplied: boolean
}

/**
 * Chi-square test of homogeneity on a contingency table whose rows are samples (`[referenceCounts, currentCounts]`)
 * and whose columns are categories, as `scipy.stats.chi2_contingency(table, correction)`.
 *
 * Categories absent from every sample (all-zero columns) are dropped first, so a category seen in only one sample is
 * kept (and is evidence of drift), while a category seen in neither does not make the test undefined. With a single
 * kept category, dof = 0 and the result is statistic 0, p-value 1 (as scipy). An all-zero row, negative or
 * non-finite counts, ragged rows or fewer than two rows throw `VitestMlError`.
 *
 * @param table - counts, one row per sample (usually 2), one column per category
 * @param options - `correction` (Yates, 2x2 only)
 * @returns statistic, p-value, dof, expected counts and the dropped categories
 * @example
 * ```ts
 * chiSquareHomogeneity([[10, 20, 30], [15, 15, 30]])
 * // -> { statistic: 1.7142..., pValue: 0.4243..., dof: 2, expected: [[12.5, 17.5, 30], [12.5, 17.5, 30]], ... }
 * ```
 */
export function chiSquareHomogeneity(table: ReadonlyArray<ArrayLike<number>>, options: ChiSquareHomogeneityOptions = {}): ChiSquareHomogeneityResult {
  const source = 'chiSquareHomogeneity'
  const rows = table.length
  if (rows < 2) {
    throw new VitestMlError(
      source,
      'a table with at least 2 rows (one per sample)',
      `${rows} row${rows === 1 ? '' : 's'}`,
      'Pass [referenceCounts, currentCounts].',
    )
  }
  const width = (table[0] as ArrayLike<number>).length
  for (let r = 0; r < rows; r++) {
    const row = table[r] as ArrayLike<number>
    if (row.length !== width) {
      throw new VitestMlError(
        source,
        `every row to have ${width} categories`,
        `row ${r} with ${row.length}`,
        'Count the same category list in every sample (use 0 for absent categories).',
      )
    }
    for (let c = 0; c < width; c++) nonNegativeCount(source, `table[${r}][${c}]`, row[c] as number)
  }
  const kept: number[] = []
  const droppedCategories: number[] = []
  for (let c = 0; c < width; c++) {
    let column = 0
    for (let r = 0; r < rows; r++) column += (table[r] as ArrayLike<number>)[c] as number
    if (column > 0) kept.push(c)
    else droppedCategories.push(c)
  }
  const rowTotals = new Float64Array(rows)
  const colTotals = new Float64Array(kept.length)
  let total = 0
  for (let r = 0; r < rows; r++) {
    const row = table[r] as ArrayLike<number>
    for (let k = 0; k < kept.length; k++) {
      const v = row[kept[k] as number] as number
      rowTotals[r] = (rowTotals[r] as number) + v
      colTotals[k] = (colTotals[k] as number) + v
      total += v
    }
  }
  for (let r = 0; r < rows; r++) {
    if (rowTotals[r] === 0) {
      throw new VitestMlError(
        source,
        `at least one count in every row`,
        `row ${r} with total 0`,
        'An empty sample cannot be compared; check that the sample was counted.',
      )
    }
  }
  const dof = (rows - 1) * (kept.length - 1)
  const expected: number[][] = []
  for (let r = 0; r < rows; r++) {
    const line: number[] = []
    for (let k = 0; k < kept.length; k++) line.push(((rowTotals[r] as number) * (colTotals[k] as number)) / total)
    expected.push(line)
  }
  if (dof === 0) {
    return { statistic: 0, pValue: 1, dof, expected, droppedCategories, correctionApplied: false }
  }
  const correctionApplied = (options.correction ?? true) && dof === 1
  let statistic = 0
  for (let r = 0; r < rows; r++) {
    const row = table[r] as ArrayLike<number>
    const expectedRow = expected[r] as number[]
    for (let k = 0; k < kept.length; k++) {
      const e = expectedRow[k] as number
      let o = row[kept[k] as number] as number
      if (correctionApplied) {
        const diff = e - o
        o += Math.min(0.5, Math.abs(diff)) * Math.sign(diff)
      }
      statistic += ((o - e) * (o - e)) / e
    }
  }
  return { statistic, pValue: chiSquareSf(statistic, dof), dof, expected, droppedCategories, correctionApplied }
}
