import seedrandom from 'seedrandom'
import { describe, expect, test } from 'vitest'
import { type Dataset, datasetFromColumns } from '../../../src/data/dataset.js'
import { profile } from '../../../src/profile/profile-builder.js'
import { correlationFlip } from '../../support/correlation-flip.js'
import { failureSnapshot } from '../../support/mask-message.js'

// Whole failure messages of toHaveDriftedFrom on two profiles and with the multivariate tests, pinned. Every sample
// and every permutation test is seeded.

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

describe('toHaveDriftedFrom messages on two profiles', () => {
  test('.not: each statistic with its approximation error', async () => {
    expect(
      await failureSnapshot(() => expect(profile(week(5000, 0.5, 'c', 'this-week'))).not.toHaveDriftedFrom(profile(week(5000, 0, 'b', 'last-week')))),
    ).toMatchInlineSnapshot(`
      "expect(currentProfile).not.toHaveDriftedFrom(referenceProfile)

      Profile this-week (5000 rows) drifted from profile last-week (5000 rows): 1 of 2 features drifted (share 0.5, drifts at >= 0.5).
      Drifted, worst first:
        latency  wasserstein     statistic 0.4964 >= 0.1  n 5000 vs 5000  (± 0 from the profiles: exact)
      Not drifted:
        country  jensen-shannon  statistic 0.09177 < 0.1  n 5000 vs 5000  (± 0 from the profiles: exact)"
    `)
  })

  test('without drift', async () => {
    expect(
      await failureSnapshot(() =>
        expect(profile(week(5000, 0, 'a', 'x'), { k: 64, exactLimit: 8 })).toHaveDriftedFrom(profile(week(5000, 0, 'b', 'y'), { k: 64, exactLimit: 8 })),
      ),
    ).toMatchInlineSnapshot(`
      "expect(currentProfile).toHaveDriftedFrom(referenceProfile)

      Expected profile x (5000 rows) to have drifted from profile y (5000 rows), but 0 of 2 features drifted (share 0, drifts at >= 0.5).
      Not drifted:
        latency  wasserstein     statistic 0.04091 < 0.1  n 5000 vs 5000  (± 0.9647 from the profiles)
        country  jensen-shannon  statistic 0.0186 < 0.1  n 5000 vs 5000  (± 0 from the profiles: exact)
      Warnings:
        - latency: within the sketch error the wasserstein statistic lies in [0, 1.006], on both sides of 0.1: the verdict is not certain"
    `)
  })
})

describe('toHaveDriftedFrom messages with the multivariate tests', () => {
  const FAST = { permutations: 40, maxRows: 300 } as const

  test('.not on a correlation flip: AUC, MMD, the driving features, the seed and the permutations', async () => {
    const flip = correlationFlip(300, 0.8, 'matcher-flip')
    const current = datasetFromColumns(flip.current, { name: 'this-week' })
    const reference = datasetFromColumns(flip.reference, { name: 'training' })
    expect(
      await failureSnapshot(() =>
        expect(current).not.toHaveDriftedFrom(reference, { multivariate: { methods: ['classifier', 'mmd'], features: ['x', 'y', 'z'], ...FAST } }),
      ),
    ).toMatchInlineSnapshot(`
      "expect(current).not.toHaveDriftedFrom(reference)

      this-week (300 rows) drifted from training (300 rows): 0 of 4 features drifted (share 0, dataset drifts at >= 0.5); jointly 2 of 2 multivariate tests drifted.
      Multivariate:
        drifted  classifier on x, y, z  AUC 0.8968 (5-fold)  p 0.02439 < 0.05  driven by y (AUC drop 0.4009), x (0.3491), z (0.0001111)  n 300 vs 300  seed 0, 40 permutations
        drifted  mmd on x, y, z  MMD^2 0.05858 (RBF sigma 1.553)  p 0.02439 < 0.05  n 300 vs 300  seed 0, 40 permutations
      Not drifted:
        segment  z               statistic 0.9125  p 0.3615 >= 0.05  effect 0.02635 (jensen-shannon)  n 300 vs 300
        y        ks              statistic 0.06  p 0.6536 >= 0.05  effect 0.07991 (normed-wasserstein)  n 300 vs 300
        z        ks              statistic 0.05667  p 0.7221 >= 0.05  effect 0.1114 (normed-wasserstein)  n 300 vs 300
        x        ks              statistic 0.05333  p 0.7879 >= 0.05  effect 0.06047 (normed-wasserstein)  n 300 vs 300"
    `)
  })

  test('without drift', async () => {
    const same = correlationFlip(300, 0, 'matcher-same')
    expect(
      await failureSnapshot(() =>
        expect(same.current).toHaveDriftedFrom(same.reference, { multivariate: { methods: ['classifier', 'mmd'], seed: 4, ...FAST } }),
      ),
    ).toMatchInlineSnapshot(`
      "expect(current).toHaveDriftedFrom(reference)

      Expected current (300 rows) to have drifted from reference (300 rows), but 0 of 4 features drifted (share 0, dataset drifts at >= 0.5); jointly 0 of 2 multivariate tests drifted.
      Multivariate:
        stable   classifier on x, y, z, segment  AUC 0.4347 (5-fold)  p 0.9512 >= 0.05  n 300 vs 300  seed 4, 40 permutations
        stable   mmd on x, y, z, segment  MMD^2 -0.002746 (RBF sigma 1.692)  p 1 >= 0.05  n 300 vs 300  seed 4, 40 permutations
      Not drifted:
        x        ks              statistic 0.06333  p 0.585 >= 0.05  effect 0.0748 (normed-wasserstein)  n 300 vs 300
        y        ks              statistic 0.06  p 0.6536 >= 0.05  effect 0.06903 (normed-wasserstein)  n 300 vs 300
        z        ks              statistic 0.05667  p 0.7221 >= 0.05  effect 0.08279 (normed-wasserstein)  n 300 vs 300
        segment  z               statistic -0.332  p 0.7399 >= 0.05  effect 0.009585 (jensen-shannon)  n 300 vs 300"
    `)
  })
})
