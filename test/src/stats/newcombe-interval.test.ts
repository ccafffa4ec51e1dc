import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { newcombeInterval } from '../../../src/stats/newcombe-interval.js'

interface NewcombeCase {
  readonly kCurrent: number
  readonly nCurrent: number
  readonly kReference: number
  readonly nReference: number
  readonly level: number
  readonly difference: number
  readonly low: number
  readonly high: number
}

// Written by scripts/reference/release_comparison_reference.py (statsmodels 0.13.5).
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/reference/release-comparison.json', import.meta.url), 'utf8')) as { newcombe: NewcombeCase[] }

describe('newcombeInterval', () => {
  for (const reference of fixture.newcombe) {
    const { kCurrent, nCurrent, kReference, nReference, level } = reference
    it(`matches statsmodels for ${kCurrent}/${nCurrent} - ${kReference}/${nReference} at ${level}`, () => {
      // confint_proportions_2indep(kCurrent, nCurrent, kReference, nReference, method='newcomb', compare='diff', alpha=1 - level)
      const result = newcombeInterval(kCurrent, nCurrent, kReference, nReference, { level })
      expect(result.difference).toBeCloseTo(reference.difference, 12)
      expect(result.low).toBeCloseTo(reference.low, 10)
      expect(result.high).toBeCloseTo(reference.high, 10)
      expect(result.level).toBe(level)
    })
  }

  it('pins one case by hand: 80/100 against 90/100 at 90% is (-0.1832, -0.0166)', () => {
    // confint_proportions_2indep(80, 100, 90, 100, method='newcomb', compare='diff', alpha=0.1) -> (-0.18317, -0.01664)
    const result = newcombeInterval(80, 100, 90, 100, { level: 0.9 })
    expect([result.low, result.high].map((bound) => Number(bound.toFixed(4)))).toEqual([-0.1832, -0.0166])
  })

  it('is antisymmetric: swapping the samples mirrors the interval', () => {
    const forward = newcombeInterval(56, 70, 48, 80)
    const backward = newcombeInterval(48, 80, 56, 70)
    expect(backward.low).toBeCloseTo(-forward.high, 12)
    expect(backward.high).toBeCloseTo(-forward.low, 12)
  })

  it('refuses counts and levels that are not a proportion', () => {
    expect(() => newcombeInterval(5, 4, 1, 4)).toThrow(/wilsonInterval: expected a success count k that is an integer in \[0, 4\], received 5/)
    expect(() => newcombeInterval(1, 0, 1, 4)).toThrow(/n that is an integer >= 1, received 0/)
    expect(() => newcombeInterval(1, 4, 1, 4, { level: 1 })).toThrow(/newcombeInterval: expected a confidence level in \(0, 1\), received 1\.\nHint:/)
  })
})
