// The multivariate tests' arithmetic against test/fixtures/reference/multivariate.json, written by
// scripts/reference/multivariate_reference.py with scikit-learn 1.2.1 and numpy.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { crossValidatedAuc } from '../../../../src/drift/multivariate/cross-validated-auc.js'
import { featureMatrix } from '../../../../src/drift/multivariate/feature-matrix.js'
import { mmdDrift } from '../../../../src/drift/multivariate/mmd-drift.js'
import { medianBandwidth, squaredDistances, unbiasedMmd2 } from '../../../../src/drift/multivariate/mmd-statistic.js'
import { quadraticFeatures } from '../../../../src/drift/multivariate/quadratic-features.js'
import { seededRandom } from '../../../../src/drift/multivariate/seeded-order.js'

const reference = JSON.parse(readFileSync(new URL('../../../fixtures/reference/multivariate.json', import.meta.url), 'utf8'))
const all = (count: number) => Uint32Array.from({ length: count }, (_, index) => index)

describe('domain classifier against scikit-learn', () => {
  it('orders degree-2 features as PolynomialFeatures(degree=2, include_bias=False)', () => {
    // PolynomialFeatures(2, include_bias=False).fit_transform([[2, 3]]) -> [[2, 3, 4, 6, 9]]
    expect([...quadraticFeatures(Float64Array.of(2, 3), 1, 2).values]).toEqual([2, 3, 4, 6, 9])
  })

  it('reproduces LogisticRegression(C=1) held-out AUCs fold by fold on a correlation flip', () => {
    const { reference: ref, current: cur, folds, foldAucs, auc } = reference.classifier
    const rows = ref.x.length as number
    const matrix = featureMatrix(
      ['x', 'y'].map((name) => ({ name, kind: 'numeric' as const, reference: Float64Array.from(ref[name]), current: Float64Array.from(cur[name]) })),
      all(rows),
      all(rows),
    )
    const labels = new Uint8Array(2 * rows).fill(1, rows)
    const result = crossValidatedAuc(matrix.values, matrix.width, labels, Uint8Array.from(folds), 5, 1)
    // sklearn: roc_auc_score(labels[test], LogisticRegression(C=1).fit(...).decision_function(...)) per fold
    for (const [fold, value] of result.foldAucs.entries()) expect(value).toBeCloseTo(foldAucs[fold], 9)
    expect(result.auc).toBeCloseTo(auc, 9)
  })
})

describe('MMD against the numpy reference (Gretton et al. 2012; Alibi Detect median heuristic)', () => {
  reference.mmd.forEach((testCase: { reference: number[][]; current: number[][]; sigma: number; mmd2: number; pValue: number }, index: number) => {
    it(`matches sigma and the unbiased MMD^2, and the permutation p-value within Monte Carlo error (case ${index})`, () => {
      const width = testCase.reference[0]?.length ?? 0
      const values = Float64Array.from([...testCase.reference, ...testCase.current].flat())
      const rows = testCase.reference.length + testCase.current.length
      const distances = squaredDistances(values, rows, width)
      const sigma = medianBandwidth(distances, rows, testCase.reference.length)
      expect(sigma).toBeCloseTo(testCase.sigma, 12)
      const kernel = distances.map((d) => Math.exp(-d / (2 * sigma * sigma)))
      const labels = new Uint8Array(rows).fill(1, testCase.reference.length)
      // numpy: (Kxx.sum() - tr) / (m (m - 1)) + (Kyy.sum() - tr) / (n (n - 1)) - 2 Kxy.mean()
      expect(unbiasedMmd2(kernel, labels)).toBeCloseTo(testCase.mmd2, 12)
      const result = mmdDrift(
        { values, width, referenceRows: testCase.reference.length, currentRows: testCase.current.length },
        { features: ['e'], embedding: true },
        seededRandom(3),
        { permutations: 2000 },
      )
      expect(result.statistic).toBeCloseTo(testCase.mmd2, 12)
      // Two independent 2000-permutation estimates of one p-value: their difference has sd <= sqrt(2 * p (1 - p) / 2000) <= 0.016.
      expect(Math.abs(result.pValue - testCase.pValue)).toBeLessThan(Math.max(0.05, 4 * Math.sqrt((2 * testCase.pValue * (1 - testCase.pValue)) / 2000)))
    })
  })
})
