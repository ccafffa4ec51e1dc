// Misused options are errors with all three parts (expected, received, Hint), like every other error in src/stats.
import { describe, expect, it } from 'vitest'
import { binomialTest } from '../../../src/stats/binomial-test.js'
import { bonferroni } from '../../../src/stats/bonferroni.js'
import { bootstrapConfidenceInterval } from '../../../src/stats/bootstrap-confidence-interval.js'
import { clopperPearsonInterval } from '../../../src/stats/clopper-pearson-interval.js'
import { cramerVonMises } from '../../../src/stats/cramer-von-mises.js'
import { ksTwoSample } from '../../../src/stats/ks-two-sample.js'
import { mannWhitneyU } from '../../../src/stats/mann-whitney-u.js'
import { welchTTest } from '../../../src/stats/welch-t-test.js'

const sample = [1, 2, 3, 4]
const other = [2, 3, 4, 5]
const bad = 'two-tailed' as never

describe('option errors name the allowed values and say how to fix the call', () => {
  it('alternative', () => {
    const hint = (source: string): RegExp =>
      new RegExp(
        `^${source}: expected alternative 'two-sided', 'less' or 'greater', received "two-tailed"\\.\\nHint: Use 'two-sided' unless the test is about one direction; the \`alternative\` option of ${source} says which direction 'less' and 'greater' mean\\.$`,
      )
    expect(() => ksTwoSample(sample, other, { alternative: bad })).toThrow(hint('ksTwoSample'))
    expect(() => mannWhitneyU(sample, other, { alternative: bad })).toThrow(hint('mannWhitneyU'))
    expect(() => welchTTest(sample, other, { alternative: bad })).toThrow(hint('welchTTest'))
    expect(() => binomialTest(3, 10, { alternative: bad })).toThrow(hint('binomialTest'))
    expect(() => clopperPearsonInterval(3, 10, { alternative: bad })).toThrow(hint('clopperPearsonInterval'))
  })

  it('method, p, alpha', () => {
    expect(() => ksTwoSample(sample, other, { method: 'asymptotic' as never })).toThrow(
      /expected method 'auto', 'exact' or 'asymp', received "asymptotic"\.\nHint: /,
    )
    expect(() => mannWhitneyU(sample, other, { method: 'asymp' as never })).toThrow(
      /expected method 'auto', 'exact' or 'asymptotic', received "asymp"\.\nHint: /,
    )
    expect(() => cramerVonMises(sample, other, { method: 'asymp' as never })).toThrow(
      /expected method 'auto', 'exact' or 'asymptotic', received "asymp"\.\nHint: /,
    )
    expect(() => bootstrapConfidenceInterval(sample, (values) => values.length, { method: 'bc' as never })).toThrow(
      /expected method 'percentile' or 'bca', received "bc"\.\nHint: /,
    )
    expect(() => binomialTest(3, 10, { p: 1.5 })).toThrow(/expected a null proportion p in \[0, 1\], received 1\.5\.\nHint: /)
    expect(() => bonferroni([0.01], { alpha: 5 })).toThrow(/expected alpha in \(0, 1\), received 5\.\nHint: /)
  })
})
