import type { OutputRange } from '../src/properties/output-range-probe.js'
import type { DriftMatchers } from './drift-matchers.js'
import type { EvaluationMatchers } from './evaluation-matchers.js'
import type { PatternMatchers } from './pattern-matchers.js'
import type { RelationMatchers } from './relation-matchers.js'
import type { DeterministicOptions } from './to-be-deterministic.js'
import type { OutputsInRangeOptions } from './to-produce-outputs-in-range.js'

/**
 * The vitest-ml matchers as they appear on `expect(...)`. All are asynchronous: always `await` them.
 *
 * @typeParam R - the assertion's return type (a promise for async matchers)
 */
export interface MlMatchers<R = unknown> extends RelationMatchers<R>, DriftMatchers<R>, EvaluationMatchers<R>, PatternMatchers<R> {
  /**
   * Every output is finite and within `range` (or each row is a probability distribution) for every generated input.
   * @example `await expect(model).toProduceOutputsInRange({ min: 0, max: 1 }, { inputs: rows, seed: 1 })`
   */
  toProduceOutputsInRange<I>(range: OutputRange, options: OutputsInRangeOptions<I>): Promise<R>
  /**
   * The same input gives the same output: repeated, alone vs in other batches, in a fresh session.
   * @example `await expect(model).toBeDeterministic({ inputs: rows, numRuns: 500 })`
   */
  toBeDeterministic<I>(options: DeterministicOptions<I>): Promise<R>
}

declare module 'vitest' {
  // Vitest 4 and 5 both merge custom matchers through this interface.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends MlMatchers<T> {}
}
