import { toAgreeWith } from './to-agree-with.js'
import { toFallBackGracefully } from './to-fall-back-gracefully.js'

export type { AgreeWithOptions } from './to-agree-with.js'
export type { FallBackGracefullyOptions } from './to-fall-back-gracefully.js'
export type { PatternMatchers } from './pattern-matchers.js'
export { toAgreeWith, toFallBackGracefully }

/** The production-pattern matchers, ready for `expect.extend(patternMatchers)`. */
export const patternMatchers = {
  toFallBackGracefully,
  toAgreeWith,
}
