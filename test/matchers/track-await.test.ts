import type { MatcherState } from 'vitest'
import { describe, expect, it } from 'vitest'
import type { MatcherOutcome } from '../../matchers/matcher-context.js'
import { trackAwait } from '../../matchers/track-await.js'

/** A matcher state as Vitest builds it, with a running test whose `promises` Vitest awaits before the test ends. */
type TrackedState = MatcherState & { task?: { promises?: Promise<unknown>[] } }
function state(overrides: Record<string, unknown> = {}): TrackedState {
  return { isNot: false, promise: '', soft: false, task: { promises: [] }, ...overrides } as unknown as TrackedState
}
const held: MatcherOutcome = { pass: true, message: () => 'the check message' }
const failed: MatcherOutcome = { pass: false, message: () => 'the check message' }
/** What Vitest's expect.extend does with an async matcher's result: one `.then` that throws when the assertion fails. */
const viaVitest = (tracked: Promise<MatcherOutcome>, isNot = false): Promise<void> =>
  tracked.then((outcome) => {
    if (outcome.pass === isNot) throw new Error(outcome.message())
  })
const endOfTest = async (current: { task?: { promises?: Promise<unknown>[] } }): Promise<unknown[]> =>
  (await Promise.allSettled(current.task?.promises ?? [])).map((result) => (result.status === 'rejected' ? (result.reason as Error).message : 'ok'))

describe('trackAwait', () => {
  it('lets an awaited assertion through, whatever it found, and leaves nothing for the end of the test', async () => {
    const current = state()
    await viaVitest(trackAwait(current, 'toBeX', Promise.resolve(held)))
    await expect(viaVitest(trackAwait(current, 'toBeX', Promise.resolve(failed)))).rejects.toThrow('the check message')
    expect(await endOfTest(current)).toEqual(['ok', 'ok'])
  })

  it('fails the test at its end when the assertion was never consumed, saying to add await and what the check found', async () => {
    const current = state()
    void viaVitest(trackAwait(current, 'toBeX', Promise.resolve(held)))
    void viaVitest(trackAwait(current, 'toBeX', Promise.resolve(failed)))
    void viaVitest(trackAwait(state({ ...current, isNot: true }), 'toBeX', Promise.reject(new Error('model file missing'))))
    const [first, second, third] = (await endOfTest(current)) as string[]
    expect(first).toBe(
      [
        'expect(…).toBeX(…) was not awaited. vitest-ml matchers that call a model are asynchronous: without `await` the test',
        'cannot know their result, so this test fails instead of passing on a check nobody looked at.',
        '',
        'The check itself held.',
        '',
        'Hint: write `await expect(…).toBeX(…)`, or return the promise from the test.',
      ].join('\n'),
    )
    expect(second).toContain('\n\nThe check failed as well:\nthe check message\n\n')
    expect(third).toMatch(
      /^expect\(…\)\.not\.toBeX\(…\) was not awaited\.[\s\S]*\n\nThe check threw: model file missing\n\nHint: write `await expect\(…\)\.not\.toBeX\(…\)`/,
    )
  })

  it('reads a held assertion under .not as failed, and a failed one as held', async () => {
    const negated = state({ isNot: true })
    void viaVitest(trackAwait(negated, 'toBeX', Promise.resolve(held)), true)
    void viaVitest(trackAwait(negated, 'toBeX', Promise.resolve(failed)), true)
    const [heldUnderNot, failedUnderNot] = (await endOfTest(negated)) as string[]
    expect(heldUnderNot).toContain('The check failed as well:')
    expect(failedUnderNot).toContain('The check itself held.')
  })

  it('counts .rejects, .catch, .finally and Promise.all as consuming the assertion', async () => {
    const current = state()
    await expect(viaVitest(trackAwait(current, 'toBeX', Promise.resolve(failed)))).rejects.toThrow()
    await viaVitest(trackAwait(current, 'toBeX', Promise.resolve(failed))).catch(() => undefined)
    await viaVitest(trackAwait(current, 'toBeX', Promise.resolve(held))).finally(() => undefined)
    await Promise.all([viaVitest(trackAwait(current, 'toBeX', Promise.resolve(held)))])
    expect(await endOfTest(current)).toEqual(['ok', 'ok', 'ok', 'ok'])
  })

  it('takes the tracked promise .catch and .finally directly as consuming it', async () => {
    const current = state()
    await trackAwait(current, 'toBeX', Promise.reject(new Error('boom'))).catch(() => undefined)
    await trackAwait(current, 'toBeX', Promise.resolve(held)).finally(() => undefined)
    expect(await endOfTest(current)).toEqual(['ok', 'ok'])
  })

  it('expects one more internal .then under expect.soft, which Vitest adds itself', async () => {
    const soft = state({ soft: true })
    const tracked = viaVitest(trackAwait(soft, 'toBeX', Promise.resolve(failed))).then(
      () => undefined,
      () => undefined,
    ) // Vitest's soft handler
    void tracked
    expect((await endOfTest(soft))[0]).toMatch(/was not awaited/)
    const awaited = state({ soft: true })
    await viaVitest(trackAwait(awaited, 'toBeX', Promise.resolve(failed))).then(
      () => undefined,
      () => undefined,
    )
    expect(await endOfTest(awaited)).toEqual(['ok'])
  })

  it('never raises an unhandled rejection for an assertion nobody consumed', async () => {
    const current = state()
    const unhandled: unknown[] = []
    const listener = (reason: unknown): void => void unhandled.push(reason)
    process.on('unhandledRejection', listener)
    void viaVitest(trackAwait(current, 'toBeX', Promise.resolve(failed)))
    await new Promise((done) => setTimeout(done, 20))
    process.off('unhandledRejection', listener)
    expect(unhandled).toEqual([])
    expect((await endOfTest(current))[0]).toMatch(/was not awaited/)
  })

  it('returns the work itself outside a test, and under .resolves or .rejects (which Vitest tracks)', () => {
    const work = Promise.resolve(held)
    expect(trackAwait(state({ task: undefined }), 'toBeX', work)).toBe(work)
    expect(trackAwait(state({ promise: 'resolves' }), 'toBeX', work)).toBe(work)
    expect(trackAwait(state({ promise: 'rejects' }), 'toBeX', work)).toBe(work)
    expect(trackAwait(state(), 'toBeX', work)).not.toBe(work)
  })

  it('creates the list of test promises when the test has none yet, and looks like a promise', () => {
    const current = state({ task: {} })
    const tracked = trackAwait(current, 'toBeX', Promise.resolve(held))
    expect(current.task?.promises).toHaveLength(1)
    expect(Object.prototype.toString.call(tracked)).toBe('[object Promise]')
    void tracked.then(() => undefined)
  })

  it('tracks a matcher whose state has no promise field at all (a plain call, not .resolves/.rejects)', () => {
    const work = Promise.resolve(held)
    const current = state({ promise: undefined })
    const tracked = trackAwait(current, 'toBeX', work)
    expect(tracked).not.toBe(work)
    expect(current.task?.promises).toHaveLength(1)
    void tracked.then(() => undefined)
  })

  it('says what a check threw even when it threw something that is not an Error', async () => {
    const current = state()
    void viaVitest(trackAwait(current, 'toBeX', Promise.reject('the model file is missing' as unknown as Error)))
    void viaVitest(trackAwait(current, 'toBeX', Promise.reject(undefined as unknown as Error)))
    const [text, nothing] = (await endOfTest(current)) as string[]
    expect(text).toContain('\n\nThe check threw: the model file is missing\n\n')
    expect(nothing).toContain('\n\nThe check threw: undefined\n\n')
  })

  it('points the failure at the line that called the matcher, not at its own internals', async () => {
    const current = state()
    void viaVitest(trackAwait(current, 'toBeX', Promise.resolve(held)))
    const settled = await Promise.allSettled(current.task?.promises ?? [])
    const error = (settled[0] as PromiseRejectedResult).reason as Error
    expect(error.stack?.startsWith(`${error.message}\n    at `)).toBe(true)
    const frames = error.stack!.slice(error.message.length + 1).split('\n')
    expect(frames.length).toBeGreaterThan(1)
    for (const frame of frames) expect(frame).toMatch(/^ {4}at (?:(?! {4}at ).)*$/)
    expect(error.stack).toContain('track-await.test.ts')
    expect(error.stack).not.toContain('called here')
  })
})
