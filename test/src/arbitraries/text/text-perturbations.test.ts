// The text perturbations other than typos (which have their own file): what each changes, what it leaves alone, how
// it shrinks, that it is deterministic under a seed and that it states its distribution.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { chainPerturbations } from '../../../../src/arbitraries/chain-perturbations.js'
import { changeNumbers } from '../../../../src/arbitraries/text/change-numbers.js'
import { contractions } from '../../../../src/arbitraries/text/contractions.js'
import { highlightTextChange } from '../../../../src/arbitraries/text/highlight-text-change.js'
import { intensify } from '../../../../src/arbitraries/text/intensify.js'
import { letterCase } from '../../../../src/arbitraries/text/letter-case.js'
import { lexicon } from '../../../../src/arbitraries/text/lexicon.js'
import { negation } from '../../../../src/arbitraries/text/negation.js'
import { punctuation } from '../../../../src/arbitraries/text/punctuation.js'
import { swapPeople } from '../../../../src/arbitraries/text/swap-people.js'
import { swapPlaces } from '../../../../src/arbitraries/text/swap-places.js'
import { swapSynonyms } from '../../../../src/arbitraries/text/swap-synonyms.js'
import type { TextPerturbation } from '../../../../src/arbitraries/text/text-perturbation.js'
import { typos } from '../../../../src/arbitraries/text/typos.js'
import { whitespace } from '../../../../src/arbitraries/text/whitespace.js'
import { arbitraryDescription } from '../../../../src/util/described-arbitrary.js'

const one = (arbitrary: fc.Arbitrary<TextPerturbation>, seed = 1): TextPerturbation => fc.sample(arbitrary, { seed, numRuns: 1 })[0] as TextPerturbation
const all = (arbitrary: fc.Arbitrary<TextPerturbation>, numRuns = 200, seed = 1): TextPerturbation[] => fc.sample(fc.noBias(arbitrary), { seed, numRuns })
/** The smallest perturbation fast-check shrinks to when any change of `text` fails the property. */
const shrunk = (arbitrary: fc.Arbitrary<TextPerturbation>, text: string): TextPerturbation =>
  (
    fc.check(
      fc.property(arbitrary, (p) => p.explain(text).edits.length === 0),
      { seed: 7, numRuns: 100 },
    ).counterexample as [TextPerturbation]
  )[0]

describe('entity swaps (compromise finds the entities, the shipped lexicons replace them)', () => {
  const text = 'My friend Maria Garcia from Paris paid $30.50 for 2 phones.'

  test('swapPeople replaces a first name by one of the same gender, or a last name by a last name, everywhere it occurs', () => {
    const female = new Set(lexicon('female'))
    for (const swap of all(swapPeople(), 100)) {
      const [edit] = swap.explain(text).edits
      if (edit?.before === 'Maria') expect(female.has(edit.after)).toBe(true)
      else expect(lexicon('last_name')).toContain(edit?.after)
    }
    expect(one(swapPeople())('John met John.')).toMatch(/^(\w+) met \1\.$/)
    expect(one(swapPeople()).explain('The phone is great.').edits).toEqual([])
  })

  test('swapPlaces replaces a city by a city and a country by a country', () => {
    const cities = new Set(lexicon('city'))
    const countries = new Set(lexicon('country'))
    for (const swap of all(swapPlaces(), 100)) {
      const [edit] = swap.explain('We flew from Paris to Kenya.').edits
      expect(edit?.before === 'Paris' ? cities.has(edit.after) : countries.has(edit?.after ?? '')).toBe(true)
    }
  })

  test('changeNumbers scales a number by at most maxRelativeChange, keeps its decimals and its currency sign', () => {
    for (const change of all(changeNumbers({ maxRelativeChange: 0.2 }), 200)) {
      const [edit] = change.explain(text).edits
      const before = Number(edit?.before)
      const after = Number(edit?.after)
      expect(after).not.toBe(before)
      if (edit?.before === '30.50') expect(edit.after).toMatch(/^\d+\.\d\d$/)
      expect(Math.abs(after - before)).toBeLessThanOrEqual(Math.max(1, 0.2 * before) + 1e-9)
    }
    expect(one(changeNumbers())(text)).toMatch(/paid \$[\d.]+ for \d+ phones/)
  })

  test('each shrinks toward one change of the first entity, with the first lexicon entry', () => {
    expect(
      shrunk(swapPeople({ maxEdits: 3 }), text)
        .explain(text)
        .edits.map((edit) => edit.description),
    ).toEqual([`person: "Maria" -> "${lexicon('female')[0]}"`])
    expect(
      shrunk(swapPlaces(), text)
        .explain(text)
        .edits.map((edit) => edit.description),
    ).toEqual([`place: "Paris" -> "${lexicon('city')[0]}"`])
    expect(shrunk(changeNumbers(), text).explain(text).edits).toHaveLength(1)
  })
})

describe('grammar: contractions, negation, intensifiers, synonyms', () => {
  test('contractions expand (compromise resolves the ambiguous ones) and contract (never at the end of a clause)', () => {
    const expand = one(contractions({ direction: 'expand' }))
    expect(expand("I don't like it.")).toBe('I do not like it.')
    expect(expand("He's been there.")).toBe('He has been there.')
    const contract = one(contractions({ direction: 'contract' }))
    expect(contract('It is great.')).toBe("It's great.")
    expect(contract('I know what it is.')).toBe('I know what it is.')
  })

  test('negation adds or removes one negation, and leaves sentences it cannot negate alone', () => {
    expect(one(negation())('The mic is great.')).toBe('The mic is not great.')
    expect(one(negation())('This phone works great!')).toBe('This phone does not work great!')
    expect(one(negation({ direction: 'remove' }))('He is not happy.')).toBe('He is happy.')
    expect(one(negation({ direction: 'remove' })).explain('The mic is great.').edits).toEqual([])
    const both = 'The case is good. The screen is bright.'
    const negated = new Set(all(negation(), 100).map((p) => p(both)))
    expect(negated).toEqual(new Set(['The case is not good. The screen is bright.', 'The case is good. The screen is not bright.']))
  })

  test('intensify puts a word of the list before an adjective no adverb modifies yet', () => {
    const words = new Set(all(intensify(), 200).map((p) => p('The screen is good.').split(' ')[3]))
    expect(words).toEqual(new Set(lexicon('intensifier')))
    expect(one(intensify({ words: ['slightly'] }))('The screen is very good.')).toBe('The screen is very good.')
  })

  test('swapSynonyms replaces a word by another of its group, keeping its case', () => {
    for (const swap of all(
      swapSynonyms({
        groups: [
          ['good', 'fine'],
          ['phone', 'handset'],
        ],
      }),
      50,
    ))
      expect(['Fine phone', 'Good handset']).toContain(swap('Good phone'))
    expect(() => swapSynonyms({ groups: [['alone']] })).toThrow(/^swapSynonyms: expected groups of at least 2 interchangeable words/)
  })
})

describe('surface: case, whitespace, punctuation', () => {
  test('each kind does what it says', () => {
    expect(one(letterCase({ kinds: ['upper'] }))('Works great')).toBe('WORKS GREAT')
    expect(one(letterCase({ kinds: ['lower'] }))('Works great')).toBe('works great')
    expect(one(whitespace({ kinds: ['trailing'] }))('ok')).toBe('ok ')
    expect(one(whitespace({ kinds: ['double-space'] }))('a b')).toBe('a  b')
    expect(one(punctuation({ kinds: ['strip-end'] }))('Great phone!!')).toBe('Great phone')
    expect(one(punctuation({ kinds: ['add-end'] }))('Great phone')).toBe('Great phone.')
    // a kind that cannot apply gives way to the next one
    expect(one(punctuation({ kinds: ['strip-end', 'add-end'] }))('No marks')).toBe('No marks.')
  })
})

describe('every text arbitrary', () => {
  const arbitraries: readonly (readonly [string, fc.Arbitrary<TextPerturbation>])[] = [
    ['typos', typos({ maxEdits: 2 })],
    ['swapPeople', swapPeople()],
    ['swapPlaces', swapPlaces()],
    ['changeNumbers', changeNumbers()],
    ['contractions', contractions()],
    ['negation', negation()],
    ['swapSynonyms', swapSynonyms()],
    ['intensify', intensify()],
    ['letterCase', letterCase()],
    ['whitespace', whitespace()],
    ['punctuation', punctuation()],
  ]
  const text = "Maria from Paris says the phone isn't great, it cost $40 and I am not happy."

  test.each(arbitraries)('%s is deterministic under a seed, records each edit, and states its distribution', (_name, arbitrary) => {
    const first = fc.sample(arbitrary, { seed: 11, numRuns: 10 }).map((p) => p.explain(text))
    const second = fc.sample(arbitrary, { seed: 11, numRuns: 10 }).map((p) => p.explain(text))
    expect(second).toEqual(first)
    for (const change of first) {
      expect(change.edits.length).toBeGreaterThan(0)
      expect(change.text).not.toBe(text)
      for (const edit of change.edits) {
        expect(edit.after).not.toBe(edit.before)
        expect(edit.description.length).toBeGreaterThan(10)
      }
    }
    expect(arbitraryDescription(arbitrary)).toMatch(/uniform|equally likely|drawn uniformly/)
  })
})

describe('chainPerturbations', () => {
  test('applies 1 to maxSteps perturbations, lists every edit, and shrinks toward one step', () => {
    const chain = chainPerturbations([typos(), punctuation()], { maxSteps: 3 })
    for (const p of fc.sample(chain, { seed: 3, numRuns: 100 }) as TextPerturbation[]) {
      const { edits } = p.explain('Great phone.')
      expect(edits.length).toBeGreaterThanOrEqual(1)
      expect(edits.length).toBeLessThanOrEqual(3)
    }
    expect(shrunk(chain as fc.Arbitrary<TextPerturbation>, 'Great phone.').explain('Great phone.').edits).toHaveLength(1)
    expect(arbitraryDescription(chain)).toMatch(/^1 to 3 \(count uniform\) perturbations applied in turn, each drawn uniformly from: \(1 typo, each /)
    expect(() => chainPerturbations([])).toThrow(/^chainPerturbations: expected a non-empty list of perturbation arbitraries/)
  })

  test('chains perturbations of any type (numbers here)', () => {
    const double = fc.constant(Object.assign((value: number) => value * 2, { label: 'x2', identity: false }))
    const [p] = fc.sample(chainPerturbations<number>([double], { minSteps: 2, maxSteps: 2 }), { seed: 1, numRuns: 1 })
    expect(p?.(3)).toBe(12)
    expect(p?.label).toBe('x2, then x2')
  })
})

describe('highlightTextChange', () => {
  test("marks removed and added words in git's word-diff notation, and whitespace visibly", () => {
    expect(highlightTextChange('The mic is great.', 'The mic is not great.')).toBe('The mic is {+not +}great.')
    expect(highlightTextChange('good phone', 'godo phone')).toBe('[-good-]{+godo+} phone')
    expect(highlightTextChange('a b', 'a  b')).toBe('a[-␣-]{+␣␣+}b')
    expect(highlightTextChange({ review: 'ok', stars: 4 }, { review: 'OK', stars: 4 })).toBe('[review] [-ok-]{+OK+}')
    expect(highlightTextChange('same', 'same')).toBeUndefined()
    expect(highlightTextChange([1, 2], [1, 3])).toBeUndefined()
  })
})
