import type { Dataset } from '../data/dataset.js'
import { normalQuantileStandard } from '../stats/distributions.js'
import { linearQuantile } from '../stats/linear-quantile.js'
import { sortFloat64 } from '../stats/sort-float64.js'

/** Outliers of one numeric column. */
export interface ColumnOutliers {
  readonly column: string
  /** Values judged (finite, present). */
  readonly values: number
  readonly outliers: number
  readonly share: number
  readonly median: number
  /** The robust scale: 1.4826 x MAD (or 1.2533 x the mean absolute deviation when the MAD is 0). */
  readonly scale: number
  /** Values outside [low, high] are outliers. */
  readonly low: number
  readonly high: number
  /** The first outlying rows. */
  readonly examples: readonly { readonly row: number; readonly value: number }[]
}

/** Result of `findMadOutliers`. */
export interface MadOutliersResult {
  /** The false-alarm rate per value under normality, and the robust z-score it sets. */
  readonly falseAlarmRate: number
  readonly threshold: number
  /** Rows with an outlier in at least one column. */
  readonly rows: number
  readonly outlierRows: number
  readonly outlierShare: number
  /** Every numeric column judged, most outliers first. */
  readonly columns: readonly ColumnOutliers[]
  /** Numeric columns left out, and why (too few distinct values, no spread). */
  readonly skipped: readonly { readonly column: string; readonly reason: string }[]
}

/** Numeric columns with fewer distinct values than this are codes or counts, not measurements: not judged. */
const MIN_DISTINCT = 10

/**
 * Outliers by the robust z-score (Iglewicz and Hoaglin's MAD rule): a value is an outlier when
 * |x - median| / (1.4826 x MAD) exceeds the normal quantile of `1 - falseAlarmRate / 2`, so on normally distributed
 * data each value is flagged with probability `falseAlarmRate` (3.29 standard deviations for the default 0.001),
 * whatever the outliers themselves do to the mean and standard deviation. When more than half the values are equal
 * (MAD 0), 1.2533 x the mean absolute deviation is the scale (the same sigma under normality). Columns with fewer than
 * 10 distinct values (codes, small counts) are not judged. Cost: one sort per numeric column, O(n log n).
 *
 * @param dataset - the data
 * @param columns - the columns to judge @defaultValue every numeric column
 * @param falseAlarmRate - chance of flagging a value of normal data, in (0, 1) @defaultValue 0.001
 * @param maxListed - examples kept per column @defaultValue 5
 * @returns the per-column outliers and the rows with any
 * @example
 * ```ts
 * findMadOutliers(penguins).columns[0] // { column: 'body_mass_g', outliers: 0, median: 4050, scale: 889.56, low: 1123.3, high: 6976.7, ... }
 * ```
 */
export function findMadOutliers(dataset: Dataset, columns?: readonly string[], falseAlarmRate = 0.001, maxListed = 5): MadOutliersResult {
  const threshold = normalQuantileStandard(1 - falseAlarmRate / 2)
  const flagged = new Uint8Array(dataset.rowCount)
  const judged: ColumnOutliers[] = []
  const skipped: { column: string; reason: string }[] = []
  for (const name of columns ?? dataset.columnNames.filter((column) => dataset.isNumeric(column))) {
    const column = dataset.column(name)
    if (!(column instanceof Float64Array)) {
      skipped.push({ column: name, reason: 'not numeric' })
      continue
    }
    const finite = sortFloat64(column.filter(Number.isFinite))
    let distinct = finite.length > 0 ? 1 : 0
    for (let index = 1; index < finite.length && distinct < MIN_DISTINCT; index++) if (finite[index] !== finite[index - 1]) distinct++
    if (distinct < MIN_DISTINCT) {
      skipped.push({ column: name, reason: `${distinct} distinct values (fewer than ${MIN_DISTINCT})` })
      continue
    }
    const median = linearQuantile(finite, 0.5)
    const deviations = sortFloat64(finite.map((value) => Math.abs(value - median)))
    const mad = linearQuantile(deviations, 0.5)
    let scale = 1.482_602_218_505_602 * mad
    if (!(scale > 0)) scale = 1.253_314_137_315_500_3 * (deviations.reduce((sum, value) => sum + value, 0) / deviations.length)
    if (!(scale > 0)) {
      skipped.push({ column: name, reason: 'no spread' })
      continue
    }
    const low = median - threshold * scale
    const high = median + threshold * scale
    const examples: { row: number; value: number }[] = []
    let outliers = 0
    for (let row = 0; row < column.length; row++) {
      const value = column[row] as number
      if (Number.isNaN(value) || (value >= low && value <= high)) continue
      outliers++
      flagged[row] = 1
      if (examples.length < maxListed) examples.push({ row, value })
    }
    judged.push({
      column: name,
      values: finite.length,
      outliers,
      share: finite.length === 0 ? 0 : outliers / finite.length,
      median,
      scale,
      low,
      high,
      examples,
    })
  }
  let outlierRows = 0
  for (const mark of flagged) outlierRows += mark
  judged.sort((x, y) => y.outliers - x.outliers)
  return {
    falseAlarmRate,
    threshold,
    rows: dataset.rowCount,
    outlierRows,
    outlierShare: dataset.rowCount === 0 ? 0 : outlierRows / dataset.rowCount,
    columns: judged,
    skipped,
  }
}
