import { setTimeout as sleep } from 'node:timers/promises'
import seedrandom from 'seedrandom'
import { checkedPredict } from '../model/checked-predict.js'
import type { Model } from '../model/model.js'
import { assertRate, type FaultyModel, faultyModel } from './fault-injection.js'

/** Options of {@link slow}. */
export interface SlowOptions {
  /** Added delay of a slowed call, in milliseconds. */
  readonly delayMs: number
  /** Probability that a call is slowed. @defaultValue 1 */
  readonly rate?: number
  /** Seed of the per-call draw. @defaultValue 0 */
  readonly seed?: number
}

/**
 * Wraps a model so that each `predict` call waits `delayMs` before running with probability `rate` (seeded), to
 * trigger timeouts deterministically: a 50 ms delay against a 10 ms timeout always times out, and never takes long.
 *
 * @param model - the model to slow down
 * @param options - delay, rate, seed
 * @returns the faulty model; `injected` counts slowed calls
 * @example
 * ```ts
 * const sluggish = slow(model, { delayMs: 50, rate: 0.2, seed: 1 })
 * await withFallback(sluggish, heuristic, { timeoutMs: 10 }).predict(rows) // about 1 call in 5 served by the heuristic
 * ```
 */
export function slow<I, O>(model: Model<I, O>, options: SlowOptions): FaultyModel<I, O> {
  const rate = options.rate ?? 1
  assertRate('slow', 'rate', rate)
  if (!Number.isFinite(options.delayMs) || options.delayMs < 0) {
    throw new RangeError(`slow: expected \`delayMs\` >= 0, received ${String(options.delayMs)}.\nHint: Pass the delay in milliseconds, for example 50.`)
  }
  const random = seedrandom(`slow:${options.seed ?? 0}`)
  const counters = { seen: 0, injected: 0 }
  return faultyModel(
    model,
    'slow',
    async (batch) => {
      counters.seen++
      if (random() < rate) {
        counters.injected++
        await sleep(options.delayMs)
      }
      return checkedPredict(model, batch, `${model.identity.name}+slow`)
    },
    counters,
  )
}
