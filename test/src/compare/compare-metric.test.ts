import { describe, expect, it } from 'vitest'
import { compareMetric, gainOf } from '../../../src/compare/compare-metric.js'
import { judgeNoRegression } from '../../../src/compare/judge-no-regression.js'
import { METRIC_DIRECTIONS, metricDirection } from '../../../src/compare/metric-direction.js'
import { proportionCounts } from '../../../src/compare/proportion-counts.js'
import { METRIC_NAMES, resolveMetric } from '../../../src/evaluation/metric.js'

const rows = (accuracy: number, count = 100, extra: object = {}) => ({ metrics: { accuracy }, data: { name: 'holdout', rows: count }, ...extra })

describe('compareMetric', () => {
  it("gives a proportion with its counts Newcombe's interval, and judges a change outside it a regression", () => {
    // statsmodels confint_proportions_2indep(80, 100, 90, 100, method='newcomb', compare='diff', alpha=0.1) -> (-0.18317, -0.01664)
    const change = compareMetric('accuracy', rows(0.9), rows(0.8))!
    expect(change).toMatchObject({
      metric: 'accuracy',
      base: 0.9,
      head: 0.8,
      direction: 'higher',
      judgement: 'regressed',
      counts: { base: { successes: 90, trials: 100 }, head: { successes: 80, trials: 100 } },
    })
    expect(change.delta).toBeCloseTo(-0.1, 12)
    expect(change.interval).toMatchObject({ level: 0.9, basis: 'newcombe' })
    expect(change.interval!.low).toBeCloseTo(-0.1831653263508306, 10)
    expect(change.interval!.high).toBeCloseTo(-0.016640370545405514, 10)
  })

  it('calls a change inside the interval noise, not a regression', () => {
    // 88/100 against 90/100: the 90% interval contains zero
    expect(compareMetric('accuracy', rows(0.9), rows(0.88))!.judgement).toBe('noise')
  })

  it('judges an improvement whose interval excludes zero', () => {
    expect(compareMetric('accuracy', rows(0.8), rows(0.9))!.judgement).toBe('improved')
  })

  it('flips the sides for a metric where lower is better', () => {
    // violationRate 30/1000 -> 5/1000 is an improvement; the other way a regression
    const better = compareMetric('violationRate', { metrics: { violationRate: 0.03, numRuns: 1000 } }, { metrics: { violationRate: 0.005, numRuns: 1000 } })!
    expect(better).toMatchObject({ direction: 'lower', judgement: 'improved' })
    expect(
      compareMetric('violationRate', { metrics: { violationRate: 0.005, numRuns: 1000 } }, { metrics: { violationRate: 0.03, numRuns: 1000 } })!.judgement,
    ).toBe('regressed')
  })

  it('widens the interval with a higher confidence', () => {
    const at95 = compareMetric('accuracy', rows(0.9), rows(0.8), { confidence: 0.975 })!
    // statsmodels ... alpha=0.05 -> (-0.19947, -0.000149)
    expect(at95.interval!.low).toBeCloseTo(-0.1994738700780695, 10)
    expect(at95.interval!.level).toBeCloseTo(0.95, 12)
  })

  it('knows the change exactly for the same model file on the same data', () => {
    const same = { model: { name: 'm', sha256: 'aa' }, data: { name: 'holdout', rows: 60, sha256: 'dd' } }
    expect(compareMetric('rmse', { metrics: { rmse: 2 }, ...same }, { metrics: { rmse: 2.5 }, ...same })).toMatchObject({
      interval: { low: 0.5, high: 0.5, basis: 'identical' },
      judgement: 'regressed',
    })
    // latency is measured again on every run: no exact comparison, whatever the hashes
    expect(compareMetric('p99Ms', { metrics: { p99Ms: 10 }, ...same }, { metrics: { p99Ms: 11 }, ...same })).toMatchObject({ judgement: 'worse' })
    expect(compareMetric('p99Ms', { metrics: { p99Ms: 10 }, ...same }, { metrics: { p99Ms: 11 }, ...same })!.interval).toBeUndefined()
  })

  it('compares other metrics as two values: better or worse by direction, changed without one, same when equal', () => {
    expect(compareMetric('p99Ms', { metrics: { p99Ms: 40 } }, { metrics: { p99Ms: 60 } })).toEqual({
      metric: 'p99Ms',
      base: 40,
      head: 60,
      delta: 20,
      direction: 'lower',
      judgement: 'worse',
    })
    expect(compareMetric('p99Ms', { metrics: { p99Ms: 60 } }, { metrics: { p99Ms: 40 } })!.judgement).toBe('better')
    expect(compareMetric('income.statistic', { metrics: { 'income.statistic': 0.1 } }, { metrics: { 'income.statistic': 0.2 } })).toMatchObject({
      judgement: 'changed',
    })
    expect(compareMetric('income.statistic', { metrics: { 'income.statistic': 0.1 } }, { metrics: { 'income.statistic': 0.2 } })!.direction).toBeUndefined()
    expect(compareMetric('accuracy', rows(0.9), rows(0.9))).toMatchObject({ judgement: 'same', delta: 0 })
  })

  it("uses the caller's directions for metrics of their own", () => {
    expect(compareMetric('auc90', { metrics: { auc90: 0.7 } }, { metrics: { auc90: 0.6 } }, { directions: { auc90: 'higher' } })!.judgement).toBe('worse')
  })

  it('gives nothing when either side lacks a finite value', () => {
    expect(compareMetric('accuracy', { metrics: {} }, rows(0.9))).toBeUndefined()
    expect(compareMetric('accuracy', rows(0.9), { metrics: { accuracy: Number.NaN } })).toBeUndefined()
  })
})

describe('proportionCounts', () => {
  it('reads the trials each proportion metric records', () => {
    expect(proportionCounts(rows(0.95, 60), 'accuracy')).toEqual({ successes: 57, trials: 60 })
    expect(proportionCounts({ metrics: { violationRate: 0.002, numRuns: 1000 } }, 'violationRate')).toEqual({ successes: 2, trials: 1000 })
    expect(proportionCounts({ metrics: { mismatchRate: 0.25, rows: 8 } }, 'mismatchRate')).toEqual({ successes: 2, trials: 8 })
    expect(proportionCounts({ metrics: { agreement: 0.75, rows: 8 } }, 'agreement')).toEqual({ successes: 6, trials: 8 })
    expect(proportionCounts({ metrics: { errorRate: 0.01, requests: 500 } }, 'errorRate')).toEqual({ successes: 5, trials: 500 })
  })

  it('refuses a value that is not a share of the recorded trials, or no trials', () => {
    expect(proportionCounts(rows(0.951, 60), 'accuracy')).toBeUndefined()
    expect(proportionCounts({ metrics: { accuracy: 0.9 } }, 'accuracy')).toBeUndefined()
    expect(proportionCounts(rows(0.9, 0), 'accuracy')).toBeUndefined()
    expect(proportionCounts(rows(1.2, 10), 'accuracy')).toBeUndefined()
    expect(proportionCounts({ metrics: { p99Ms: 0.5, rows: 10 } }, 'p99Ms')).toBeUndefined()
  })
})

describe('metricDirection', () => {
  it('agrees with every built-in evaluation metric', () => {
    for (const name of METRIC_NAMES) expect(METRIC_DIRECTIONS[name], name).toBe(resolveMetric(name, 'test').higherIsBetter ? 'higher' : 'lower')
  })

  it('lets the caller name directions of their own, and knows nothing else', () => {
    expect(metricDirection('p99Ms')).toBe('lower')
    expect(metricDirection('mine', { mine: 'higher' })).toBe('higher')
    expect(metricDirection('toString')).toBeUndefined()
    expect(metricDirection('mine')).toBeUndefined()
  })
})

describe('judgeNoRegression and gainOf', () => {
  it('passes when the one-sided bound of the gain exceeds -margin, as toBeNoWorseThan decides', () => {
    const change = compareMetric('accuracy', rows(0.9), rows(0.8))! as Parameters<typeof judgeNoRegression>[0]
    expect(judgeNoRegression(change, 0.2)).toMatchObject({ passed: true, basis: 'newcombe' })
    expect(judgeNoRegression(change, 0.18)).toMatchObject({ passed: false })
    expect(judgeNoRegression(change, 0.18).bound).toBeCloseTo(-0.1831653263508306, 10)
  })

  it('fails an unchanged proportion whose interval is wider than the margin (100 rows cannot show a 2-point margin)', () => {
    const change = compareMetric('accuracy', rows(0.9, 100), rows(0.9, 100))! as Parameters<typeof judgeNoRegression>[0]
    expect(change.judgement).toBe('same')
    expect(judgeNoRegression(change, 0.02).passed).toBe(false)
    // with 5000 rows on each side the same margin holds
    expect(judgeNoRegression(compareMetric('accuracy', rows(0.9, 5000), rows(0.9, 5000))! as Parameters<typeof judgeNoRegression>[0], 0.02).passed).toBe(true)
  })

  it('compares the change itself with the margin when there is no interval', () => {
    const change = compareMetric('p99Ms', { metrics: { p99Ms: 40 } }, { metrics: { p99Ms: 60 } })! as Parameters<typeof judgeNoRegression>[0]
    expect(judgeNoRegression(change, 20)).toEqual({ passed: true, gain: -20, bound: -20, basis: 'point' })
    expect(judgeNoRegression(change, 19.9)).toEqual({ passed: false, gain: -20, bound: -20, basis: 'point' })
  })

  it('passes an identical model on identical data with margin 0', () => {
    const same = { model: { name: 'm', sha256: 'aa' }, data: { name: 'holdout', rows: 60, sha256: 'dd' } }
    const change = compareMetric('accuracy', { metrics: { accuracy: 0.9 }, ...same }, { metrics: { accuracy: 0.9 }, ...same })! as Parameters<
      typeof judgeNoRegression
    >[0]
    expect(judgeNoRegression(change, 0)).toEqual({ passed: true, gain: 0, bound: 0, basis: 'identical' })
  })

  it('takes the worse side of the interval as the bound', () => {
    expect(gainOf({ delta: -1, direction: 'higher', interval: { low: -2, high: 0.5, level: 0.9, basis: 'newcombe' } })).toEqual({ gain: -1, bound: -2 })
    expect(gainOf({ delta: 1, direction: 'lower', interval: { low: -0.5, high: 2, level: 0.9, basis: 'newcombe' } })).toEqual({ gain: -1, bound: -2 })
    expect(gainOf({ delta: 8, direction: 'lower' })).toEqual({ gain: -8, bound: -8 })
  })
})
