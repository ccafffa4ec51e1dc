import seedrandom from 'seedrandom'
import { describe, expect, test } from 'vitest'
import { driftMatchers } from '../../matchers/drift-index.js'
import { type Dataset, datasetFromColumns } from '../../src/data/dataset.js'
import { datasetDrift } from '../../src/drift/dataset-drift.js'
import { profile } from '../../src/profile/profile-builder.js'
import { checksFromMeta } from '../../src/record/check-record.js'
import { failureMessage } from '../support/failure-of.js'

expect.extend(driftMatchers)

function week(rows: number, shift: number, seed: string, name: string): Dataset {
  const random = seedrandom(seed)
  return datasetFromColumns(
    {
      latency: Float64Array.from({ length: rows }, () => Math.round(100 * (1 + shift) * -Math.log(1 - random()))),
      country: Array.from({ length: rows }, () => (random() < 0.6 - 0.3 * shift ? 'de' : random() < 0.5 ? 'fr' : 'it')),
    },
    { name },
  )
}

describe('toHaveDriftedFrom on two profiles', () => {
  test('.not passes on profiles of one distribution, synchronously', () => {
    expect(profile(week(5000, 0, 'a', 'this-week'))).not.toHaveDriftedFrom(profile(week(5000, 0, 'b', 'last-week')))
  })

  test('.not fails on drift, listing each statistic with its approximation error', async () => {
    const message = await failureMessage(() =>
      expect(profile(week(5000, 0.5, 'c', 'this-week'))).not.toHaveDriftedFrom(profile(week(5000, 0, 'b', 'last-week'))),
    )
    expect(message.split('\n').slice(2)).toEqual([
      'Profile this-week (5000 rows) drifted from profile last-week (5000 rows): 1 of 2 features drifted (share 0.5, drifts at >= 0.5).',
      'Drifted, worst first:',
      '  latency  wasserstein     statistic 0.4964 >= 0.1  n 5000 vs 5000  (± 0 from the profiles: exact)',
      'Not drifted:',
      '  country  jensen-shannon  statistic 0.09177 < 0.1  n 5000 vs 5000  (± 0 from the profiles: exact)',
    ])
    // The same verdict and statistics as the drift suite on the rows themselves.
    const exact = datasetDrift(week(5000, 0, 'b', 'last-week'), week(5000, 0.5, 'c', 'this-week'))
    expect(exact.features.map((feature) => [feature.feature, Number(feature.statistic.toPrecision(4)), feature.drifted])).toEqual([
      ['latency', 0.4964, true],
      ['country', 0.09177, false],
    ])
  })

  test('.toHaveDriftedFrom passes on drift and fails without; the record carries statistics and their errors', ({ task }) => {
    expect(profile(week(5000, 0.5, 'c', 'this-week'), { k: 64, exactLimit: 8 })).toHaveDriftedFrom(
      profile(week(5000, 0, 'b', 'last-week'), { k: 64, exactLimit: 8 }),
    )
    const [record] = checksFromMeta(task.meta)
    expect(record).toMatchObject({
      kind: 'drift',
      passed: true,
      title: 'drift of profile this-week from profile last-week',
      data: { name: 'this-week', rows: 5000 },
    })
    expect(record?.metrics['latency.statisticError']).toBeGreaterThan(0)
    expect(() => expect(profile(week(5000, 0, 'a', 'x'))).toHaveDriftedFrom(profile(week(5000, 0, 'b', 'y')))).toThrow(
      /Expected profile x \(5000 rows\) to have drifted from profile y \(5000 rows\), but 0 of 2 features drifted/,
    )
  })

  test('a profile against rows, or options that need rows, are errors with a hint', () => {
    const data = week(100, 0, 'd', 'rows')
    expect(() => expect(profile(data)).not.toHaveDriftedFrom(data)).toThrow(
      /toHaveDriftedFrom: expected two profiles, or two datasets \(the current side is a profile\), received reference data that is not a profile\.\nHint:/,
    )
    expect(() => expect(data).not.toHaveDriftedFrom(profile(data))).toThrow(/received current data that is not a profile/)
    expect(() => expect(profile(data)).not.toHaveDriftedFrom(profile(data), { multivariate: ['classifier'] })).toThrow(
      /options a profile supports, received `multivariate`\.\nHint: Profiles hold summaries, not rows/,
    )
  })
})
