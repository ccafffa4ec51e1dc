import type { Model } from '../model/model.js'

/** A model with injected faults, counting what it did so a test can show the faults really happened. */
export interface FaultyModel<I, O> extends Model<I, O> {
  /** The wrapped model. */
  readonly inner: Model<I, O>
  /** Calls (`failing`, `slow`) or rows (`corrupt`) seen so far. */
  readonly seen: number
  /** How many of them got a fault. */
  readonly injected: number
}

/**
 * Builds a {@link FaultyModel} around `inner` from a per-call `predict`; internal helper of the fault wrappers.
 *
 * @param inner - the wrapped model
 * @param suffix - added to the model name (`+failing`)
 * @param predict - the faulty predict
 * @param counters - live counters read by the getters
 * @returns the wrapper
 * @example
 * ```ts
 * faultyModel(model, 'failing', (batch) => model.predict(batch), { seen: 0, injected: 0 })
 * ```
 */
export function faultyModel<I, O>(
  inner: Model<I, O>,
  suffix: string,
  predict: (batch: readonly I[]) => Promise<O[]>,
  counters: { seen: number; injected: number },
): FaultyModel<I, O> {
  return {
    identity: { ...inner.identity, name: `${inner.identity.name}+${suffix}` },
    inner,
    get seen() {
      return counters.seen
    },
    get injected() {
      return counters.injected
    },
    predict,
    release: () => inner.release(),
  }
}

/**
 * Throws unless `rate` is a probability; shared by the fault wrappers.
 *
 * @param source - the public name
 * @param name - the option name
 * @param rate - the value
 * @example
 * ```ts
 * assertRate('failing', 'rate', 1.5) // throws RangeError
 * ```
 */
export function assertRate(source: string, name: string, rate: number): void {
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
    throw new RangeError(
      `${source}: expected \`${name}\` in [0, 1], received ${String(rate)}.\nHint: A rate is a probability per call (or per row), for example 0.2.`,
    )
  }
}
