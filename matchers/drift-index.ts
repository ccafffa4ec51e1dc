import { toHaveDriftedFrom } from './to-have-drifted-from.js'
import { toHaveSkewFrom } from './to-have-skew-from.js'
import { toMatchPipeline } from './to-match-pipeline.js'
import { toMatchSchema } from './to-match-schema.js'

export type { DriftMatchers } from './drift-matchers.js'
export type { DriftedFromOptions } from './to-have-drifted-from.js'
export type { SkewFromOptions } from './to-have-skew-from.js'
export type { MatchPipelineOptions } from './to-match-pipeline.js'
export type { MatchSchemaOptions } from './to-match-schema.js'
export { toHaveDriftedFrom, toHaveSkewFrom, toMatchPipeline, toMatchSchema }

/**
 * The drift, skew and pipeline matchers, ready for `expect.extend(driftMatchers)`.
 *
 * @example
 * ```ts
 * expect.extend(driftMatchers)
 * await expect(current).not.toHaveDriftedFrom(reference)
 * ```
 */
export const driftMatchers = {
  toHaveDriftedFrom,
  toHaveSkewFrom,
  toMatchPipeline,
  toMatchSchema,
}
