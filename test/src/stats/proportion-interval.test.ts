import { describe, expect, it } from 'vitest'
import { clopperPearsonInterval } from '../../../src/stats/clopper-pearson-interval.js'
import { wilsonInterval } from '../../../src/stats/wilson-interval.js'
import { VitestMlError } from '../../../src/util/errors.js'
import { expectPValue, type Json, reference } from './reference-fixture.js'

describe('clopperPearsonInterval and wilsonInterval', () => {
  // Each fixture case: scipy.stats.binomtest(k, n).proportion_ci(level, method='exact' | 'wilson' | 'wilsoncc')
  for (const testCase of reference.proportionIntervals as Json[]) {
    it(`match scipy proportion_ci for k=${testCase.k}, n=${testCase.n}, level=${testCase.level}`, () => {
      const cp = clopperPearsonInterval(testCase.k, testCase.n, { level: testCase.level })
      const wilson = wilsonInterval(testCase.k, testCase.n, { level: testCase.level })
      const wilsonCc = wilsonInterval(testCase.k, testCase.n, { level: testCase.level, correction: true })
      expectPValue(cp.low, testCase.clopperPearson[0])
      expectPValue(cp.high, testCase.clopperPearson[1])
      expectPValue(wilson.low, testCase.wilson[0])
      expectPValue(wilson.high, testCase.wilson[1])
      expectPValue(wilsonCc.low, testCase.wilsonCorrected[0])
      expectPValue(wilsonCc.high, testCase.wilsonCorrected[1])
    })
  }

  it('give one-sided upper bounds for a violation-rate gate', () => {
    // scipy.stats.binomtest(0, 3000, alternative='less').proportion_ci(0.95) -> (0.0, 0.000998...)  ("rule of three")
    const cp = clopperPearsonInterval(0, 3000, { alternative: 'less' })
    expect(cp.low).toBe(0)
    expectPValue(cp.high, 1 - 0.05 ** (1 / 3000))
    // Wilson one-sided upper bound with z = norm.ppf(0.95)
    const wilson = wilsonInterval(2, 1000, { alternative: 'less' })
    expect(wilson.low).toBe(0)
    expect(wilson.high).toBeGreaterThan(0.002)
    expect(wilson.high).toBeLessThan(0.01)
  })

  it('throw VitestMlError with a hint on invalid input', () => {
    expect(() => clopperPearsonInterval(0, 0)).toThrow(/n that is an integer >= 1, received 0\.\nHint:/)
    expect(() => wilsonInterval(5, 4)).toThrow(VitestMlError)
    expect(() => wilsonInterval(1, 4, { level: 95 })).toThrow(/confidence level in \(0, 1\)/)
  })
})
