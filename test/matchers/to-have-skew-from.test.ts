import seedrandom from 'seedrandom'
import { describe, expect, test } from 'vitest'
import { driftMatchers } from '../../matchers/drift-index.js'
import { trainingServingSkew } from '../../src/drift/training-serving-skew.js'
import { checksFromMeta } from '../../src/record/check-record.js'
import { failureMessage } from '../support/failure-of.js'

expect.extend(driftMatchers)

const COUNTRIES = ['US', 'GB', 'DE', 'FR']

/** Feature tables as a training job and a serving log would write them; `bug` breaks the serving side. */
function features(seed: string, count: number, bug: 'none' | 'units' | 'codes' | 'nulls' = 'none'): Record<string, unknown[]> {
  const random = seedrandom(seed)
  const income: number[] = []
  const country: (string | null)[] = []
  const age: (number | null)[] = []
  for (let index = 0; index < count; index++) {
    const value = 20_000 + 80_000 * random() ** 2
    income.push(bug === 'units' ? value / 1000 : value)
    const code = COUNTRIES[Math.floor(random() * random() * 4)] ?? 'US'
    country.push(bug === 'codes' && code === 'GB' ? 'UK' : code)
    age.push(bug === 'nulls' && random() < 0.3 ? null : 18 + Math.floor(60 * random()))
  }
  return { income, country, age }
}

describe('trainingServingSkew', () => {
  test('L-infinity for categories, Jensen-Shannon divergence (base 2) for numbers; missing is a bucket', () => {
    const result = trainingServingSkew(features('train', 2000), features('serve', 1000, 'nulls'))
    expect(result.skewedFeatures).toEqual(['age'])
    expect(result.features[0]).toMatchObject({
      feature: 'age',
      measure: 'jensen-shannon',
      servingMissing: expect.any(Number),
      worst: { bucket: '(missing)', training: 0 },
    })
    const country = result.features.find((feature) => feature.feature === 'country')
    expect(country).toMatchObject({ measure: 'l-infinity', skewed: false })
    expect(country?.statistic).toBeLessThan(0.05)
  })
})

describe('toHaveSkewFrom', () => {
  test('.not passes when serving features match training features', async ({ task }) => {
    await expect(features('serve', 1000)).not.toHaveSkewFrom(features('train', 2000))
    expect(checksFromMeta(task.meta).at(-1)).toMatchObject({
      kind: 'skew',
      passed: false,
      negated: true,
      checklist: ['training-serving-identical'],
      metrics: { skewedFeatures: 0, features: 3 },
    })
  })

  test('.not fails on a units bug and a renamed category, naming the bucket that moved most', async ({ task }) => {
    const serving = { ...features('serve', 1000, 'units'), country: features('serve', 1000, 'codes').country }
    const message = await failureMessage(() => expect(serving).not.toHaveSkewFrom(features('train', 2000)))
    const lines = message.split('\n')
    expect(lines.slice(0, 4)).toEqual([
      'expect(serving).not.toHaveSkewFrom(training)',
      '',
      'serving is skewed from training: 2 of 3 features differ beyond their thresholds.',
      'Skewed, worst first:',
    ])
    // Incomes logged in thousands all land in training's lowest 5% bin.
    expect(lines[4]).toBe('  income   jensen-shannon  0.855 > 0.1  most moved: < 20270 0.05 -> 1  n 2000 vs 1000')
    expect(lines[5]).toMatch(/^ {2}country {2}l-infinity {6}0\.\d+ > 0\.1 {2}most moved: GB 0\.\d+ -> 0 {2}n 2000 vs 1000$/)
    expect(lines[6]).toBe('Within threshold:')
    expect(lines[7]).toMatch(/^ {2}age {6}jensen-shannon {2}0\.0\d+ <= 0\.1 /)
    const record = checksFromMeta(task.meta).at(-1)
    expect(record?.plots?.map((plot) => plot.title)).toEqual(['income: reference vs current', 'country: reference vs current'])
  })

  test('per-feature thresholds; without .not it passes on skew and fails without', async () => {
    const training = features('train', 2000)
    const serving = features('serve', 1000)
    expect(() => expect(serving).not.toHaveSkewFrom(training, { thresholds: { country: 0.001 } })).toThrow(/1 of 3 features differ beyond their thresholds/)
    await expect(features('serve', 1000, 'units')).toHaveSkewFrom(training)
    expect(() => expect(serving).toHaveSkewFrom(training)).toThrow(
      /Expected serving to be skewed from training, but all 3 features are within their thresholds\./,
    )
  })

  test('a feature the serving log lacks is a clear error', async () => {
    expect(() => expect({ income: [1, 2] }).not.toHaveSkewFrom({ income: [1, 2], age: [3, 4] })).toThrow(
      'trainingServingSkew: expected every compared feature in both training and serving data, received no "age" in one of them (serving has income).',
    )
  })
})
