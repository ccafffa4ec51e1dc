import { MISSING_CATEGORY } from '../drift/feature-values.js'
import { chiSquareHomogeneity } from '../stats/chi-square-homogeneity.js'
import { jensenShannonDistance } from '../stats/jensen-shannon-distance.js'
import type { CategoricalColumnProfile, NumericColumnProfile } from './data-profile.js'
import type { ProfileStatistic } from './profile-drift.js'

/** What the categorical statistics need from a profile. */
export type CategoryCountsProfile = Pick<CategoricalColumnProfile, 'rows' | 'missing' | 'categories'>

/**
 * A numeric column with few distinct values, seen as categories (`String(value)`, missing values as `(missing)`), as
 * the drift suite compares numeric features with at most 5 distinct reference values.
 *
 * @param column - a numeric column profile with exact value counts
 * @returns the same counts as categories
 * @example
 * ```ts
 * numericAsCategories(column).categories.counts // [['0', 812], ['1', 188]]
 * ```
 */
export function numericAsCategories(column: NumericColumnProfile): CategoryCountsProfile {
  const exact = column.summary.exact ?? { values: [], counts: [] }
  const counts: [string, number][] = exact.values.map((value, index) => [String(value), exact.counts[index] ?? 0])
  if (column.missing > 0) counts.push([MISSING_CATEGORY, column.missing])
  if (column.nonFinite > 0) counts.push(['Infinity', column.nonFinite])
  return { rows: column.rows, missing: column.missing, categories: { counts, countError: 0 } }
}

/**
 * Jensen-Shannon distance and (with exact counts) the chi-square test of homogeneity, or the two-proportion Z-test for
 * two categories, from two profiles' category counts. With exact counts both are exact. With frequent-items counts,
 * the mass not listed (`rows - sum of listed counts`, at most the undercount) goes to an `(other)` bucket per side; as
 * the Jensen-Shannon distance is a metric and JSD <= ln(2) TV, the error is at most
 * sqrt(ln 2 * unlistedShare(reference)) + sqrt(ln 2 * unlistedShare(current)); chi-square is then not computed.
 *
 * @param reference - reference counts
 * @param current - current counts
 * @returns the statistics, the number of categories and warnings
 * @example
 * ```ts
 * categoricalStatistics(januaryOrigin, juneOrigin).statistics['jensen-shannon'] // { value: 0.031, error: 0 }
 * ```
 */
export function categoricalStatistics(
  reference: CategoryCountsProfile,
  current: CategoryCountsProfile,
): { statistics: Record<string, ProfileStatistic>; categories: number; warnings: string[] } {
  const labels = [...new Set([...reference.categories.counts.map(([label]) => label), ...current.categories.counts.map(([label]) => label)])]
  const lookup = (profile: CategoryCountsProfile) => {
    const map = new Map(profile.categories.counts)
    return labels.map((label) => map.get(label) ?? 0)
  }
  const r = lookup(reference)
  const c = lookup(current)
  const exact = reference.categories.countError === 0 && current.categories.countError === 0
  const unlisted = (profile: CategoryCountsProfile, counts: number[]) => Math.max(profile.rows - counts.reduce((sum, count) => sum + count, 0), 0)
  const rOther = unlisted(reference, r)
  const cOther = unlisted(current, c)
  const withOther = exact ? { r, c } : { r: [...r, rOther, 0], c: [...c, 0, cOther] }
  const js = jensenShannonDistance(withOther.r, withOther.c).statistic
  const jsError = exact
    ? 0
    : Math.sqrt(Math.LN2 * (reference.rows === 0 ? 0 : rOther / reference.rows)) + Math.sqrt(Math.LN2 * (current.rows === 0 ? 0 : cOther / current.rows))
  const statistics: Record<string, ProfileStatistic> = { 'jensen-shannon': { value: js, error: jsError } }
  const warnings: string[] = []
  if (exact && labels.length >= 2) {
    const chi = chiSquareHomogeneity([r, c], { correction: false })
    statistics['chi-square'] = { value: chi.statistic, error: 0, pValue: chi.pValue }
    if (labels.length === 2) {
      const sign = (c[0] ?? 0) / ((c[0] ?? 0) + (c[1] ?? 0)) >= (r[0] ?? 0) / ((r[0] ?? 0) + (r[1] ?? 0)) ? 1 : -1
      statistics.z = { value: sign * Math.sqrt(chi.statistic), error: 0, pValue: chi.pValue }
    }
  }
  return { statistics, categories: labels.length, warnings }
}
