import { toBeDeterministic } from './to-be-deterministic.js'
import { toProduceOutputsInRange } from './to-produce-outputs-in-range.js'

export type { DeterministicOptions } from './to-be-deterministic.js'
export type { OutputsInRangeOptions } from './to-produce-outputs-in-range.js'
export type { MlMatchers } from './typings.js'
export { recordCheck } from './record-check.js'
export { toBeDeterministic, toProduceOutputsInRange }

/** Every vitest-ml matcher, ready for `expect.extend(mlMatchers)`. */
export const mlMatchers = {
  toProduceOutputsInRange,
  toBeDeterministic,
}
