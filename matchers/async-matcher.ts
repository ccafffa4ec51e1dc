import type { MatcherState } from 'vitest'
import type { MatcherOutcome } from './matcher-context.js'
import { trackAwait } from './track-await.js'

/**
 * Turns the implementation of a matcher that calls a model (and so is asynchronous) into the matcher Vitest
 * registers: the same function, with its result tracked so a forgotten `await` fails the test (see `trackAwait`).
 *
 * @param name - the matcher's name, for messages
 * @param check - the implementation, called with the matcher's `this`
 * @returns the matcher
 * @example
 * ```ts
 * export const toBeDeterministic = asyncMatcher('toBeDeterministic', checkDeterministic)
 * ```
 */
export function asyncMatcher<A extends unknown[]>(
  name: string,
  check: (this: MatcherState, received: unknown, ...args: A) => Promise<MatcherOutcome>,
): (this: MatcherState, received: unknown, ...args: A) => Promise<MatcherOutcome> {
  const matcher = function (this: MatcherState, received: unknown, ...args: A): Promise<MatcherOutcome> {
    return trackAwait(this, name, check.call(this, received, ...args))
  }
  Object.defineProperty(matcher, 'name', { value: name })
  return matcher
}
