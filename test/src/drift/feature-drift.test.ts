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
    expect(result).toMatchObject({
      kind: 'numeric',
      method: 'ks',
      threshold: 0.05,
      drifted: true,
      referenceSize: 300,
      currentSize: 300,
      effectMeasure: 'normed-wasserstein',
    })
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
    expect(plain.warnings.join('\n')).toMatch(
      /x: significant \(p .*\) but tiny \(normed-wasserstein 0\.0\d+ < 0\.1\); set minEffect to ignore differences this small/,
    )
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
      'featureDrift: expected "age" to hold numbers in both samples (it does in the reference), received text in the current sample, for example "n/a".',
    )
    expect(featureDrift('age', normals(50, 0, 'r'), [null, null]).kind).toBe('numeric')
    expect(featureDrift('age', Float64Array.of(31, 40), ['31', 'n/a'], { kind: 'categorical' }).method).toBe('chi-square')
  })

  test('a numeric column with n/a among its numbers is compared as numbers: a +5 sd shift is found, the texts are counted apart', () => {
    const withTokens = (values: Float64Array): (number | string)[] => Array.from(values, (value, index) => (index % 10 === 0 ? 'n/a' : value))
    const result = featureDrift('temp', withTokens(normals(500, 0, 'r')), withTokens(normals(500, 5, 'c')))
    expect(result).toMatchObject({
      kind: 'numeric',
      method: 'ks',
      drifted: true,
      referenceMissing: 50,
      currentMissing: 50,
      referenceSize: 450,
      currentSize: 450,
    })
    expect(result.warnings).toContain('temp: 50 reference values are text among numbers ("n/a" x 50), read as missing and counted apart')
    expect(result.missingRate).toEqual({ reference: 0.1, current: 0.1, pValue: 1 }) // scipy.stats.fisher_exact([[50, 450], [50, 450]]).pvalue -> 1.0
  })

  test('numbers written as text are compared as numbers, with a note, and do not drift when they have not moved', () => {
    const reference = normals(400, 0, 'r')
    const result = featureDrift(
      'x',
      Array.from(reference, (value) => value.toFixed(6)),
      Array.from(reference, (value) => value.toFixed(6)),
    )
    expect(result).toMatchObject({ kind: 'numeric', method: 'ks', statistic: 0, drifted: false })
    expect(result.warnings).toEqual([
      'x: 400 reference values are numbers written as text, compared as numbers',
      'x: 400 current values are numbers written as text, compared as numbers',
    ])
  })

  test('declared sentinels are missing values, and a jump in the missing share is tested on its own', () => {
    const reference = Array.from(normals(100, 0, 'r'), (value, index) => (index < 10 ? -999 : value))
    const current = Array.from(normals(100, 0, 'c'), (value, index) => (index < 40 ? -999 : value))
    const result = featureDrift('x', reference, current, { sentinels: [-999] })
    expect(result).toMatchObject({ referenceMissing: 10, currentMissing: 40, referenceSize: 90, currentSize: 60 })
    expect(result.missingRate?.reference).toBe(0.1)
    expect(result.missingRate?.current).toBe(0.4)
    expect(result.missingRate?.pValue).toBeCloseTo(1.2433405573877402e-6, 12) // scipy.stats.fisher_exact([[10, 90], [40, 60]]).pvalue
    expect(result.warnings).toContain(
      "x: the share of missing values moved from 10% to 40% (Fisher's exact test p = 1.24e-6); a missing-rate change is drift of its own",
    )
    // Without the declaration, -999 is a number like any other and drags the distribution.
    expect(featureDrift('x', reference, current).missingRate).toBeUndefined()
  })

  test('two samples with no value after cleaning are an error, not a pass', () => {
    expect(() => featureDrift('x', [Number.NaN, null], [null, Number.NaN])).toThrow(
      'featureDrift: expected values to compare in "x", received none in either sample once missing values are removed (2 reference and 2 current rows, all missing).',
    )
    expect(() => featureDrift('x', ['n/a', ''], ['n/a'], { sentinels: ['n/a', ''] })).toThrow(/none in either sample.*or the declared sentinels/s)
  })

  test('a current sample with no values at all is drift, not a pass', () => {
    const result = featureDrift('x', normals(100, 0, 'r'), Float64Array.of(Number.NaN, Number.NaN))
    expect(result).toMatchObject({ drifted: true, pValue: 0, currentSize: 0, currentMissing: 2 })
    expect(result.warnings[0]).toBe('x: the current sample has no usable values (0 / 2 missing)')
  })
})
