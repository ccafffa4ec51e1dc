import type { TaskMeta } from 'vitest'
import { VitestMlError } from './errors.js'

/** The key on a test's meta that holds its stable check id. */
export const STABLE_CHECK_ID_META_KEY = 'vitestMlId'

const PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,119}$/

/**
 * Test options that pin the ids of the checks a test records: `kind:<id>:<position>` instead of
 * `kind:<test name>:<position>`, so renaming the test (or moving it to another file) keeps its checks matched with the
 * base report's. Without it a renamed test's checks are still matched when they are the same check — same kind,
 * polarity, title, model and data (see `matchChecks`); pin the id when the title changes too.
 *
 * @param id - letters, digits, `.`, `_`, `/` and `-`, starting with a letter or digit (at most 120 characters)
 * @returns options for `test(name, options, fn)`; spread them to add others
 * @throws VitestMlError when the id is empty or has other characters
 * @example
 * ```ts
 * test('beats the majority class', stableCheckId('penguins/accuracy'), async () => {
 *   await expect(model).toBeatBaseline('majority', options) // id 'baseline:penguins/accuracy:0'
 * })
 * test('is fast enough', { ...stableCheckId('penguins/latency'), timeout: 60_000 }, async () => { ... })
 * ```
 */
export function stableCheckId(id: string): { readonly meta: Partial<TaskMeta> } {
  if (typeof id !== 'string' || !PATTERN.test(id)) {
    throw new VitestMlError(
      'stableCheckId',
      'an id of letters, digits, ".", "_", "/" and "-" that starts with a letter or digit (at most 120 characters)',
      JSON.stringify(id) ?? String(id),
      "Name what the test checks, for example stableCheckId('penguins/accuracy'); it must stay the same across releases.",
    )
  }
  return { meta: { [STABLE_CHECK_ID_META_KEY]: id } as Partial<TaskMeta> }
}

/**
 * The stable check id pinned on a test's meta by {@link stableCheckId}, if any.
 *
 * @param meta - the test's meta (`task.meta`)
 * @returns the id, or `undefined`
 * @example
 * ```ts
 * stableCheckIdOf({ vitestMlId: 'penguins/accuracy' }) // 'penguins/accuracy'
 * ```
 */
export function stableCheckIdOf(meta: unknown): string | undefined {
  if (typeof meta !== 'object' || meta === null) return undefined
  const id = (meta as Record<string, unknown>)[STABLE_CHECK_ID_META_KEY]
  return typeof id === 'string' && PATTERN.test(id) ? id : undefined
}
