import { VitestMlError } from '../util/errors.js'

/** Options of {@link bonferroni} and {@link benjaminiHochberg}. */
export interface MultipleTestingOptions {
  /**
   * Family-wise error rate (Bonferroni) or false discovery rate (Benjamini-Hochberg) to control.
   * @defaultValue 0.05
   */
  readonly alpha?: number
}

/** Result of a multiple-testing correction, in the input order. */
export interface MultipleTestingResult {
  /** Adjusted p-values (compare them with alpha directly). */
  readonly adjusted: number[]
  /** Which hypotheses are rejected at alpha. */
  readonly rejected: boolean[]
  readonly alpha: number
}

/**
 * Validates a list of p-values and alpha for the corrections.
 *
 * @param source - public name of the caller
 * @param pValues - p-values in [0, 1]
 * @param options - alpha
 * @returns alpha
 * @example
 * ```ts
 * checkPValues('bonferroni', [0.01, 0.2], {}) // -> 0.05
 * ```
 */
export function checkPValues(source: string, pValues: ArrayLike<number>, options: MultipleTestingOptions): number {
  for (let i = 0; i < pValues.length; i++) {
    const p = pValues[i] as number
    if (!(p >= 0 && p <= 1)) {
      throw new VitestMlError(
        source,
        'p-values in [0, 1]',
        `${p} at index ${i}`,
        'NaN p-values usually come from a degenerate test upstream; fix or drop that test first.',
      )
    }
  }
  const alpha = options.alpha ?? 0.05
  if (!(alpha > 0 && alpha < 1)) throw new VitestMlError(source, 'alpha in (0, 1)', String(alpha), 'alpha is the error rate to control, for example 0.05.')
  return alpha
}
