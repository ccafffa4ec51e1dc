import seedrandom from 'seedrandom'
import { checkedPredict } from '../model/checked-predict.js'
import type { Model } from '../model/model.js'
import { outputLeaves } from '../model/output-leaves.js'
import { assertRate, type FaultyModel, faultyModel } from './fault-injection.js'
import { mapOutputNumbers } from './map-output-numbers.js'

/** Options of {@link corrupt}. */
export interface CorruptOptions {
  /** Probability that one output row has all its numbers replaced by NaN. */
  readonly nanRate: number
  /** Seed of the per-row draw. @defaultValue 0 */
  readonly seed?: number
}

/**
 * Wraps a model so that each output row, with probability `nanRate` (seeded), comes back with NaN in place of every
 * number (same shape), the way a numerically broken model or a bad feature join shows up in production. An output with
 * no number in it (a string label) is replaced by NaN itself, so every injected fault really is a broken answer.
 *
 * @param model - the model to corrupt
 * @param options - NaN rate, seed
 * @returns the faulty model; `seen` counts rows, `injected` corrupted rows
 * @example
 * ```ts
 * await corrupt(model, { nanRate: 1 }).predict([[1, 2]]) // [[NaN, NaN, NaN]]
 * ```
 */
export function corrupt<I, O>(model: Model<I, O>, options: CorruptOptions): FaultyModel<I, O> {
  assertRate('corrupt', 'nanRate', options.nanRate)
  const random = seedrandom(`corrupt:${options.seed ?? 0}`)
  const counters = { seen: 0, injected: 0 }
  return faultyModel(
    model,
    'corrupt',
    async (batch) => {
      const outputs = await checkedPredict(model, batch, `${model.identity.name}+corrupt`)
      return outputs.map((output) => {
        counters.seen++
        if (random() >= options.nanRate) return output
        counters.injected++
        return outputLeaves(output).some(({ value }) => typeof value === 'number' || typeof value === 'bigint')
          ? mapOutputNumbers(output, () => Number.NaN)
          : (Number.NaN as O)
      })
    },
    counters,
  )
}
