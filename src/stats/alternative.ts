import { VitestMlError } from '../util/errors.js'

/** Direction of a hypothesis test: either direction, or one of the two one-sided alternatives (as scipy names them). */
export type Alternative = 'two-sided' | 'less' | 'greater'

/**
 * Checks an `alternative` option and returns it, defaulting to `'two-sided'`.
 *
 * @param source - public name to blame in the error
 * @param alternative - the option as passed
 * @returns the alternative
 * @example
 * ```ts
 * checkAlternative('ksTwoSample', undefined) // 'two-sided'
 * checkAlternative('ksTwoSample', 'two-tailed') // throws: expected alternative 'two-sided', 'less' or 'greater', ...
 * ```
 */
export function checkAlternative(source: string, alternative: unknown): Alternative {
  if (alternative === undefined) return 'two-sided'
  if (alternative === 'two-sided' || alternative === 'less' || alternative === 'greater') return alternative
  throw new VitestMlError(
    source,
    "alternative 'two-sided', 'less' or 'greater'",
    JSON.stringify(alternative),
    `Use 'two-sided' unless the test is about one direction; the \`alternative\` option of ${source} says which direction 'less' and 'greater' mean.`,
  )
}
