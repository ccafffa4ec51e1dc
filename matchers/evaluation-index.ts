import { toBeCalibrated } from './to-be-calibrated.js'
import { toBeFairAcross } from './to-be-fair-across.js'
import { toBeHeldOutFrom } from './to-be-held-out-from.js'
import { toBeHygienic } from './to-be-hygienic.js'
import { toBeNoWorseThan } from './to-be-no-worse-than.js'
import { toBeatBaseline } from './to-beat-baseline.js'
import { toHaveNoWeakSegments } from './to-have-no-weak-segments.js'
import { toKeepMisclassificationsWithin } from './to-keep-misclassifications-within.js'
import { toPerformOnAllSlices } from './to-perform-on-all-slices.js'

export type { EvaluationMatchers } from './evaluation-matchers.js'
export type { CalibratedOptions } from './to-be-calibrated.js'
export type { FairAcrossOptions } from './to-be-fair-across.js'
export type { HeldOutOptions } from './to-be-held-out-from.js'
export type { HygienicOptions } from './to-be-hygienic.js'
export type { NoWorseThanOptions } from './to-be-no-worse-than.js'
export type { BeatBaselineOptions } from './to-beat-baseline.js'
export type { NoWeakSegmentsOptions } from './to-have-no-weak-segments.js'
export type { KeepMisclassificationsWithinOptions } from './to-keep-misclassifications-within.js'
export type { PerformOnAllSlicesOptions } from './to-perform-on-all-slices.js'
export {
  toBeatBaseline,
  toBeCalibrated,
  toBeFairAcross,
  toBeHeldOutFrom,
  toBeHygienic,
  toBeNoWorseThan,
  toHaveNoWeakSegments,
  toKeepMisclassificationsWithin,
  toPerformOnAllSlices,
}

/** The evaluation matchers, ready for `expect.extend(evaluationMatchers)`. */
export const evaluationMatchers = {
  toBeatBaseline,
  toBeNoWorseThan,
  toBeHeldOutFrom,
  toBeHygienic,
  toPerformOnAllSlices,
  toKeepMisclassificationsWithin,
  toHaveNoWeakSegments,
  toBeFairAcross,
  toBeCalibrated,
}
