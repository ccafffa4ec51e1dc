import { stripVTControlCharacters } from 'node:util'
/**
 * Runs an assertion written as users write it — synchronous (data-only matchers) or awaited (model matchers) — and
 * returns the error it failed with, or `undefined` when it passed.
 *
 * @param assertion - `() => expect(...).toX(...)`
 */
export async function failureOf(assertion: () => unknown): Promise<Error | undefined> {
  try {
    await assertion()
    return undefined
  } catch (error) {
    return error as Error
  }
}

/**
 * The failure message of an assertion without ANSI colours, or `''` when it passed.
 *
 * @param assertion - `() => expect(...).toX(...)`
 */
export async function failureMessage(assertion: () => unknown): Promise<string> {
  // eslint-disable-next-line no-control-regex
  return stripVTControlCharacters((await failureOf(assertion))?.message ?? '')
}
