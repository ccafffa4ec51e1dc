import { describe, expect, it } from 'vitest'
import { pairedBootstrapInterval } from '../../../src/stats/paired-bootstrap-interval.js'
import { VitestMlError } from '../../../src/util/errors.js'

// 400 labelled rows: the candidate is right on 85%, the baseline on 75%, on the same rows (paired).
const n = 400
const labels = Array.from({ length: n }, (_, i) => i % 2)
const candidate = labels.map((label, i) => (i % 20 < 17 ? label : 1 - label))
const baseline = labels.map((label, i) => (i % 4 < 3 ? label : 1 - label))
const accuracyGain = (indices: Uint32Array): number => {
  let gain = 0
  for (const i of indices) gain += Number(candidate[i] === labels[i]) - Number(baseline[i] === labels[i])
  return gain / indices.length
}

describe('pairedBootstrapInterval', () => {
  it('bounds a paired metric difference away from 0 when the candidate is better', () => {
    const result = pairedBootstrapInterval(n, accuracyGain, { seed: 11, resamples: 2000 })
    expect(result.estimate).toBeCloseTo(0.1, 12)
    expect(result.low).toBeGreaterThan(0)
    expect(result.high).toBeLessThan(0.2)
    expect(result.seed).toBe(11)
  })

  it('supports BCa over index resamples (jackknife passes n - 1 indices)', () => {
    const lengths = new Set<number>()
    const result = pairedBootstrapInterval(
      n,
      (indices) => {
        lengths.add(indices.length)
        return accuracyGain(indices)
      },
      { seed: 11, resamples: 500, method: 'bca' },
    )
    expect([...lengths].sort()).toEqual([n - 1, n])
    expect(result.low).toBeGreaterThan(0)
  })

  it('is reproducible for a seed', () => {
    expect(pairedBootstrapInterval(n, accuracyGain, { seed: 'abc', resamples: 300 })).toEqual(
      pairedBootstrapInterval(n, accuracyGain, { seed: 'abc', resamples: 300 }),
    )
  })

  it('throws VitestMlError with a hint when there are no rows', () => {
    expect(() => pairedBootstrapInterval(0, accuracyGain)).toThrow(VitestMlError)
    expect(() => pairedBootstrapInterval(0, accuracyGain)).toThrow(/at least 1 observation, received 0\.\nHint:/)
  })
})
