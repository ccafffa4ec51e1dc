import seedrandom from 'seedrandom'
import { describe, expect, test } from 'vitest'
import { featureDrift } from '../../../src/drift/feature-drift.js'
import { normedWasserstein } from '../../../src/drift/normed-wasserstein.js'

const normals = (count: number, mean: number, seed: string): Float64Array => {
  const random = seedrandom(seed)
  return Float64Array.from({ length: count }, () => mean + Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()))
}
const labels = (counts: Record<string, number>): string[] => Object.entries(counts).flatMap(([label, count]) => Array<string>(count).fill(label))

describe('featureDrift', () => {
  test('normed Wasserstein is W1 over the reference standard deviation', () => {
    // scipy.stats.wasserstein_distance([0,1,2,3], [1,2,3,4]) / np.std([0,1,2,3]) -> 0.8944271909999159
    expect(normedWasserstein(Float64Array.of(0, 1, 2, 3), Float64Array.of(1, 2, 3, 4))).toBeCloseTo(0.8944271909999159, 12)
  })

  test('numeric, small reference: KS with p-value and effect size', () => {
    const result = featureDrift('x', normals(300, 0, 'r'), normals(300, 0.5, 'c'))
    expect(result).toMatchObject({ kind: 'numeric', method: 'ks', threshold: 0.05, drifted: true, referenceSize: 300, currentSize: 300, effectMeasure: 'normed-wasserstein' })
    expect(result.pValue).toBeLessThan(1e-4)
    expect(result.effectSize).toBeGreaterThan(0.3)
    expect(featureDrift('x', normals(300, 0, 'r'), normals(300, 0, 'c2')).drifted).toBe(false)
  })

  test('numeric, large reference: normed Wasserstein distance, no p-value', () => {
    const result = featureDrift('x', normals(5000, 0, 'r'), normals(5000, 0.3, 'c'))
    expect(result.method).toBe('wasserstein')
    expect(result.pValue).toBeUndefined()
    expect(result.statistic).toBeCloseTo(0.3, 1)
    expect(result.drifted).toBe(true)
  })

  test('two categories: the Z-test, equal to the uncorrected 2x2 chi-square', () => {
    const result = featureDrift('flag', labels({ a: 60, b: 40 }), labels({ a: 45, b: 55 }))
    // statsmodels proportions_ztest([60, 45], [100, 100]) -> z = 2.1239769762 (current share of 'a' lower: -), p = 0.0336720688563
    expect(result.method).toBe('z')
    expect(result.statistic).toBeCloseTo(-2.1239769762143657, 10)
    expect(result.pValue).toBeCloseTo(0.033672068856345855, 12)
    expect(result.drifted).toBe(true)
  })

  test('categories: chi-square; missing values are a category of their own and counted', () => {
    const reference = [...labels({ sun: 50, rain: 40, fog: 10 }), null, null]
    const current = [...labels({ sun: 48, rain: 42, fog: 10 }), ...Array<null>(20).fill(null)]
    const result = featureDrift('weather', reference, current)
    expect(result).toMatchObject({ method: 'chi-square', referenceMissing: 2, currentMissing: 20, referenceSize: 102, currentSize: 120, drifted: true })
    expect(result.warnings).toContain('weather: missing rate 0.01961 in reference vs 0.1667 in current')
  })

  test('numeric NaN and Infinity are counted and reported, not silently dropped', () => {
    const reference = Float64Array.from([...normals(100, 0, 'r'), Number.NaN, Number.POSITIVE_INFINITY])
    const current = Float64Array.from([...normals(100, 0, 'c'), Number.NaN])
    const result = featureDrift('x', reference, current)
    expect(result).toMatchObject({ referenceSize: 100, currentSize: 100, referenceMissing: 1, currentMissing: 1, referenceNonFinite: 1, currentNonFinite: 0 })
    expect(result.warnings).toContain('x: 1 reference and 0 current infinite values left out of the statistics')
  })

  test('small samples and sparse categories are warned about', () => {
    const small = featureDrift('x', normals(12, 0, 'r'), normals(200, 0, 'c'))
    expect(small.warnings).toContain('x: only 12 reference values (< 30): the ks result means little')
    const sparse = featureDrift('c', labels({ a: 40, b: 3, c: 2, d: 1 }), labels({ a: 38, b: 2, c: 3, d: 2 }))
    expect(sparse.warnings[0]).toMatch(/^c: 6 of 8 category cells expect fewer than 5 values; the chi-square p-value is unreliable/)
  })

  test('significant but tiny: a large sample flags it, minEffect suppresses it, both are visible', () => {
    const reference = normals(50_000, 0, 'r')
    const current = normals(50_000, 0.05, 'c')
    const plain = featureDrift('x', reference, current, { method: 'ks' })
    const cautious = featureDrift('x', reference, current, { method: 'ks', minEffect: 0.1 })
    expect(plain.pValue).toBeLessThan(0.05)
    expect(plain.effectSize).toBeLessThan(0.1)
    expect(plain.drifted).toBe(true)
    expect(plain.warnings.join('\n')).toMatch(/x: significant \(p .*\) but tiny \(normed-wasserstein 0\.0\d+ < 0\.1\); set minEffect to ignore differences this small/)
    expect(cautious.drifted).toBe(false)
    expect(cautious.warnings.join('\n')).toMatch(/not flagged because of minEffect/)
  })

  test('numbers with at most 5 distinct values are compared as categories; overrides are checked', () => {
    expect(featureDrift('code', Float64Array.of(1, 2, 3, 1, 2, 3), Float64Array.of(1, 2, 3, 3, 3, 3)).method).toBe('chi-square')
    expect(featureDrift('x', normals(100, 0, 'r'), normals(100, 0, 'c'), { method: 'psi' }).method).toBe('psi')
    expect(() => featureDrift('x', normals(100, 0, 'r'), normals(100, 0, 'c'), { method: 'chi-square' })).toThrow(
      `featureDrift: expected a numeric method for "x" (ks, wasserstein, psi), received 'chi-square'.`,
    )
  })

  test('numbers in one sample and text in the other is a clear error; all-missing columns stay numeric', () => {
    expect(() => featureDrift('age', Float64Array.of(31, 40), ['31', 'n/a'])).toThrow(
      'featureDrift: expected "age" to hold numbers in both samples (it does in the reference), received text in the current sample, for example "31".',
    )
    expect(featureDrift('age', normals(50, 0, 'r'), [null, null]).kind).toBe('numeric')
    expect(featureDrift('age', Float64Array.of(31, 40), ['31', 'n/a'], { kind: 'categorical' }).method).toBe('chi-square')
  })

  test('a current sample with no values at all is drift, not a pass', () => {
    const result = featureDrift('x', normals(100, 0, 'r'), Float64Array.of(Number.NaN, Number.NaN))
    expect(result).toMatchObject({ drifted: true, pValue: 0, currentSize: 0, currentMissing: 2 })
    expect(result.warnings[0]).toBe('x: the current sample has no usable values (0 / 2 missing)')
  })
})
