import { describe, expect, test } from 'vitest'
import { chooseDriftMethod, DRIFT_THRESHOLDS, isTestMethod } from '../../../src/drift/drift-method.js'

describe('chooseDriftMethod (Evidently defaults)', () => {
  test('numeric: KS up to 1000 reference values, normed Wasserstein above', () => {
    expect(chooseDriftMethod('numeric', 30, 0)).toBe('ks')
    expect(chooseDriftMethod('numeric', 1000, 0)).toBe('ks')
    expect(chooseDriftMethod('numeric', 1001, 0)).toBe('wasserstein')
  })

  test('categorical: Z for 2 categories, chi-square for more, Jensen-Shannon above 1000', () => {
    expect(chooseDriftMethod('categorical', 500, 2)).toBe('z')
    expect(chooseDriftMethod('categorical', 500, 3)).toBe('chi-square')
    expect(chooseDriftMethod('categorical', 1001, 2)).toBe('jensen-shannon')
  })

  test('thresholds: p < 0.05 for tests, 0.1 for distances', () => {
    expect(DRIFT_THRESHOLDS).toEqual({ ks: 0.05, 'chi-square': 0.05, z: 0.05, wasserstein: 0.1, 'jensen-shannon': 0.1, psi: 0.1 })
    expect(['ks', 'chi-square', 'z'].every((method) => isTestMethod(method as 'ks'))).toBe(true)
    expect(isTestMethod('jensen-shannon')).toBe(false)
  })
})
