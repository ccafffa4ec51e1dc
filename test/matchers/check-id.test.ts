import { describe, expect, test } from 'vitest'
import { evaluationMatchers } from '../../matchers/evaluation-index.js'
import { checksFromMeta } from '../../src/record/check-record.js'
import { stableCheckId, stableCheckIdOf } from '../../src/util/stable-check-id.js'

expect.extend(evaluationMatchers)

const train = [{ x: 1 }, { x: 2 }, { x: 3 }]
const held = [{ x: 10 }, { x: 11 }]

describe('check ids', () => {
  test('come from the test name and the position of the check in its test', ({ task }) => {
    expect(held).toBeHeldOutFrom(train)
    expect(held).toBeHeldOutFrom(train)
    expect(checksFromMeta(task.meta).map((check) => check.id)).toEqual([
      'held-out:check-ids-come-from-the-test-name-and-the-position-of-the-check-in-its-test:0',
      'held-out:check-ids-come-from-the-test-name-and-the-position-of-the-check-in-its-test:1',
    ])
  })

  test('come from the stable id pinned on the test, whatever its name', stableCheckId('penguins/held-out'), ({ task }) => {
    expect(held).toBeHeldOutFrom(train)
    expect(checksFromMeta(task.meta)[0]!.id).toBe('held-out:penguins/held-out:0')
  })

  test('stay the same when a pinned test is renamed', { ...stableCheckId('penguins/held-out'), timeout: 5000 }, ({ task }) => {
    expect(held).toBeHeldOutFrom(train)
    expect(checksFromMeta(task.meta)[0]!.id).toBe('held-out:penguins/held-out:0')
  })
})

describe('stableCheckId', () => {
  test('gives test options that carry the id, and reads it back', () => {
    expect(stableCheckId('credit/accuracy-v2.1_a')).toEqual({ meta: { vitestMlId: 'credit/accuracy-v2.1_a' } })
    expect(stableCheckIdOf({ vitestMlId: 'credit/accuracy' })).toBe('credit/accuracy')
    expect(stableCheckIdOf({ vitestMlId: 'has space' })).toBeUndefined()
    expect(stableCheckIdOf({ vitestMlId: 7 })).toBeUndefined()
    expect(stableCheckIdOf(undefined)).toBeUndefined()
  })

  test('refuses an id that would not survive as one', () => {
    expect(() => stableCheckId('')).toThrow(
      'stableCheckId: expected an id of letters, digits, ".", "_", "/" and "-" that starts with a letter or digit (at most 120 characters), received "".\nHint: Name what the test checks, for example stableCheckId(\'penguins/accuracy\'); it must stay the same across releases.',
    )
    expect(() => stableCheckId('/leading')).toThrow(/received "\/leading"/)
    expect(() => stableCheckId('a b')).toThrow(/received "a b"/)
    expect(() => stableCheckId('x'.repeat(121))).toThrow(/at most 120 characters/)
    expect(() => stableCheckId(undefined as unknown as string)).toThrow(/received undefined/)
  })
})
