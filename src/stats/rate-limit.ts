import { VitestMlError } from '../util/errors.js'
import { formatNumber as format } from '../util/format-number.js'
import { clopperPearsonInterval } from './clopper-pearson-interval.js'

/** What {@link judgeRateLimit} decided. */
export interface RateLimitResult {
  /** Whether the limit holds. */
  readonly passed: boolean
  /** events / trials. */
  readonly observedRate: number
  /** One-sided Clopper-Pearson upper bound on the rate at `confidence` (1 when there were no trials). */
  readonly upperBound: number
  /** The limit. */
  readonly maxRate: number
  /** The bound's confidence. */
  readonly confidence: number
  /** `3 of 500 (rate 0.006; 95% upper bound 0.0174, expected < 0.05)` or `0 of 500, expected none`. */
  readonly sentence: string
}

/**
 * Judges a limit on the rate of an event over random trials — the rule every `max<Event>Rate` option follows: a limit
 * of 0 allows no event at all; a limit above 0 passes only when the one-sided Clopper-Pearson upper bound on the rate,
 * at `confidence`, is below it, so a pass means "the rate is below the limit with that confidence", not "this sample
 * happened to come in under it".
 *
 * @param events - how many trials showed the event (mismatches, fallbacks, violations)
 * @param trials - how many trials there were
 * @param options - the limit, the confidence, and the public name and option name for errors
 * @returns the decision with the numbers for a message
 * @example
 * ```ts
 * judgeRateLimit(3, 500, { maxRate: 0.05 }).passed // true: the 95% upper bound is 0.0174
 * judgeRateLimit(1, 500, { maxRate: 0 }).passed // false: none allowed
 * ```
 */
export function judgeRateLimit(
  events: number,
  trials: number,
  options: { readonly maxRate: number; readonly confidence?: number; readonly source?: string; readonly option?: string },
): RateLimitResult {
  const source = options.source ?? 'judgeRateLimit'
  const option = options.option ?? 'maxRate'
  const { maxRate } = options
  const confidence = options.confidence ?? 0.95
  if (!(maxRate >= 0 && maxRate < 1)) {
    throw new VitestMlError(
      source,
      `\`${option}\` in [0, 1)`,
      String(maxRate),
      `0 allows none; a rate such as 0.01 passes when the ${confidence * 100}% upper bound on the rate is below it.`,
    )
  }
  if (!(confidence > 0 && confidence < 1)) throw new VitestMlError(source, '`confidence` in (0, 1)', String(confidence), 'Use 0.95 or 0.99.')
  if (!(Number.isInteger(events) && Number.isInteger(trials) && events >= 0 && events <= trials)) {
    throw new VitestMlError(source, 'whole counts with 0 <= events <= trials', `${events} of ${trials}`, 'This is a bug in the caller: report it.')
  }
  const observedRate = trials === 0 ? 0 : events / trials
  const upperBound = trials === 0 || events >= trials ? 1 : clopperPearsonInterval(events, trials, { level: confidence, alternative: 'less' }).high
  const passed = maxRate === 0 ? events === 0 : upperBound < maxRate
  const sentence =
    maxRate === 0
      ? `${events} of ${trials}, expected none`
      : `${events} of ${trials} (rate ${format(observedRate)}; ${format(confidence * 100)}% upper bound ${format(upperBound)}, expected < ${format(maxRate)})`
  return { passed, observedRate, upperBound, maxRate, confidence, sentence }
}
