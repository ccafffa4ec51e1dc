import { toBeInvariantUnder } from './to-be-invariant-under.js'
import { toBeMonotonicIn } from './to-be-monotonic-in.js'
import { toPassGoldenCases } from './to-pass-golden-cases.js'
import { toShiftOutput } from './to-shift-output.js'
import { toShiftOutputUnder } from './to-shift-output-under.js'

export type { RelationMatchers } from './relation-matchers.js'
export type { InvariantUnderOptions } from './to-be-invariant-under.js'
export type { MonotonicInOptions } from './to-be-monotonic-in.js'
export type { PassGoldenCasesOptions } from './to-pass-golden-cases.js'
export type { ShiftOutputOptions } from './to-shift-output.js'
export type { ShiftOutputUnderOptions } from './to-shift-output-under.js'
export { toBeInvariantUnder, toBeMonotonicIn, toPassGoldenCases, toShiftOutput, toShiftOutputUnder }

/** The metamorphic-relation matchers, ready for `expect.extend(relationMatchers)`. */
export const relationMatchers = {
  toBeInvariantUnder,
  toBeMonotonicIn,
  toShiftOutput,
  toShiftOutputUnder,
  toPassGoldenCases,
}
