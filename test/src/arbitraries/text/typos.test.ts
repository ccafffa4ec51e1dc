import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { KEYBOARD_NEIGHBOURS } from '../../../../src/arbitraries/text/keyboard-neighbours.js'
import type { TextPerturbation } from '../../../../src/arbitraries/text/text-perturbation.js'
import { typos } from '../../../../src/arbitraries/text/typos.js'
import { arbitraryDescription } from '../../../../src/util/described-arbitrary.js'

const sentence = 'The battery life is great and the screen is bright'
const letters = sentence.replace(/[^a-z]/gi, '').length

describe('typos', () => {
  test('distribution: kinds equally likely, the edited letter uniform over the letters, edit counts uniform in [min, max]', () => {
    const sample = fc.sample(fc.noBias(typos({ maxEdits: 3 })), { seed: 1, numRuns: 4000 })
    const kinds = new Map<string, number>()
    const counts = [0, 0, 0, 0]
    const firstWord = new Map<string, number>()
    for (const typo of sample) {
      const { edits } = typo.explain(sentence)
      counts[edits.length] = (counts[edits.length] ?? 0) + 1
      for (const edit of edits) kinds.set(edit.description.split(' ')[0] as string, (kinds.get(edit.description.split(' ')[0] as string) ?? 0) + 1)
      const first = edits[0]
      if (first !== undefined) firstWord.set(first.before, (firstWord.get(first.before) ?? 0) + 1)
    }
    // 4000 plans, 1-3 edits each: each count about a third (binomial sd ~30)
    for (const count of [1, 2, 3]) expect(Math.abs((counts[count] ?? 0) - 4000 / 3)).toBeLessThan(150)
    // about 8000 edits over 4 kinds: each about a quarter
    const total = [...kinds.values()].reduce((sum, value) => sum + value, 0)
    for (const kind of ['adjacent-key', 'swap', 'drop', 'duplicate']) expect(Math.abs((kinds.get(kind) ?? 0) / total - 0.25)).toBeLessThan(0.03)
    // the first edit's word is drawn in proportion to its letters: "battery" has 7 of the sentence's letters
    expect(Math.abs((firstWord.get('battery') ?? 0) / 4000 - 7 / letters)).toBeLessThan(0.03)
  })

  test('bounds: every perturbation makes between minEdits and maxEdits typos, each changing one letter of one word', () => {
    fc.assert(
      fc.property(typos({ minEdits: 2, maxEdits: 4 }), (typo) => {
        const change = typo.explain(sentence)
        expect(change.edits.length).toBeGreaterThanOrEqual(2)
        expect(change.edits.length).toBeLessThanOrEqual(4)
        expect(Math.abs(change.text.length - sentence.length)).toBeLessThanOrEqual(4)
        for (const edit of change.edits) expect(Math.abs(edit.after.length - edit.before.length)).toBeLessThanOrEqual(1)
      }),
      { seed: 2, numRuns: 300 },
    )
  })

  test('an adjacent-key typo hits a neighbouring key and keeps the case', () => {
    const [typo] = fc.sample(typos({ kinds: ['adjacent-key'] }), { seed: 3, numRuns: 1 }) as [TextPerturbation]
    const edit = typo.explain('G').edits[0]
    expect(KEYBOARD_NEIGHBOURS['g']?.toUpperCase()).toContain(edit?.after)
  })

  test('shrinks toward the original text: one typo at the first letter', () => {
    const result = fc.check(
      fc.property(typos({ maxEdits: 3 }), (typo) => typo.explain(sentence).edits.length === 0),
      { seed: 4, numRuns: 50 },
    )
    const [shrunk] = result.counterexample as [TextPerturbation]
    const change = shrunk.explain(sentence)
    expect(change.edits).toHaveLength(1)
    expect(change.edits[0]?.at).toBe(0)
    expect(change.edits[0]?.description).toBe('adjacent-key typo: "The" -> "Rhe"')
  })

  test('determinism: the same seed gives the same typos; the perturbation is a pure function', () => {
    const first = fc.sample(typos({ maxEdits: 2 }), { seed: 5, numRuns: 20 }).map((typo) => typo(sentence))
    const again = fc.sample(typos({ maxEdits: 2 }), { seed: 5, numRuns: 20 })
    expect(again.map((typo) => typo(sentence))).toEqual(first)
    expect(again.map((typo) => typo(sentence))).toEqual(first)
  })

  test('states its distribution, and refuses bad constraints with a hint', () => {
    expect(arbitraryDescription(typos({ maxEdits: 2 }))).toBe(
      '1 to 2 typos (count uniform), each adjacent-key / swap / drop / duplicate (equally likely) at a letter drawn uniformly',
    )
    expect(() => typos({ minEdits: 0 })).toThrow(
      /^typos: expected whole edit counts with 1 <= minEdits <= maxEdits <= 100, received minEdits 0, maxEdits 1\.\nHint: /,
    )
    expect(() => typos({ kinds: ['smudge' as never] })).toThrow(/^typos: expected kinds among 'adjacent-key', 'swap', 'drop', 'duplicate'/)
    const [typo] = fc.sample(typos(), { seed: 1, numRuns: 1 }) as [TextPerturbation]
    expect(() => typo(42 as never)).toThrow(/^typos: expected a string to perturb, received number\.\nHint: .*perturbRow/)
    expect(typo.explain('123 456')).toEqual({ text: '123 456', edits: [] })
  })
})
