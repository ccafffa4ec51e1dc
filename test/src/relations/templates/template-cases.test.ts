import { describe, expect, test } from 'vitest'
import { lexicon } from '../../../../src/arbitraries/text/lexicon.js'
import { article, parseTemplate } from '../../../../src/relations/templates/parse-template.js'
import { templateCases, templateCount } from '../../../../src/relations/templates/template-cases.js'

describe('templateCases', () => {
  test('expands the full cross product of the slots, with articles, into golden cases', () => {
    const cases = templateCases('{first_name} is {a:adj} {job}.', {
      lexicons: { first_name: ['Ann', 'Bo'], adj: ['honest', 'kind', 'excellent'], job: ['nurse'] },
      label: 'positive',
    })
    expect(cases).toHaveLength(6)
    expect(cases.map((c) => c.input)).toEqual([
      'Ann is an honest nurse.',
      'Bo is an honest nurse.',
      'Ann is a kind nurse.',
      'Bo is a kind nurse.',
      'Ann is an excellent nurse.',
      'Bo is an excellent nurse.',
    ])
    expect(cases[0]).toEqual({
      name: '{first_name} is {a:adj} {job}. [first_name=Ann, adj=honest, job=nurse]',
      input: 'Ann is an honest nurse.',
      label: 'positive',
    })
  })

  test('numbered slots of one lexicon take different values; repeated slots the same value', () => {
    const options = { lexicons: { name: ['A', 'B', 'C'] }, label: 0 }
    expect(templateCount('{name1} and {name2}', options)).toBe(6)
    const cases = templateCases('{name1} thanked {name2}; {name1} smiled.', options)
    expect(cases).toHaveLength(6)
    for (const c of cases) {
      const [first, second, again] = c.input.match(/[ABC]/g) ?? []
      expect(first).not.toBe(second)
      expect(again).toBe(first)
    }
  })

  test('a cross product larger than maxCases is sampled uniformly without replacement, the same for the same seed', () => {
    const options = {
      lexicons: { x: Array.from({ length: 100 }, (_, i) => `x${i}`), y: Array.from({ length: 100 }, (_, i) => `y${i}`) },
      label: 1,
      maxCases: 500,
    }
    expect(templateCount('{x} {y}', options)).toBe(10_000)
    const cases = templateCases('{x} {y}', { ...options, seed: 3 })
    expect(cases).toHaveLength(500)
    expect(new Set(cases.map((c) => c.input)).size).toBe(500)
    expect(templateCases('{x} {y}', { ...options, seed: 3 })).toEqual(cases)
    expect(templateCases('{x} {y}', { ...options, seed: 4 })).not.toEqual(cases)
    // uniform: each of the 100 x values is expected 5 times; no value is drawn wildly often
    const perX = new Map<string, number>()
    for (const c of cases) perX.set(c.input.split(' ')[0] as string, (perX.get(c.input.split(' ')[0] as string) ?? 0) + 1)
    expect(Math.max(...perX.values())).toBeLessThan(16)
  })

  test('the shipped lexicons fill the built-in slots; labels may depend on the slot values', () => {
    const cases = templateCases('The {product} is {adj}.', {
      lexicons: { adj: ['good', 'bad'] },
      label: ({ adj }) => (adj === 'good' ? 'positive' : 'negative'),
    })
    expect(cases).toHaveLength(lexicon('product').length * 2)
    expect(cases.filter((c) => c.label === 'positive').every((c) => c.input.endsWith('good.'))).toBe(true)
  })

  test('{mask} slots are filled by fillMask, one case per candidate', () => {
    const cases = templateCases('I {mask} this {product}.', {
      lexicons: { product: ['phone'] },
      label: 'positive',
      fillMask: (masked) => (masked === 'I {mask} this phone.' ? ['love', 'like'] : []),
    })
    expect(cases.map((c) => c.input)).toEqual(['I love this phone.', 'I like this phone.'])
    expect(() => templateCases('I {mask} it', { label: 1 })).toThrow(/^templateCases: expected a `fillMask` function for the \{mask\} slot, received none/)
  })

  test('misuse is a clear error', () => {
    expect(() => templateCases('{nope} here', { label: 1 })).toThrow(
      /^templateCases: expected a lexicon for \{nope\}: in `lexicons` or among the shipped first_name, /,
    )
    expect(() => templateCases('{first_name} here', {})).toThrow(/^templateCases: expected an expectation: `label`, `min` or `max`, received none\./)
    expect(() => templateCases('{a} and {a-b}', { label: 1, lexicons: { a: ['x'] } })).toThrow(/stray brace/)
    expect(() => templateCases('{x1} {x2}', { label: 1, lexicons: { x: ['only'] } })).toThrow(/enough words for the numbered slots/)
  })
})

describe('parseTemplate and article', () => {
  test('slots, keys and articles', () => {
    expect(parseTemplate('{a:adj} {first_name2}!').slots).toEqual([
      { text: '{a:adj}', lexicon: 'adj', key: 'adj', article: true },
      { text: '{first_name2}', lexicon: 'first_name', key: 'first_name2', article: false },
    ])
    expect(['apple', 'hour', 'university', 'one-off', 'dog', 'honest'].map(article)).toEqual(['an', 'an', 'a', 'a', 'a', 'an'])
  })
})
