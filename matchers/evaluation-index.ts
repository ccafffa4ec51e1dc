import { toBeNoWorseThan } from './to-be-no-worse-than.js'
import { toBeatBaseline } from './to-beat-baseline.js'

export type { EvaluationMatchers } from './evaluation-matchers.js'
export type { BeatBaselineOptions } from './to-beat-baseline.js'
export type { NoWorseThanOptions } from './to-be-no-worse-than.js'
export { toBeatBaseline, toBeNoWorseThan }

/** The evaluation matchers, ready for `expect.extend(evaluationMatchers)`. */
export const evaluationMatchers = {
  toBeatBaseline,
  toBeNoWorseThan,
}
