import { VitestMlError } from '../../util/errors.js'
import { describeValue } from '../labels.js'

/** One condition on one feature: a category, a numeric range, or missing. */
export interface SegmentCondition {
  /** The feature. */
  readonly feature: string
  /** The readable condition, for example `Island = Dream` or `Body Mass (g) < 3,700`. */
  readonly rule: string
  /** 1 for the rows that meet it. */
  readonly members: Uint8Array
}

/** Options of `segmentConditions`. */
export interface SegmentConditionOptions {
  /** Numeric features are cut at this many quantiles (rounded to 3 significant digits, so rules read cleanly). @defaultValue 4 */
  readonly bins?: number
  /** A text feature with more values than this is skipped (an identifier, not a segment). @defaultValue 20 */
  readonly maxCategories?: number
}

/**
 * The single-feature conditions a weak-segment search combines: each value of a categorical feature (text, booleans,
 * numbers with at most 10 values), each quantile range of a numeric one (`< q1`, `q1 to < q2`, ..., `>= q3` with the
 * quantiles rounded to 3 significant digits, so the rule says exactly which rows it holds), and `is missing`.
 *
 * @param rows - one record per evaluated row
 * @param features - the features to cut
 * @param options - bins and the category limit
 * @returns the conditions, and the features skipped with the reason
 * @example
 * ```ts
 * segmentConditions(records, ['Island', 'Body Mass (g)']).conditions.map((c) => c.rule)
 * // ['Island = Biscoe', 'Island = Dream', 'Island = Torgersen', 'Body Mass (g) < 3,550', ...]
 * ```
 */
export function segmentConditions(
  rows: readonly unknown[],
  features: readonly string[],
  options: SegmentConditionOptions = {},
): { conditions: SegmentCondition[]; skipped: { feature: string; reason: string }[] } {
  const bins = options.bins ?? 4
  if (!Number.isInteger(bins) || bins < 2) throw new VitestMlError('toHaveNoWeakSegments', 'an integer `bins` >= 2', String(bins), 'Use 4 for quartiles.')
  const conditions: SegmentCondition[] = []
  const skipped: { feature: string; reason: string }[] = []
  for (const feature of features) {
    const values = rows.map((row) => (row as Record<string, unknown> | null)?.[feature])
    if (values.every((value) => value === undefined)) {
      throw new VitestMlError(
        'toHaveNoWeakSegments',
        `rows with a column ${describeValue(feature)}`,
        'no row having it',
        'Name columns of the rows in `features`, or pass `rows` with the columns to search (one record per input).',
      )
    }
    const missing = (value: unknown): boolean => value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))
    const present = values.filter((value) => !missing(value))
    const distinct = new Set(present)
    const numeric = present.every((value) => typeof value === 'number')
    const members = (test: (value: unknown) => boolean): Uint8Array => {
      const flags = new Uint8Array(values.length)
      for (let index = 0; index < values.length; index++) if (test(values[index])) flags[index] = 1
      return flags
    }
    if (numeric && distinct.size > 10) {
      const edges = niceQuantiles(present as number[], bins)
      edges.forEach((edge, k) => {
        const next = edges[k + 1]
        if (k === 0) conditions.push({ feature, rule: `${feature} < ${format(edge)}`, members: members((value) => typeof value === 'number' && value < edge) })
        if (next !== undefined)
          conditions.push({
            feature,
            rule: `${format(edge)} ≤ ${feature} < ${format(next)}`,
            members: members((value) => typeof value === 'number' && value >= edge && value < next),
          })
        else conditions.push({ feature, rule: `${feature} ≥ ${format(edge)}`, members: members((value) => typeof value === 'number' && value >= edge) })
      })
    } else if (distinct.size > (options.maxCategories ?? 20)) {
      skipped.push({ feature, reason: `${distinct.size} distinct values (more than ${options.maxCategories ?? 20}: an identifier?)` })
      continue
    } else {
      const sorted = [...distinct].sort((left, right) =>
        typeof left === 'number' && typeof right === 'number' ? left - right : String(left).localeCompare(String(right)),
      )
      for (const category of sorted) conditions.push({ feature, rule: `${feature} = ${String(category)}`, members: members((value) => value === category) })
    }
    if (present.length < values.length) conditions.push({ feature, rule: `${feature} is missing`, members: members(missing) })
  }
  return { conditions, skipped }
}

/** Inner quantile cut points (numpy linear), rounded to 3 significant digits, distinct and strictly inside the range. */
function niceQuantiles(values: number[], bins: number): number[] {
  const sorted = [...values].sort((left, right) => left - right)
  const at = (q: number): number => {
    const position = q * (sorted.length - 1)
    const lower = Math.floor(position)
    return (sorted[lower] as number) + (position - lower) * ((sorted[Math.min(lower + 1, sorted.length - 1)] as number) - (sorted[lower] as number))
  }
  const low = sorted[0] as number
  const cuts = Array.from({ length: bins - 1 }, (_, k) => Number(at((k + 1) / bins).toPrecision(3))).filter((edge) => edge > low)
  return [...new Set(cuts)]
}

function format(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 6 })
}
