import { benjaminiHochberg } from '../stats/benjamini-hochberg.js'
import { bonferroni } from '../stats/bonferroni.js'
import { VitestMlError } from '../util/errors.js'

/**
 * Multiple-testing correction across features: `none` (each test at its own threshold, Evidently's default),
 * `bonferroni` (controls the chance of any false alarm) or `benjamini-hochberg` (controls the share of false alarms
 * among flagged features).
 */
export type DriftCorrection = 'none' | 'bonferroni' | 'benjamini-hochberg'

/**
 * Adjusts the test p-values of a drift run with the statistics module's corrections (`bonferroni`,
 * `benjaminiHochberg`, both matching `statsmodels.stats.multitest.multipletests`), so each adjusted p-value can be
 * compared with the feature's own threshold.
 *
 * @param pValues - raw p-values, one per test-based feature
 * @param correction - the correction
 * @returns adjusted p-values in the same order (the input itself for `none`)
 * @example
 * ```ts
 * correctPValues([0.01, 0.04, 0.3], 'bonferroni')         // [0.03, 0.12, 0.9]
 * correctPValues([0.01, 0.04, 0.3], 'benjamini-hochberg') // [0.03, 0.06, 0.3]
 * ```
 */
export function correctPValues(pValues: readonly number[], correction: DriftCorrection): number[] {
  if (correction !== 'none' && correction !== 'bonferroni' && correction !== 'benjamini-hochberg') {
    throw new VitestMlError(
      'correctPValues',
      "correction 'none', 'bonferroni' or 'benjamini-hochberg'",
      JSON.stringify(correction),
      'Bonferroni bounds any false alarm; Benjamini-Hochberg the share of false alarms.',
    )
  }
  if (correction === 'none' || pValues.length === 0) return [...pValues]
  if (correction === 'bonferroni') return bonferroni(pValues).adjusted
  return benjaminiHochberg(pValues).adjusted
}
