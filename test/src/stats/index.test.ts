import { describe, expect, it } from 'vitest'
import * as stats from '../../../src/stats/index.js'

describe('vitest-ml/stats barrel', () => {
  it('exports every statistic by its full name', () => {
    for (const name of [
      'ksTwoSample',
      'chiSquareHomogeneity',
      'chiSquareGoodnessOfFit',
      'wassersteinDistance',
      'jensenShannonDistance',
      'populationStabilityIndex',
      'cramerVonMises',
      'mannWhitneyU',
      'welchTTest',
      'binomialTest',
      'clopperPearsonInterval',
      'wilsonInterval',
      'newcombeInterval',
      'mcnemarTest',
      'bootstrapConfidenceInterval',
      'pairedBootstrapInterval',
      'bonferroni',
      'benjaminiHochberg',
    ]) {
      expect(typeof (stats as Record<string, unknown>)[name], name).toBe('function')
    }
  })

  it('sorts large typed arrays exactly like the native sort', () => {
    const values = Float64Array.from({ length: 5000 }, (_, i) => (Math.sin(i * 12.9898) * 43758.5453) % 7)
    values[3] = -0
    values[4] = 0
    expect(Array.from(stats.sortFloat64(values.slice()))).toEqual(Array.from(values.slice().sort()))
  })
})
