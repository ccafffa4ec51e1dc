import type { CategorySummary } from './category-summary.js'
import type { Moments } from './moments.js'
import type { NumericSummary } from './numeric-summary.js'

/** The `format` tag every profile carries, so a profile can be told from data. */
export const PROFILE_FORMAT = 'vitest-ml/profile'

/** A numeric column's profile. */
export interface NumericColumnProfile {
  readonly kind: 'numeric'
  /** Rows seen (finite, missing and infinite values). */
  readonly rows: number
  /** Missing values (null, NaN, empty). */
  readonly missing: number
  /** ±Infinity values (kept out of the summary and the moments). */
  readonly nonFinite: number
  /** Count, mean, m2, min and max of the finite values. */
  readonly moments: Moments
  /** Exact value counts or a KLL sketch of the finite values. */
  readonly summary: NumericSummary
}

/** A categorical column's profile; missing values are counted under the label `(missing)`, as the drift suite does. */
export interface CategoricalColumnProfile {
  readonly kind: 'categorical'
  /** Rows seen. */
  readonly rows: number
  /** Missing values (also counted as the category `(missing)`). */
  readonly missing: number
  /** Category counts (exact, or frequent items with `countError`). */
  readonly categories: CategorySummary
}

/** One column's profile. */
export type ColumnProfile = NumericColumnProfile | CategoricalColumnProfile

/** Settings a profile was built with; profiles merge only with profiles of the same settings. */
export interface ProfileSettings {
  /** KLL accuracy parameter (rank error about 2.446 / k^0.9433). */
  readonly k: number
  /** Distinct numeric values counted exactly before a column switches to KLL. */
  readonly exactLimit: number
  /** Categories listed at most per column (beyond: Misra-Gries frequent items). */
  readonly maxCategories: number
  /** Seed of the KLL compaction coins. */
  readonly seed: number
}

/**
 * A dataset's profile: a bounded-size summary of every column (quantile sketch or exact value counts, category
 * counts, missing counts, moments) as plain JSON data. `JSON.stringify` it to store it; `parseProfile` reads it back;
 * `mergeProfiles(a, b)` gives the profile of the two datasets concatenated; `profileDrift(reference, current)` and
 * `expect(currentProfile).not.toHaveDriftedFrom(referenceProfile)` compare two profiles.
 */
export interface DataProfile {
  /** Always {@link PROFILE_FORMAT}. */
  readonly format: typeof PROFILE_FORMAT
  /** Format version. */
  readonly version: 1
  /** Name shown in reports. */
  readonly name: string
  /** Rows profiled. */
  readonly rows: number
  /** Settings of the sketches. */
  readonly settings: ProfileSettings
  /** Column name to its profile. */
  readonly columns: Readonly<Record<string, ColumnProfile>>
  /** Columns left out (vectors, which a profile does not summarise). */
  readonly skipped: readonly string[]
  /** What built it: `memory`, `stream`, `duckdb`, or `merge`. */
  readonly source: string
}

/** Default settings: k = 1000 (rank error 0.0036), 4096 exact distinct values, 10,000 categories, seed 0. */
export const DEFAULT_PROFILE_SETTINGS: ProfileSettings = { k: 1000, exactLimit: 4096, maxCategories: 10_000, seed: 0 }

/**
 * Whether a value is a {@link DataProfile} (by its `format` tag).
 *
 * @param value - anything
 * @returns true for a profile
 * @example
 * ```ts
 * isDataProfile(profile(data)) // true
 * isDataProfile({ x: [1] })    // false
 * ```
 */
export function isDataProfile(value: unknown): value is DataProfile {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === PROFILE_FORMAT
}
