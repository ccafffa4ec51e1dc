import fc from 'fast-check'

const descriptions = new WeakMap<object, string>()

/**
 * Attaches a plain-language description of an arbitrary's distribution, so a check that samples it can say what its
 * rates are rates *of* ("violation rate 0.021 under numbers uniform over [0, 1]"). The arbitraries of vitest-ml
 * describe themselves; describe your own to have the report say what you drew from. The description survives `.map`
 * (the values change shape, not distribution) and `.filter` (marked as filtered).
 *
 * @param arbitrary - any fast-check arbitrary
 * @param description - what its values are, e.g. `'rows drawn uniformly from the 2023 holdout'`
 * @returns the same arbitrary
 * @example
 * ```ts
 * const rows = describeArbitrary(fc.constantFrom(...holdout), 'rows drawn uniformly from the holdout')
 * ```
 */
export function describeArbitrary<T>(arbitrary: fc.Arbitrary<T>, description: string): fc.Arbitrary<T> {
  descriptions.set(arbitrary, description)
  Object.defineProperties(arbitrary, {
    map: {
      configurable: true,
      value: <U>(mapper: (value: T) => U, unmapper?: (value: unknown) => T) =>
        describeArbitrary(fc.Arbitrary.prototype.map.call(arbitrary, mapper, unmapper) as fc.Arbitrary<U>, description),
    },
    filter: {
      configurable: true,
      value: (predicate: (value: T) => boolean) =>
        describeArbitrary(fc.Arbitrary.prototype.filter.call(arbitrary, predicate) as fc.Arbitrary<T>, `${description}, filtered`),
    },
  })
  return arbitrary
}

/**
 * The description attached to an arbitrary with {@link describeArbitrary}, if any.
 *
 * @param arbitrary - a fast-check arbitrary
 * @returns the description, or `undefined` for an arbitrary nobody described
 */
export function arbitraryDescription(arbitrary: unknown): string | undefined {
  return typeof arbitrary === 'object' && arbitrary !== null ? descriptions.get(arbitrary) : undefined
}
