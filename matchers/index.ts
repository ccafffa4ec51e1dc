import { driftMatchers } from './drift-index.js'
import { evaluationMatchers } from './evaluation-index.js'
import { patternMatchers } from './patterns-index.js'
import { relationMatchers } from './relations-index.js'
import { toBeDeterministic } from './to-be-deterministic.js'
import { toProduceOutputsInRange } from './to-produce-outputs-in-range.js'

export type { DeterministicOptions } from './to-be-deterministic.js'
export type { OutputsInRangeOptions } from './to-produce-outputs-in-range.js'
export type { MlMatchers } from './typings.js'
import type { MatcherState } from 'vitest'
import type { MlMatchers } from './typings.js'
import type { MatcherOutcome } from './matcher-context.js'
export * from './drift-index.js'
export * from './evaluation-index.js'
export * from './patterns-index.js'
export * from './relations-index.js'
export { recordCheck } from './record-check.js'
export { toBeDeterministic, toProduceOutputsInRange }

/**
 * What an implementation of each typed matcher must look like: the matcher's `this`, the received value, then exactly
 * the arguments its typing (`MlMatchers`) declares.
 */
type MatcherImplementations = {
  readonly [K in keyof MlMatchers]: (this: MatcherState, received: unknown, ...args: Parameters<MlMatchers[K]>) => MatcherOutcome | Promise<MatcherOutcome>
}

/**
 * Every vitest-ml matcher, ready for `expect.extend(mlMatchers)` (the `vitest-ml/setup` entry does this). Checked
 * against the typings with `satisfies`: a matcher typed but not implemented, implemented but not typed, or taking other
 * arguments than its typing says is a compile error.
 */
export const mlMatchers = {
  toProduceOutputsInRange,
  toBeDeterministic,
  ...relationMatchers,
  ...driftMatchers,
  ...evaluationMatchers,
  ...patternMatchers,
} satisfies MatcherImplementations
