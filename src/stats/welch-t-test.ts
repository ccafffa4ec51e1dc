import { VitestMlError } from '../util/errors.js'
import { type Alternative, checkAlternative } from './alternative.js'
import { studentTSf } from './distributions.js'
import { finiteSample } from './finite-sample.js'

/** Options of {@link welchTTest}. */
export interface WelchTTestOptions {
  /**
   * `less`: mean of reference < mean of current; `greater`: >; `two-sided`: different.
   * @defaultValue 'two-sided'
   */
  readonly alternative?: Alternative
}

/** Result of {@link welchTTest}. */
export interface WelchTTestResult {
  /** t = (mean_ref - mean_cur) / sqrt(var_ref / n_ref + var_cur / n_cur). */
  readonly statistic: number
  readonly pValue: number
  /** Welch-Satterthwaite degrees of freedom. */
  readonly df: number
  /** mean_ref - mean_cur. */
  readonly meanDifference: number
  /** NaN values dropped from both samples together. */
  readonly nanDropped: number
}

function meanAndVariance(values: Float64Array): [number, number] {
  let sum = 0
  for (let i = 0; i < values.length; i++) sum += values[i] as number
  const mean = sum / values.length
  let squares = 0
  for (let i = 0; i < values.length; i++) squares += ((values[i] as number) - mean) ** 2
  return [mean, squares / (values.length - 1)]
}

/**
 * Welch's unequal-variances t-test, as `scipy.stats.ttest_ind(reference, current, equal_var=False, alternative)`.
 *
 * Degenerate inputs: NaN is dropped and counted. Two constant samples with different values answer as scipy does —
 * statistic ±Infinity, two-sided p-value 0 (one-sided 0 or 1 by direction), df 1 (scipy's value when the
 * Welch-Satterthwaite formula is 0/0) — because two different constants are as decisive as evidence gets. Two
 * constant samples with the same value (scipy: NaN), ±Infinity, or fewer than 2 values in a sample throw
 * `VitestMlError`. One constant sample is fine.
 *
 * @param reference - the reference sample
 * @param current - the current sample
 * @param options - `alternative`
 * @returns t, p-value, Welch df and the mean difference
 * @example
 * ```ts
 * welchTTest([1, 2, 3, 4], [2, 4, 6, 8, 10]) // -> { statistic: -2.2514..., pValue: 0.0691..., df: 5.5207..., ... }
 * welchTTest([1, 1, 1], [2, 2, 2])           // -> { statistic: -Infinity, pValue: 0, df: 1, ... } (as scipy)
 * ```
 */
export function welchTTest(reference: ArrayLike<number>, current: ArrayLike<number>, options: WelchTTestOptions = {}): WelchTTestResult {
  const alternative = checkAlternative('welchTTest', options.alternative)
  const ref = finiteSample('welchTTest', 'reference', reference, 2)
  const cur = finiteSample('welchTTest', 'current', current, 2)
  const n1 = ref.values.length
  const n2 = cur.values.length
  const [mean1, var1] = meanAndVariance(ref.values)
  const [mean2, var2] = meanAndVariance(cur.values)
  const v1 = var1 / n1
  const v2 = var2 / n2
  if (v1 + v2 === 0) {
    if (mean1 === mean2) {
      throw new VitestMlError(
        'welchTTest',
        'variation in at least one sample, or two different constants',
        `two constant samples equal to ${mean1} (standard error 0)`,
        'Two identical constants carry no evidence either way (scipy returns NaN); compare the constants directly.',
      )
    }
    // scipy.stats.ttest_ind(equal_var=False): t = ±inf, df = 1 (its value for 0/0), p from the t distribution's tails.
    const statistic = mean1 > mean2 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY
    const upper = statistic > 0 ? 0 : 1
    const pValue = alternative === 'greater' ? upper : alternative === 'less' ? 1 - upper : 0
    return { statistic, pValue, df: 1, meanDifference: mean1 - mean2, nanDropped: ref.nanDropped + cur.nanDropped }
  }
  const statistic = (mean1 - mean2) / Math.sqrt(v1 + v2)
  const df = (v1 + v2) ** 2 / ((v1 * v1) / (n1 - 1) + (v2 * v2) / (n2 - 1))
  let pValue: number
  if (alternative === 'greater') pValue = studentTSf(statistic, df)
  else if (alternative === 'less') pValue = studentTSf(-statistic, df)
  else pValue = Math.min(1, 2 * studentTSf(Math.abs(statistic), df))
  return { statistic, pValue, df, meanDifference: mean1 - mean2, nanDropped: ref.nanDropped + cur.nanDropped }
}
