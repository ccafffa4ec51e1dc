import { describe, expect, it } from 'vitest'
import { type CheckIdentity, checkFingerprint, matchChecks } from '../../../src/compare/match-checks.js'

const check = (id: string, overrides: Partial<CheckIdentity> = {}): CheckIdentity & { id: string } => ({
  id,
  kind: 'baseline',
  title: `title of ${id}`,
  file: 'a.test.ts',
  ...overrides,
})

describe('matchChecks', () => {
  it('pairs the same id in the same file, in the head order', () => {
    const base = [check('x'), check('y')]
    const head = [check('y'), check('x')]
    const matching = matchChecks(base, head)
    expect(matching.pairs.map((pair) => [pair.base.id, pair.head.id, pair.matchedBy])).toEqual([
      ['y', 'y', 'id'],
      ['x', 'x', 'id'],
    ])
    expect(matching.added).toEqual([])
    expect(matching.removed).toEqual([])
  })

  it('follows a test moved to another file by its id', () => {
    const matching = matchChecks([check('x')], [check('x', { file: 'b.test.ts' })])
    expect(matching.pairs.map((pair) => pair.matchedBy)).toEqual(['moved'])
  })

  it('keeps the match of a renamed test whose check is the same: same kind, polarity, title, model and data', () => {
    const before = check('baseline:credit-beats-majority:0', {
      title: 'credit.onnx beats majority on accuracy',
      model: { name: 'credit.onnx' },
      data: { name: 'holdout' },
    })
    const after = { ...before, id: 'baseline:credit-outperforms-the-majority-predictor:0' }
    const matching = matchChecks([before], [after])
    expect(matching.pairs).toEqual([{ base: before, head: after, matchedBy: 'fingerprint' }])
  })

  it('does not match a renamed test whose check changed (another title, model, data, kind or polarity)', () => {
    const before = check('old', { title: 'm beats majority', model: { name: 'm' }, data: { name: 'd' } })
    for (const changed of [{ title: 'm beats stratified' }, { model: { name: 'n' } }, { data: { name: 'e' } }, { kind: 'slices' }, { negated: true }]) {
      const matching = matchChecks([before], [{ ...before, id: 'new', ...changed }])
      expect(matching.pairs).toEqual([])
      expect(matching.added.map((entry) => entry.id)).toEqual(['new'])
      expect(matching.removed.map((entry) => entry.id)).toEqual(['old'])
    }
  })

  it('ignores model and data hashes: a new release of the model is the same check', () => {
    expect(checkFingerprint({ kind: 'k', title: 't', file: 'a', model: { name: 'm', sha256: 'aa' } } as CheckIdentity)).toBe(
      checkFingerprint({ kind: 'k', title: 't', file: 'b', model: { name: 'm', sha256: 'bb' } } as CheckIdentity),
    )
  })

  it('pairs repeated keys in order and leaves the surplus added or removed', () => {
    const base = [check('a', { title: 'same' }), check('b', { title: 'same' })]
    const head = [check('c', { title: 'same' }), check('d', { title: 'same' }), check('e', { title: 'same' })]
    const matching = matchChecks(base, head)
    expect(matching.pairs.map((pair) => `${pair.base.id}->${pair.head.id}`)).toEqual(['a->c', 'b->d'])
    expect(matching.added.map((entry) => entry.id)).toEqual(['e'])
  })

  it('prefers an id match over a fingerprint match', () => {
    const base = [check('first', { title: 'same' }), check('second', { title: 'same' })]
    const head = [check('second', { title: 'same' })]
    const matching = matchChecks(base, head)
    expect(matching.pairs.map((pair) => [pair.base.id, pair.matchedBy])).toEqual([['second', 'id']])
    expect(matching.removed.map((entry) => entry.id)).toEqual(['first'])
  })

  it('matches checks without an id by fingerprint only', () => {
    const base = [{ kind: 'k', title: 't', file: 'a' }]
    const head = [
      { kind: 'k', title: 't', file: 'a' },
      { kind: 'k', title: 'u', file: 'a' },
    ]
    const matching = matchChecks(base, head)
    expect(matching.pairs.map((pair) => pair.matchedBy)).toEqual(['fingerprint'])
    expect(matching.added).toEqual([head[1]])
  })

  it('reports everything added or removed when the other side is empty', () => {
    expect(matchChecks([], [check('a')])).toEqual({ pairs: [], added: [check('a')], removed: [] })
    expect(matchChecks([check('a')], [])).toEqual({ pairs: [], added: [], removed: [check('a')] })
  })
})
