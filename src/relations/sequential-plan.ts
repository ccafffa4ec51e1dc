import { VitestMlError } from '../util/errors.js'

/** Options of a sequential (group-sequential) statistical check. */
export interface SequentialOptions {
  /** Pre-planned looks at the data, evenly spaced over `numRuns`. @defaultValue 4 */
  readonly looks?: number
  /** Exponent of the power alpha-spending function `alpha * t^rho` (1 ~ Pocock, 3 ~ O'Brien-Fleming). @defaultValue 2 */
  readonly rho?: number
}

/** One pre-planned look: how many cases have been judged by then, and the alpha spent at it. */
export interface PlannedLook {
  /** Cases judged at this look (cumulative). */
  readonly numRuns: number
  /** Alpha spent at this look; the bound at this look is a one-sided `1 - alpha` Clopper-Pearson bound. */
  readonly alpha: number
}

/**
 * Plans the looks of a sequential check: look `k` of `K` comes after `numRuns * k / K` cases and spends
 * `alpha * ((k / K)^rho - ((k - 1) / K)^rho)` (Kim-DeMets power spending). The spent alphas sum to `alpha`, so by the
 * union bound the chance of a false pass over all looks stays at most `alpha`: conservative, but exact-binomial valid
 * at every sample size (no normal approximation of boundary-crossing probabilities).
 *
 * @param numRuns - the largest number of cases (the last look)
 * @param alpha - `1 - confidence`
 * @param options - number of looks and spending exponent
 * @returns the looks, in order
 * @example
 * ```ts
 * sequentialPlan(1000, 0.05, { looks: 2, rho: 2 }) // [{ numRuns: 500, alpha: 0.0125 }, { numRuns: 1000, alpha: 0.0375 }]
 * ```
 */
export function sequentialPlan(numRuns: number, alpha: number, options: SequentialOptions = {}): PlannedLook[] {
  const looks = options.looks ?? 4
  const rho = options.rho ?? 2
  if (!Number.isInteger(looks) || looks < 1 || looks > numRuns) {
    throw new VitestMlError(
      'sequential',
      `a whole number of looks in [1, ${numRuns}]`,
      String(looks),
      'Pass `sequential: { looks: 4 }`; each look needs at least one case.',
    )
  }
  if (!(rho > 0 && Number.isFinite(rho)))
    throw new VitestMlError('sequential', 'a spending exponent `rho` > 0', String(rho), 'Use 1 (spend early), 2 (default) or 3 (spend late).')
  const plan: PlannedLook[] = []
  let spent = 0
  for (let k = 1; k <= looks; k++) {
    const cumulative = alpha * (k / looks) ** rho
    plan.push({ numRuns: Math.round((numRuns * k) / looks), alpha: cumulative - spent })
    spent = cumulative
  }
  return plan
}
