import { fisherExact } from '../stats/fisher-exact.js'
import { formatNumber } from '../util/format-number.js'

/** Whether the share of missing values of a feature moved between the samples. */
export interface MissingRateChange {
  /** Share of the reference rows that are missing. */
  readonly reference: number
  /** Share of the current rows that are missing. */
  readonly current: number
  /** Two-sided p-value of Fisher's exact test on the 2 x 2 table of missing and present rows. */
  readonly pValue: number
}

/** The counts a missing-rate test needs, as every drift measurement carries them. */
interface MissingCounts {
  readonly referenceSize: number
  readonly currentSize: number
  readonly referenceMissing: number
  readonly currentMissing: number
  readonly kind: 'numeric' | 'categorical'
}

/**
 * Tests whether the share of missing values moved — a drift of its own, which the distribution tests cannot see (they
 * compare the present values; categories count missing as one more category) — with Fisher's exact test on missing vs
 * present rows. Only when either sample has missing values; a significant change (p below `alpha`) comes with a
 * warning naming both shares. The result is reported beside the feature's drift; it does not count in the drift share
 * (fail on it with `toMatchSchema`'s missing-rate anomaly).
 *
 * @param feature - the feature name
 * @param counts - the feature's measurement (sizes exclude missing values for numeric features)
 * @param alpha - significance level @defaultValue 0.05
 * @returns the test and its warning, or `undefined` when neither sample has a missing value
 * @example
 * ```ts
 * missingRateChange('temp', { kind: 'numeric', referenceSize: 90, referenceMissing: 10, currentSize: 60, currentMissing: 40 })
 * // { test: { reference: 0.1, current: 0.4, pValue: 1.5e-6 }, warning: 'temp: the share of missing values moved from 10% to 40% ...' }
 * ```
 */
export function missingRateChange(feature: string, counts: MissingCounts, alpha = 0.05): { test: MissingRateChange; warning?: string } | undefined {
  if (counts.referenceMissing === 0 && counts.currentMissing === 0) return undefined
  // Categorical sizes count every row (missing is a category); numeric sizes count the present values only.
  const referencePresent = counts.kind === 'numeric' ? counts.referenceSize : counts.referenceSize - counts.referenceMissing
  const currentPresent = counts.kind === 'numeric' ? counts.currentSize : counts.currentSize - counts.currentMissing
  const referenceRows = referencePresent + counts.referenceMissing
  const currentRows = currentPresent + counts.currentMissing
  if (referenceRows === 0 || currentRows === 0) return undefined
  const { pValue } = fisherExact([
    [counts.referenceMissing, referencePresent],
    [counts.currentMissing, currentPresent],
  ])
  const test = { reference: counts.referenceMissing / referenceRows, current: counts.currentMissing / currentRows, pValue }
  if (!(pValue < alpha)) return { test }
  const percent = (share: number): string => `${formatNumber(share * 100)}%`
  return {
    test,
    warning: `${feature}: the share of missing values moved from ${percent(test.reference)} to ${percent(test.current)} (Fisher's exact test p = ${formatNumber(pValue)}); a missing-rate change is drift of its own`,
  }
}
