import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { audioGain } from '../../../src/arbitraries/audio-gain.js'
import { audioNoise } from '../../../src/arbitraries/audio-noise.js'
import { audioTimeShift } from '../../../src/arbitraries/audio-time-shift.js'
import { perturbCategory } from '../../../src/arbitraries/perturb-category.js'
import { perturbClip } from '../../../src/arbitraries/perturb-clip.js'
import { type PerturbFunction, perturbChance } from '../../../src/arbitraries/perturb-function.js'
import { perturbMissing } from '../../../src/arbitraries/perturb-missing.js'
import { perturbNoise } from '../../../src/arbitraries/perturb-noise.js'
import { perturbRow } from '../../../src/arbitraries/perturb-row.js'
import { perturbScale } from '../../../src/arbitraries/perturb-scale.js'
import { perturbUniform } from '../../../src/arbitraries/perturb-uniform.js'

/** Shrinks a perturbation under a property that fails whenever it is not the identity: it must end at "no perturbation". */
function shrunkTo<T>(
  arbitrary: fc.Arbitrary<PerturbFunction<T>>,
  fails: (p: PerturbFunction<T>) => boolean = (p) => !p.identity,
): PerturbFunction<T> | undefined {
  const details = fc.check(
    fc.property(arbitrary, (p) => !fails(p)),
    { seed: 1, numRuns: 200 },
  )
  return details.counterexample?.[0]
}

describe('perturbation arbitraries shrink toward no perturbation', () => {
  test('each one generates real perturbations and has the identity as its shrink target', () => {
    const windows = new Float32Array([0.1, -0.2, 0.3, 0.4])
    const cases: [string, fc.Arbitrary<PerturbFunction<never>>, unknown][] = [
      ['noise', perturbNoise({ scale: 1 }) as never, 5],
      ['scale', perturbScale({ min: 0.5, max: 2 }) as never, 5],
      ['clip', perturbClip({ min: 0, max: 10 }) as never, 9.5],
      ['category', perturbCategory(['a', 'b', 'c']) as never, 'a'],
      ['missing', perturbMissing({ missing: Number.NaN, probability: 0.3 }) as never, 5],
      ['gain', audioGain() as never, windows],
      ['added noise', audioNoise() as never, windows],
      ['time shift', audioTimeShift({ maxSamples: 2 }) as never, windows],
    ]
    const same = (left: unknown, right: unknown): boolean =>
      ArrayBuffer.isView(left) && ArrayBuffer.isView(right)
        ? JSON.stringify(Array.from(left as Float32Array)) === JSON.stringify(Array.from(right as Float32Array))
        : Object.is(left, right)
    for (const [name, arbitrary, value] of cases) {
      const sampled = fc.sample(arbitrary, { seed: 3, numRuns: 200 })
      // Real perturbations: many draws are not the identity, and they do change the value.
      expect(sampled.filter((p) => !p.identity && !same(p(value as never), value)).length, name).toBeGreaterThan(20)
      // A property that fails on every draw shrinks all the way back to "no perturbation", which leaves the value alone.
      const target = shrunkTo(arbitrary, () => true)
      expect(target?.identity, name).toBe(true)
      expect(same(target?.(value as never), value), name).toBe(true)
      expect(typeof target?.label).toBe('string')
    }
  })

  test('numeric noise shrinks to the smallest shift that still breaks a property, and respects bounds', () => {
    const minimal = shrunkTo(perturbNoise({ scale: 1 }), (p) => Math.abs(p(0)) > 0.25)
    expect(Math.abs(minimal?.(0) ?? 0)).toBeCloseTo(0.25, 6)
    for (const p of fc.sample(perturbNoise({ scale: 5, min: 0, max: 1 }), { seed: 1, numRuns: 100 })) {
      expect(p(0.5)).toBeGreaterThanOrEqual(0)
      expect(p(0.5)).toBeLessThanOrEqual(1)
    }
    expect(Number.isNaN(fc.sample(perturbNoise({ scale: 1 }), { seed: 1, numRuns: 1 })[0]?.(Number.NaN))).toBe(true)
  })

  test('scale shrinks toward a factor of exactly 1; clip toward the full bounds', () => {
    const scale = shrunkTo(perturbScale({ min: 0.5, max: 2 }), (p) => p(100) > 150)
    expect(scale?.(100)).toBeCloseTo(150, 4)
    const clip = shrunkTo(perturbClip({ min: 0, max: 10 }), (p) => p(9.5) < 9)
    expect(clip?.(9.5)).toBeCloseTo(9, 4)
    expect(clip?.(5)).toBe(5)
  })

  test('audio gain, time shift, added noise and swaps shrink to the mildest failing perturbation', () => {
    const window = new Float32Array([0.1, -0.1, 0.2, 0])
    const gain = shrunkTo(audioGain({ minDb: -6, maxDb: 6 }), (p) => Math.abs(20 * Math.log10((p(window)[0] ?? 0) / 0.1)) > 1)
    expect(Math.abs(20 * Math.log10((gain?.(window)[0] ?? 0) / 0.1))).toBeCloseTo(1, 2)
    expect(shrunkTo(audioTimeShift({ maxSamples: 100 }))?.label).toMatch(/^time shift [+-]1 samples$/)
    const hiss = shrunkTo(audioNoise({ maxAmplitude: 0.1 }), (p) => Math.max(...Array.from(p(window), (v, i) => Math.abs(v - (window[i] ?? 0)))) > 0.01)
    expect(hiss?.label).toMatch(/noise amplitude 0\.01\d* \(noise seed 0\)/)
    expect(shrunkTo(perturbCategory(['a', 'b', 'c']))?.label).toBe('swap to a')
    expect(shrunkTo(perturbMissing({ missing: null }))?.label).toBe('set to missing (null)')
  })

  test('categorical swaps never swap to the same value; missing values use the marker', () => {
    for (const p of fc.sample(perturbCategory([0, 1, 2], { probability: 1 }), { seed: 1, numRuns: 50 })) expect(p(1)).not.toBe(1)
    const dropped = fc.sample(perturbMissing<number, null>({ missing: null, probability: 1 }), { seed: 1, numRuns: 5 })
    expect(dropped.map((p) => p(3))).toEqual([null, null, null, null, null])
  })

  test('perturbChance has the exact probability (no size bias)', () => {
    const hits = fc.sample(perturbChance(0.1), { seed: 1, numRuns: 10000 }).filter(Boolean).length
    expect(hits).toBeGreaterThan(900)
    expect(hits).toBeLessThan(1100)
  })

  test('perturbUniform is evenly spread, unlike fc.double', () => {
    const values = fc.sample(fc.noBias(perturbUniform(0, 1000)), { seed: 1, numRuns: 10000 })
    const belowTen = values.filter((value) => value < 10).length
    expect(belowTen).toBeLessThan(200)
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...values)).toBeLessThanOrEqual(1000)
  })

  test('perturbRow perturbs named or indexed features and labels what it did', () => {
    const p = fc.sample(perturbRow<number[]>({ 1: perturbScale({ min: 1, max: 2 }) }), { seed: 1, numRuns: 20 }).find((q) => !q.identity)
    const factor = (p?.([1, 3, 5])[1] ?? 0) / 3
    expect(p?.([1, 3, 5])).toEqual([1, 3 * factor, 5])
    expect(p?.label).toMatch(/^\[1\] scale x[\d.]+$/)
    const [q] = fc.sample(perturbRow<Record<string, number>>({ mass: perturbNoise({ scale: 0 }) }), { seed: 1, numRuns: 1 })
    expect(q?.identity).toBe(true)
    const r = fc.sample(perturbRow<Record<string, number>>({ wing: perturbScale({ min: 1, max: 2 }) }), { seed: 1, numRuns: 20 }).find((q) => !q.identity)
    expect(() => r?.({ mass: 1 })).toThrow(/perturbRow: expected a feature name among \[mass\], received "wing"/)
  })

  test('audio perturbations copy the window and do what they say', () => {
    const window = new Float32Array([0.5, -0.5, 0.25, 0])
    const loud = fc.sample(audioGain({ minDb: 0, maxDb: 6 }), { seed: 2, numRuns: 20 }).find((p) => !p.identity)
    const out = loud?.(window)
    expect(out).not.toBe(window)
    expect(Math.abs((out?.[0] ?? 0) / 0.5)).toBeGreaterThanOrEqual(1)
    const shift = fc.sample(audioTimeShift({ maxSamples: 1 }), { seed: 5, numRuns: 30 }).find((p) => p.label.includes('+1'))
    expect(Array.from(shift?.(window) ?? [])).toEqual([0, 0.5, -0.5, 0.25])
    expect(Array.from(window)).toEqual([0.5, -0.5, 0.25, 0])
    expect(() => audioGain({ minDb: 1, maxDb: 3 })).toThrow(/audioGain: expected a dB range with minDb <= 0 <= maxDb/)
  })
})
