import fc from 'fast-check'

/**
 * A perturbation: a pure function from a value to a perturbed copy, with a short label that says what it does
 * (`noise +0.031`, `gain -2.5 dB`). The label shows in fast-check reports and in counterexamples.
 *
 * @typeParam T - what is perturbed: a number, a category, a row, an audio window
 */
export interface PerturbFunction<T> {
  (value: T): T
  /** What the perturbation does, for messages. `identity` when it changes nothing. */
  readonly label: string
  /** True when the perturbation is the identity (the point every perturbation arbitrary shrinks toward). */
  readonly identity: boolean
}

/**
 * Names a function as a {@link PerturbFunction}: attaches its label (also used by fast-check's `stringify`).
 *
 * @param label - what it does, for example `scale x1.25`
 * @param apply - the pure function
 * @param identity - whether it changes nothing @defaultValue false
 * @returns the labelled function
 * @example
 * ```ts
 * const double = perturbFunction('scale x2', (value: number) => value * 2)
 * double(3) // 6
 * String(double.label) // 'scale x2'
 * ```
 */
export function perturbFunction<T>(label: string, apply: (value: T) => T, identity = false): PerturbFunction<T> {
  const perturb = ((value: T) => apply(value)) as PerturbFunction<T> & { [fc.toStringMethod]: () => string }
  Object.defineProperties(perturb, {
    label: { value: label, enumerable: true },
    identity: { value: identity, enumerable: true },
    [fc.toStringMethod]: { value: () => label },
    toJSON: { value: () => label },
  })
  return perturb
}

/**
 * The identity perturbation of any type.
 *
 * @returns a perturbation that returns its input unchanged
 * @example
 * ```ts
 * noPerturbation<number>()(4) // 4
 * ```
 */
export function noPerturbation<T>(): PerturbFunction<T> {
  return perturbFunction<T>('identity', (value) => value, true)
}

/**
 * A coin that comes up `true` with `probability`, exactly (not through fast-check's size-biased generators), and
 * shrinks toward `false`: the switch every optional perturbation uses, so that shrinking turns it off.
 *
 * @param probability - chance of `true`, in [0, 1]
 * @returns an arbitrary of booleans
 * @example
 * ```ts
 * fc.sample(perturbChance(0.1), { seed: 1, numRuns: 1000 }).filter(Boolean).length // about 100
 * ```
 */
export function perturbChance(probability: number): fc.Arbitrary<boolean> {
  if (probability >= 1) return fc.constant(true)
  if (probability <= 0) return fc.constant(false)
  const resolution = 1 << 20
  const threshold = Math.round((1 - probability) * resolution)
  return fc.noBias(fc.integer({ min: 0, max: resolution - 1 })).map((draw) => draw >= threshold)
}
