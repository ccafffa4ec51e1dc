import seedrandom from 'seedrandom'
import { checkedPredict } from '../model/checked-predict.js'
import type { Model } from '../model/model.js'
import { assertRate, type FaultyModel, faultyModel } from './fault-injection.js'

/** Options of {@link failing}. */
export interface FailingOptions {
  /** Probability that a call throws. */
  readonly rate: number
  /** What to throw: an error, a message, or a factory. @defaultValue `Error('injected failure')` */
  readonly error?: Error | string | (() => Error)
  /** Seed of the per-call draw. @defaultValue 0 */
  readonly seed?: number
}

/**
 * Wraps a model so that each `predict` call throws with probability `rate` (seeded: the same calls fail on every
 * run), to test what a fallback, a shadow or a retry does when the model behind it breaks.
 *
 * @param model - the model to break
 * @param options - failure rate, error, seed
 * @returns the faulty model; `injected` counts failed calls
 * @example
 * ```ts
 * const flaky = failing(model, { rate: 0.3, error: 'feature store unreachable', seed: 1 })
 * await flaky.predict(rows) // rejects about 3 calls in 10
 * ```
 */
export function failing<I, O>(model: Model<I, O>, options: FailingOptions): FaultyModel<I, O> {
  assertRate('failing', 'rate', options.rate)
  const random = seedrandom(`failing:${options.seed ?? 0}`)
  const counters = { seen: 0, injected: 0 }
  const makeError = (): Error => {
    const error = options.error
    if (error === undefined) return new Error('injected failure')
    if (typeof error === 'string') return new Error(error)
    return typeof error === 'function' ? error() : error
  }
  return faultyModel(
    model,
    'failing',
    async (batch) => {
      counters.seen++
      if (random() < options.rate) {
        counters.injected++
        throw makeError()
      }
      return checkedPredict(model, batch, `${model.identity.name}+failing`)
    },
    counters,
  )
}
