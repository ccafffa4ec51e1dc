import { type PerturbableRow, withFeature } from '../arbitraries/perturb-row.js'
import { checkedPredict } from '../model/checked-predict.js'
import type { Model } from '../model/model.js'
import type { CaseProbe, Violation } from '../properties/case-probe.js'
import type { FeatureRef } from './feature-ref.js'
import type { MonotonicCase } from './monotonicity-probe.js'

/** Where a monotonicity violation sits, narrowed down by bisection. */
export interface LocalizedViolation<I, O> {
  /** Feature value of the lower end. */
  readonly from: number
  /** Feature value of the upper end. */
  readonly to: number
  readonly inputs: readonly [I, I]
  readonly outputs: readonly O[]
  readonly violation: Violation
  /** Bisection steps that narrowed the interval. */
  readonly steps: number
}

/**
 * Narrows a monotonicity violation between feature values `from < to` down to a tiny interval by bisection: when the
 * output moves the wrong way over `[from, to]` it also does so over one of the halves (by at least half as much), so
 * the break point is found in about 40 single-row calls. Stops when neither half still violates (tolerance) or after
 * `maxSteps`.
 *
 * @param model - the model
 * @param probe - the monotonicity probe of the check (same output, direction, tolerance)
 * @param row - the counterexample's base row
 * @param feature - the feature
 * @param from - the base value
 * @param to - the raised value
 * @param maxSteps - bisection steps @defaultValue 40
 * @param source - public name for errors @defaultValue 'localizeViolation'
 * @returns the narrowest violating pair found
 * @example
 * ```ts
 * const where = await localizeViolation(model, probe, base, 2, 0.37, 0.6)
 * where.from // 0.5999999
 * ```
 */
export async function localizeViolation<I extends PerturbableRow, O>(
  model: Model<I, O>,
  probe: CaseProbe<MonotonicCase<I>, I, O>,
  row: I,
  feature: FeatureRef,
  from: number,
  to: number,
  maxSteps = 40,
  source = 'localizeViolation',
): Promise<LocalizedViolation<I, O> | undefined> {
  const judgeInterval = async (low: number, high: number): Promise<Omit<LocalizedViolation<I, O>, 'steps'> | undefined> => {
    const testCase: MonotonicCase<I> = [withFeature(row, feature, low), high - low]
    const inputs = probe.inputsOf(testCase) as [I, I]
    const outputs = await checkedPredict(model, inputs, source)
    const violation = probe.judge(testCase, outputs)
    return violation === undefined ? undefined : { from: low, to: high, inputs, outputs, violation }
  }
  const first = await judgeInterval(from, to)
  if (first === undefined) return undefined
  let best: Omit<LocalizedViolation<I, O>, 'steps'> = first
  let steps = 0
  while (steps < maxSteps) {
    const middle = best.from + (best.to - best.from) / 2
    if (middle <= best.from || middle >= best.to) break
    const next: Omit<LocalizedViolation<I, O>, 'steps'> | undefined = (await judgeInterval(best.from, middle)) ?? (await judgeInterval(middle, best.to))
    if (next === undefined) break
    best = next
    steps++
  }
  return { ...best, steps }
}
