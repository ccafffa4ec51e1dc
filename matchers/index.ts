import { driftMatchers } from './drift-index.js'
import { evaluationMatchers } from './evaluation-index.js'
import { patternMatchers } from './patterns-index.js'
import { relationMatchers } from './relations-index.js'
import { toBeDeterministic } from './to-be-deterministic.js'
import { toProduceOutputsInRange } from './to-produce-outputs-in-range.js'

export type { DeterministicOptions } from './to-be-deterministic.js'
export type { OutputsInRangeOptions } from './to-produce-outputs-in-range.js'
export type { MlMatchers } from './typings.js'
export * from './drift-index.js'
export * from './evaluation-index.js'
export * from './patterns-index.js'
export * from './relations-index.js'
export { recordCheck } from './record-check.js'
export { toBeDeterministic, toProduceOutputsInRange }

/** Every vitest-ml matcher, ready for `expect.extend(mlMatchers)` (the `vitest-ml/setup` entry does this). */
export const mlMatchers = {
  toProduceOutputsInRange,
  toBeDeterministic,
  ...relationMatchers,
  ...driftMatchers,
  ...evaluationMatchers,
  ...patternMatchers,
}
