import { VitestMlError } from '../util/errors.js'
import { binomialLowerTail, chiSquareSf } from './distributions.js'
import { nonNegativeCount } from './finite-sample.js'

/** Options of {@link mcnemarTest}. */
export interface McnemarTestOptions {
  /**
   * Exact binomial test on the discordant pairs; otherwise the chi-square approximation.
   * @defaultValue true
   */
  readonly exact?: boolean
  /**
   * Continuity correction for the chi-square version (ignored when exact).
   * @defaultValue true
   */
  readonly correction?: boolean
}

/** Result of {@link mcnemarTest}. */
export interface McnemarTestResult {
  /** Exact: min(b, c). Chi-square: (|b - c| - correction)^2 / (b + c). */
  readonly statistic: number
  readonly pValue: number
  /** Discordant counts: b = table[0][1] (only the reference right), c = table[1][0] (only the current right). */
  readonly discordant: readonly [number, number]
}

/**
 * McNemar's test for paired binary outcomes (for example, two models scored on the same examples), as
 * `statsmodels.stats.contingency_tables.mcnemar(table, exact, correction)`.
 *
 * `table` is `[[both right, only reference right], [only current right, both wrong]]`; only the discordant cells
 * b and c matter. Exact (default): statistic min(b, c), p = min(1, 2 * BinomCDF(min(b, c); b + c, 1/2)).
 * Chi-square: statistic (|b - c| - 1)^2 / (b + c) with correction, p from chi-square with 1 dof.
 * With no discordant pairs (b + c = 0) there is no evidence of a difference: statistic 0, p = 1 (statsmodels
 * returns NaN for the chi-square version there). A table that is not 2x2 or has negative / non-finite counts throws
 * `VitestMlError`.
 *
 * @param table - the 2x2 table of paired outcomes
 * @param options - `exact` (true) and `correction` (true)
 * @returns statistic, p-value and the discordant counts
 * @example
 * ```ts
 * mcnemarTest([[101, 121], [59, 33]]) // -> { statistic: 59, pValue: 4.4344e-06, discordant: [121, 59] }
 * ```
 */
export function mcnemarTest(table: ReadonlyArray<ArrayLike<number>>, options: McnemarTestOptions = {}): McnemarTestResult {
  const source = 'mcnemarTest'
  if (table.length !== 2 || table.some((row) => row.length !== 2)) {
    throw new VitestMlError(
      source,
      'a 2x2 table [[a, b], [c, d]]',
      `${table.length} rows of lengths ${table.map((row) => row.length).join(', ')}`,
      'Count pairs: rows are the reference outcome (right, wrong), columns the current outcome.',
    )
  }
  for (let r = 0; r < 2; r++) for (let c = 0; c < 2; c++) nonNegativeCount(source, `table[${r}][${c}]`, (table[r] as ArrayLike<number>)[c] as number)
  const b = (table[0] as ArrayLike<number>)[1] as number
  const c = (table[1] as ArrayLike<number>)[0] as number
  const discordant = [b, c] as const
  if (b + c === 0) return { statistic: 0, pValue: 1, discordant }
  if (options.exact ?? true) {
    if (!Number.isInteger(b) || !Number.isInteger(c)) {
      throw new VitestMlError(source, 'integer counts for the exact test', `b = ${b}, c = ${c}`, 'Pass counts, or use { exact: false }.')
    }
    const statistic = Math.min(b, c)
    return { statistic, pValue: Math.min(1, 2 * binomialLowerTail(statistic, b + c, 0.5)), discordant }
  }
  const correction = (options.correction ?? true) ? 1 : 0
  const statistic = (Math.abs(b - c) - correction) ** 2 / (b + c)
  return { statistic, pValue: chiSquareSf(statistic, 1), discordant }
}
