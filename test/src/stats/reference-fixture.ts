/**
 * Loads test/fixtures/reference/stats.json (written by scripts/reference/stats_reference.py from scipy) and gives the
 * tolerance checks every statistics test uses: statistic within 1e-9 relative, p-value within 1e-6 relative or
 * 1e-12 absolute when tiny.
 */
import { readFileSync } from 'node:fs'
import { expect } from 'vitest'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any

/** The whole reference fixture. */
export const reference: Json = JSON.parse(readFileSync(new URL('../../fixtures/reference/stats.json', import.meta.url), 'utf8'))

/** Parameters of a deterministic "weyl" sample (see the reference script). */
export interface WeylSpec {
  readonly n: number
  readonly alpha: number
  readonly scale?: number
  readonly shift?: number
  readonly floor?: boolean
}

/**
 * Rebuilds a generated sample bit for bit: `((i * alpha) mod 1) * scale + shift`, or `floor(u * scale) + shift`.
 *
 * @param spec - generator parameters from the fixture
 */
export function weyl(spec: WeylSpec): Float64Array {
  const out = new Float64Array(spec.n)
  const scale = spec.scale ?? 1
  const shift = spec.shift ?? 0
  for (let i = 1; i <= spec.n; i++) {
    const u = (i * spec.alpha) % 1
    out[i - 1] = spec.floor === true ? Math.floor(u * scale) + shift : u * scale + shift
  }
  return out
}

/** Relative error of `actual` against `expected` (absolute when expected is 0). */
export function relativeError(actual: number, expected: number): number {
  if (actual === expected) return 0
  return Math.abs(actual - expected) / (expected === 0 ? 1 : Math.abs(expected))
}

/** Statistic agrees with the reference to 1e-9 relative (or 1e-12 absolute near zero). */
export function expectStatistic(actual: number, expected: number, tolerance = 1e-9): void {
  const ok = relativeError(actual, expected) <= tolerance || Math.abs(actual - expected) <= 1e-12
  expect(ok, `statistic ${actual} vs reference ${expected}`).toBe(true)
}

/** p-value agrees with the reference to 1e-6 relative, or 1e-12 absolute when tiny. */
export function expectPValue(actual: number, expected: number): void {
  const ok = relativeError(actual, expected) <= 1e-6 || Math.abs(actual - expected) <= 1e-12
  expect(ok, `p-value ${actual} vs reference ${expected}`).toBe(true)
}
