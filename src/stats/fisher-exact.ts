import type gammalnFunction from '@stdlib/math-base-special-gammaln'
import { VitestMlError } from '../util/errors.js'
import { lazyRequire } from '../util/lazy-require.js'
import { type Alternative, checkAlternative } from './alternative.js'

/** `@stdlib/math-base-special-gammaln`, loaded on first use (see `lazyRequire`). */
const gammaln = (...args: Parameters<typeof gammalnFunction>): ReturnType<typeof gammalnFunction> => gammalnModule()(...args)
const gammalnModule = lazyRequire<typeof gammalnFunction>('@stdlib/math-base-special-gammaln')

/** Options of {@link fisherExact}. */
export interface FisherExactOptions {
  /**
   * `greater`: the odds of the first column are higher in the first row than in the second; `less`: lower;
   * `two-sided`: different (scipy's meaning).
   * @defaultValue 'two-sided'
   */
  readonly alternative?: Alternative
}

/** Result of {@link fisherExact}. */
export interface FisherExactResult {
  /** The sample odds ratio `(a d) / (b c)` (Infinity when `b c = 0 < a d`, NaN when both are 0), as scipy reports it. */
  readonly statistic: number
  /** Exact p-value from the hypergeometric distribution of the top-left cell given the margins. */
  readonly pValue: number
}

/** Relative tolerance under which an outcome counts as "no more likely" than the observed one (R's and binomtest's 1e-7). */
const RELATIVE_TIE = 1e-7

/**
 * Fisher's exact test on a 2x2 table `[[a, b], [c, d]]`, as `scipy.stats.fisher_exact(table, alternative)`: given the
 * row and column totals, the top-left cell is hypergeometric; one-sided p-values are its tails, and the two-sided
 * p-value sums the probabilities of every table no more likely than the observed one (ties within a relative 1e-7, as
 * R's `fisher.test` and scipy's `binomtest`). Hand-written (no maintained npm package has the test): log-probabilities
 * come from `@stdlib/math-base-special-gammaln`, the tails are summed outward from the observed cell with the
 * hypergeometric ratio recurrence and stop once the terms no longer change the sum, so a table of millions of rows
 * costs a few thousand steps.
 *
 * Use it to ask whether a share (missing values, duplicates, one class) differs between two samples: rows are the
 * samples, columns "has it" / "has it not".
 *
 * @param table - `[[a, b], [c, d]]`, non-negative whole counts
 * @param options - `alternative`
 * @returns the odds ratio and the p-value
 * @example
 * ```ts
 * fisherExact([[8, 2], [1, 5]]) // -> { statistic: 20, pValue: 0.03496... }
 * fisherExact([[12, 988], [40, 960]], { alternative: 'less' }).pValue // -> 3.1e-5 (fewer missing in the first sample)
 * ```
 */
export function fisherExact(table: readonly (readonly number[])[], options: FisherExactOptions = {}): FisherExactResult {
  const alternative = checkAlternative('fisherExact', options.alternative)
  const [a, b, c, d] = checkTable(table)
  const statistic = b * c === 0 ? (a * d === 0 ? Number.NaN : Number.POSITIVE_INFINITY) : (a * d) / (b * c)
  const rowOne = a + b
  const columnOne = a + c
  const total = a + b + c + d
  // The top-left cell given the margins: hypergeometric(total, columnOne successes, rowOne draws).
  const low = Math.max(0, rowOne + columnOne - total)
  const high = Math.min(rowOne, columnOne)
  if (low === high || rowOne === 0 || rowOne === total || columnOne === 0 || columnOne === total) return { statistic, pValue: 1 }
  const logNorm = logChoose(total, rowOne)
  const logPmf = (k: number): number => logChoose(columnOne, k) + logChoose(total - columnOne, rowOne - k) - logNorm
  // Ratio P(k + 1) / P(k), from the factorials.
  const up = (k: number): number => ((columnOne - k) * (rowOne - k)) / ((k + 1) * (total - columnOne - rowOne + k + 1))
  const mode = Math.min(high, Math.max(low, Math.floor(((rowOne + 1) * (columnOne + 1)) / (total + 2))))
  // Tails are summed outward from the mode (terms shrink); a tail that would cross the mode is 1 minus the other one.
  const lowerTail = (from: number): number =>
    from <= mode ? sumTail(from, -1, low, logPmf(from), (k) => 1 / up(k - 1)) : from >= high ? 1 : 1 - sumTail(from + 1, +1, high, logPmf(from + 1), up)
  const upperTail = (from: number): number =>
    from >= mode ? sumTail(from, +1, high, logPmf(from), up) : from <= low ? 1 : 1 - sumTail(from - 1, -1, low, logPmf(from - 1), (k) => 1 / up(k - 1))
  if (alternative === 'less') return { statistic, pValue: clamp(lowerTail(a)) }
  if (alternative === 'greater') return { statistic, pValue: clamp(upperTail(a)) }
  const observed = logPmf(a)
  const limit = observed + Math.log1p(RELATIVE_TIE)
  if (logPmf(mode) <= limit) return { statistic, pValue: 1 }
  // The other side of the mode: the first outcome (going outward) no more likely than the observed one.
  const otherSide = a < mode ? firstAtMost(logPmf, limit, mode, high, +1) : firstAtMost(logPmf, limit, mode, low, -1)
  const near = a < mode ? lowerTail(a) : upperTail(a)
  const far = otherSide === undefined ? 0 : a < mode ? upperTail(otherSide) : lowerTail(otherSide)
  return { statistic, pValue: clamp(near + far) }
}

function clamp(p: number): number {
  return Math.min(1, Math.max(0, p))
}

function checkTable(table: readonly (readonly number[])[]): [number, number, number, number] {
  const cells = Array.isArray(table) && table.length === 2 && table.every((row) => Array.isArray(row) && row.length === 2) ? table.flat() : undefined
  if (cells === undefined) {
    throw new VitestMlError(
      'fisherExact',
      'a 2x2 table [[a, b], [c, d]]',
      JSON.stringify(table)?.slice(0, 60) ?? String(table),
      'Rows are the two samples, columns "has it" and "has it not", for example [[missingRef, presentRef], [missingCur, presentCur]].',
    )
  }
  const bad = cells.find((value) => !(Number.isInteger(value) && value >= 0))
  if (bad !== undefined) throw new VitestMlError('fisherExact', 'non-negative whole counts', String(bad), 'Each cell counts rows; pass integers >= 0.')
  return cells as [number, number, number, number]
}

function logChoose(n: number, k: number): number {
  return gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1)
}

/** Sum of P(k) from `from` toward `end` (step ±1), by the ratio recurrence, until the terms stop adding to the sum. */
function sumTail(from: number, step: 1 | -1, end: number, logFirst: number, ratio: (k: number) => number): number {
  let term = Math.exp(logFirst)
  let sum = term
  for (let k = from; k !== end; k += step) {
    term *= ratio(k)
    if (term === 0 || term < sum * 1e-17) break
    sum += term
  }
  return sum
}

/** The first k from `from` toward `end` with log P(k) <= limit (log P decreases that way), by bisection. */
function firstAtMost(logPmf: (k: number) => number, limit: number, from: number, end: number, step: 1 | -1): number | undefined {
  if (logPmf(end) > limit) return undefined
  let inside = from // log P > limit
  let outside = end // log P <= limit
  while (Math.abs(outside - inside) > 1) {
    const middle = inside + step * Math.floor(Math.abs(outside - inside) / 2)
    if (logPmf(middle) > limit) inside = middle
    else outside = middle
  }
  return outside
}
