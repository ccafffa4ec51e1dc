import type { MatcherState } from 'vitest'
import { driftMatchers } from './drift-index.js'
import { evaluationMatchers } from './evaluation-index.js'
import type { MatcherOutcome } from './matcher-context.js'
import { patternMatchers } from './patterns-index.js'
import { relationMatchers } from './relations-index.js'
import { toBeDeterministic } from './to-be-deterministic.js'
import { toProduceOutputsInRange } from './to-produce-outputs-in-range.js'
import type { MlMatchers } from './typings.js'

export type { MatcherOutcome } from './matcher-context.js'
export type { MlMatchers } from './typings.js'

/**
 * What an implementation of each typed matcher must look like: the matcher's `this`, the received value, then exactly
 * the arguments its typing (`MlMatchers`) declares.
 */
export type MlMatcherImplementations = {
  readonly [K in keyof MlMatchers]: (this: MatcherState, received: unknown, ...args: Parameters<MlMatchers[K]>) => MatcherOutcome | Promise<MatcherOutcome>
}

// Every vitest-ml matcher, checked against the typings with `satisfies`: a matcher typed but not implemented,
// implemented but not typed, or taking other arguments than its typing says is a compile error.
const implementations = {
  toProduceOutputsInRange,
  toBeDeterministic,
  ...relationMatchers,
  ...driftMatchers,
  ...evaluationMatchers,
  ...patternMatchers,
} satisfies MlMatcherImplementations

/**
 * Every vitest-ml matcher, ready for `expect.extend(mlMatchers)` where the `mlTesting()` plugin (or the `vitest-ml/setup`
 * file) is not used.
 *
 * @example
 * ```ts
 * import { expect } from 'vitest'
 * import { mlMatchers } from 'vitest-ml/matchers'
 * expect.extend(mlMatchers)
 * ```
 */
export const mlMatchers: MlMatcherImplementations = implementations
