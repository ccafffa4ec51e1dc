import { toFallBackGracefully } from './to-fall-back-gracefully.js'

export type { FallBackGracefullyOptions } from './to-fall-back-gracefully.js'
export type { PatternMatchers } from './pattern-matchers.js'
export { toFallBackGracefully }

/** The production-pattern matchers, ready for `expect.extend(patternMatchers)`. */
export const patternMatchers = {
  toFallBackGracefully,
}
