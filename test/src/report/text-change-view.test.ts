import { describe, expect, it } from 'vitest'
import { textChangeView } from '../../../src/report/text-change-view.js'

const text = (segments: readonly { text: string; kind: string }[]): string =>
  segments.map((segment) => (segment.kind === 'removed' ? `[-${segment.text}-]` : segment.kind === 'added' ? `{+${segment.text}+}` : segment.text)).join('')

describe('textChangeView', () => {
  it('shows a sentence before and after, the removed words in the original and the added ones in the perturbed text', () => {
    const view = textChangeView({
      transform: 'a name swapped',
      edits: ['person: "Harmony" -> "Aada"'],
      base: 'Harmony says the cable is amazing.',
      transformed: 'Aada says the cable is amazing.',
      baseOutput: 6,
      transformedOutput: 4,
    })
    expect(view?.transform).toBe('a name swapped')
    expect(view?.edits).toEqual(['person: "Harmony" -> "Aada"'])
    expect(view?.outputs).toBe('6 -> 4')
    expect(view?.lines).toHaveLength(1)
    expect(view?.lines[0]?.field).toBe('')
    expect(text(view!.lines[0]!.original)).toBe('[-Harmony-] says the cable is amazing.')
    expect(text(view!.lines[0]!.perturbed)).toBe('{+Aada+} says the cable is amazing.')
  })

  it('marks an insertion in the perturbed text only', () => {
    const view = textChangeView({ base: 'they work great', transformed: 'they do not work great' })
    expect(text(view!.lines[0]!.original)).toBe('they work great')
    expect(text(view!.lines[0]!.perturbed)).toBe('they {+do not +}work great')
    expect(view?.outputs).toBeUndefined()
  })

  it('shows each changed text field of a row, by its key, and leaves the numbers out', () => {
    const view = textChangeView({ base: { review: 'good phone', title: 'ok', stars: 4 }, transformed: { review: 'godo phone', title: 'ok', stars: 5 } })
    expect(view?.lines.map((line) => line.field)).toEqual(['review'])
    expect(text(view!.lines[0]!.original)).toBe('[-good-] phone')
    expect(text(view!.lines[0]!.perturbed)).toBe('{+godo+} phone')
  })

  it('gives nothing for counterexamples that are not text changes, so the report shows their JSON alone', () => {
    expect(textChangeView({ base: [1, 2], transformed: [1, 3] })).toBeUndefined()
    expect(textChangeView({ base: 'same', transformed: 'same' })).toBeUndefined()
    expect(textChangeView({ input: 'x' })).toBeUndefined()
    expect(textChangeView(null)).toBeUndefined()
    expect(textChangeView('a string')).toBeUndefined()
  })
})
