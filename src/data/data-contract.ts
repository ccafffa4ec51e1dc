import type { ColumnKind } from './column-kind.js'

/** The format tag every saved data contract carries (and `loadContract` checks). */
export const DATA_CONTRACT_FORMAT = 'vitest-ml/data-contract@1'

/** A numeric column's distribution, for review and later comparison (saved when `summaries: true`). */
export interface ContractNumericSummary {
  readonly mean: number
  /** Population standard deviation. */
  readonly sd: number
  /** Linear-interpolated quantiles (numpy's default) at 1, 5, 25, 50, 75, 95 and 99%. */
  readonly quantiles: {
    readonly p01: number
    readonly p05: number
    readonly p25: number
    readonly p50: number
    readonly p75: number
    readonly p95: number
    readonly p99: number
  }
}

/** A categorical column's distribution: the share of each value among present values. */
export interface ContractCategorySummary {
  readonly shares: Readonly<Record<string, number>>
}

/**
 * What one column is expected to be. Learned by `inferSchema` from training data and saved for review: every field
 * can be edited by hand (widen a range, add a category, allow a column to be absent), and `toMatchSchema` checks data
 * against what the file says.
 */
export interface ColumnContract {
  /** What the column holds (see `columnKind`). */
  readonly kind: ColumnKind
  /** The column must be present in checked data. @defaultValue true */
  readonly required: boolean
  /** Missing values in the training data (null, NaN, sentinels, non-numeric tokens of a numeric column). */
  readonly missing: number
  /** `missing / rows`, for the reader; the missing-rate test uses the counts. */
  readonly missingShare: number
  /** Values that mean "missing" in this column: declared, or seen as non-numeric tokens (`'n/a'`) in a numeric column. */
  readonly sentinels?: readonly (string | number)[]
  /** Smallest and largest value (numeric and integer columns). */
  readonly min?: number
  readonly max?: number
  /** Earliest and latest value, ISO 8601 (datetime columns; not checked: time moves on). */
  readonly earliest?: string
  readonly latest?: string
  /** The allowed values (categorical and boolean columns), sorted. */
  readonly values?: readonly (string | number | boolean)[]
  /** Distinct present values in training (counted up to the category limit + 1 for wide columns). */
  readonly distinct: number
  /** Every present training value was distinct (an id): repeats in checked data are anomalies. */
  readonly unique: boolean
  /** Share of values allowed outside `values` before it is an anomaly. @defaultValue 0 (or the matcher's option) */
  readonly maxUnseenShare?: number
  /** Share of values allowed outside [min, max] before it is an anomaly. @defaultValue 0 (or the matcher's option) */
  readonly maxOutOfRangeShare?: number
  /** Distribution summary, when inferred with `summaries: true`. */
  readonly summary?: ContractNumericSummary | ContractCategorySummary
  /** A reviewer's (or `vitest-ml init`'s) note on why the column is as it is: an allowance, a known defect. */
  readonly note?: string
}

/**
 * A data contract (TFDV calls it a schema): the expectations on every column of the data a model is trained and
 * served on, learned from training data by `inferSchema`, saved as reviewed JSON (`writeContract`), loaded and
 * validated with ajv (`loadContract`), and checked with `expect(data).toMatchSchema(contract)`.
 */
export interface DataContract {
  /** {@link DATA_CONTRACT_FORMAT}. */
  readonly format: typeof DATA_CONTRACT_FORMAT
  /** The data it was learned from. */
  readonly source: { readonly name: string; readonly rows: number; readonly sha256?: string }
  /** The label column, if named when inferring. */
  readonly label?: string
  /** Columns in order. */
  readonly columns: Readonly<Record<string, ColumnContract>>
  /** Exact duplicate rows in the training data (rows equal to an earlier row). */
  readonly duplicates: { readonly rows: number; readonly share: number }
}

/**
 * Whether a value looks like a {@link DataContract} (has the format tag and columns), without validating it.
 *
 * @param value - anything
 * @example
 * ```ts
 * isDataContract(inferSchema(train).contract) // true
 * isDataContract(inferSchema(train).schema) // false: a feature schema
 * ```
 */
export function isDataContract(value: unknown): value is DataContract {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as DataContract).format === DATA_CONTRACT_FORMAT &&
    typeof (value as DataContract).columns === 'object'
  )
}
