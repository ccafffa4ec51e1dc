import type { DriftMatchers } from './drift-matchers.js'
import type { EvaluationMatchers } from './evaluation-matchers.js'
import type { PatternMatchers } from './pattern-matchers.js'
import type { RelationMatchers } from './relation-matchers.js'
import type { DeterministicOptions } from './to-be-deterministic.js'
import type { OutputsInRangeOptions } from './to-produce-outputs-in-range.js'

/**
 * The vitest-ml matchers as they appear on `expect(...)`, `expect(...).not`, `.resolves`, `.rejects` and
 * `expect.soft(...)`. Matchers that call a model return a promise: `await` them (a forgotten `await` fails the test).
 * Data-only matchers (`toHaveDriftedFrom` without a model, `toHaveSkewFrom`, `toBeHeldOutFrom`, `toMaintainMetric`,
 * `toRaiseNoAlerts`) decide synchronously and work with or without `await`.
 *
 * @example
 * ```ts
 * await expect(model).toProduceOutputsInRange({ inputs: rows, min: 0, max: 1 })
 * await expect(expect(broken).toBeDeterministic({ inputs: rows })).rejects.toThrow(/differ/)
 * ```
 */
export interface MlMatchers extends RelationMatchers, DriftMatchers, EvaluationMatchers, PatternMatchers {
  /**
   * Every output is finite and within `[min, max]` (or each row is a probability distribution) for every generated input.
   * @example `await expect(model).toProduceOutputsInRange({ inputs: rows, min: 0, max: 1, seed: 1 })`
   */
  toProduceOutputsInRange<I>(options: OutputsInRangeOptions<I>): Promise<void>
  /**
   * The same input gives the same output: repeated, alone vs in other batches, in a fresh session.
   * @example `await expect(model).toBeDeterministic({ inputs: rows, numRuns: 500 })`
   */
  toBeDeterministic<I>(options: DeterministicOptions<I>): Promise<void>
}

declare module 'vitest' {
  // One augmentation that compiles against Vitest 4 and 5 with `skipLibCheck: false`. TypeScript requires every
  // declaration of an interface to repeat its type parameters, and those differ between the majors: `Matchers<T>` and
  // `Assertion<T>` in Vitest 4, `Matchers<R, T>` and `Assertion<R, T>` in Vitest 5. A declaration with *no* type
  // parameters is allowed against both (all of theirs have defaults), so the matchers go on `Assertion` that way; it is
  // what `expect()`, `.not`, `.resolves`, `.rejects`, `expect.soft()` and `expect.poll()` return. `Matchers` is left
  // alone on purpose: Vitest 5 also spreads it onto `expect.*` as asymmetric matchers, which cannot await a model.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Assertion extends MlMatchers {}
}
