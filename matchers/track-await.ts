import type { MatcherState } from 'vitest'
import type { MatcherOutcome } from './matcher-context.js'

/** The internal parts of a running test this module uses: Vitest awaits `promises` before the test ends. */
interface RunningTest {
  promises?: Promise<unknown>[]
}

/**
 * Makes an asynchronous matcher fail its test when it is never awaited.
 *
 * Vitest turns a custom matcher's promise into the assertion's promise by calling `.then` on it once (and once more
 * for `expect.soft`); whoever calls `.then` after that is the test consuming the result — `await`, `.rejects`,
 * `Promise.all`, a `.catch`. The matcher's work is also registered with the test, which Vitest awaits before the test
 * ends; if by then nobody consumed the assertion, the test fails with a message that says to add `await` (and, when
 * the check itself failed, why). So a forgotten `await` can never turn a failure into a pass, nor lose a check, on
 * Vitest 4 and 5 alike. Outside a test, or under `.resolves`/`.rejects` (which Vitest tracks itself), the work is
 * returned as it is.
 *
 * @param state - the matcher's `this`
 * @param matcher - the matcher's name, for the message
 * @param work - the matcher's result
 * @returns what the matcher returns to Vitest: a promise (structurally) that notices whether anyone consumed it
 * @example
 * ```ts
 * export function toBeDeterministic(this: MatcherState, received: unknown, options: DeterministicOptions) {
 *   return trackAwait(this, 'toBeDeterministic', checkIt(this, received, options))
 * }
 * ```
 */
export function trackAwait(state: MatcherState, matcher: string, work: Promise<MatcherOutcome>): Promise<MatcherOutcome> {
  const test = (state as MatcherState & { task?: RunningTest }).task
  if (test === undefined || (state.promise !== undefined && state.promise !== '')) return work
  const calledFrom = new Error('called here')
  let internalCalls = state.soft === true ? 2 : 1
  let consumed = false
  let last: Promise<unknown> = work
  const wrap = <T>(promise: Promise<T>): Promise<T> => ({
    // biome-ignore lint/suspicious/noThenProperty: the assertion's promise is wrapped in a thenable on purpose, to see whether the test awaits it
    then(onFulfilled, onRejected) {
      if (internalCalls > 0) {
        internalCalls -= 1
        const next = promise.then(onFulfilled, onRejected)
        next.catch(() => undefined) // reported by the check below if nobody consumes it, never as an unhandled rejection
        last = next
        return wrap(next) as never
      }
      consumed = true
      return promise.then(onFulfilled, onRejected)
    },
    catch(onRejected) {
      consumed = true
      return promise.catch(onRejected)
    },
    finally(onFinally) {
      consumed = true
      return promise.finally(onFinally)
    },
    [Symbol.toStringTag]: 'Promise',
  })
  const verdict = (async () => {
    const outcome = await settle(work)
    await settle(last)
    if (!consumed) throw notAwaited(state, matcher, outcome, calledFrom)
  })()
  // Vitest reads the rejection when the test ends; until then it must not count as an unhandled rejection.
  verdict.catch(() => undefined)
  test.promises ??= []
  test.promises.push(verdict)
  return wrap(work)
}

type Settled = { readonly ok: true; readonly value: MatcherOutcome | unknown } | { readonly ok: false; readonly error: unknown }

async function settle(promise: Promise<unknown>): Promise<Settled> {
  try {
    return { ok: true, value: await promise }
  } catch (error) {
    return { ok: false, error }
  }
}

function notAwaited(state: MatcherState, matcher: string, outcome: Settled, calledFrom: Error): Error {
  const assertion = `expect(…).${state.isNot === true ? 'not.' : ''}${matcher}(…)`
  const lines = [
    `${assertion} was not awaited. vitest-ml matchers that call a model are asynchronous: without \`await\` the test`,
    'cannot know their result, so this test fails instead of passing on a check nobody looked at.',
  ]
  if (!outcome.ok) lines.push('', `The check threw: ${(outcome.error as Error)?.message ?? String(outcome.error)}`)
  else {
    const result = outcome.value as MatcherOutcome
    const failed = result.pass === (state.isNot === true)
    lines.push('', failed ? `The check failed as well:\n${result.message()}` : 'The check itself held.')
  }
  lines.push('', `Hint: write \`await ${assertion}\`, or return the promise from the test.`)
  const error = new Error(lines.join('\n'))
  error.stack = `${error.message}\n${(calledFrom.stack ?? '').split('\n').slice(1).join('\n')}`
  return error
}
