import { describe, expect, test } from 'vitest'
import { driftMatchers } from '../../matchers/drift-index.js'
import { datasetFromColumns } from '../../src/data/dataset.js'
import { checksFromMeta } from '../../src/record/check-record.js'
import { correlationFlip, embeddings } from '../support/correlation-flip.js'
import { failureMessage } from '../support/failure-of.js'

expect.extend(driftMatchers)

const FAST = { permutations: 40, maxRows: 300 } as const

describe('toHaveDriftedFrom with multivariate tests', () => {
  test('.not passes on one distribution; the per-feature tests alone pass a correlation flip', () => {
    const same = correlationFlip(300, 0, 'matcher-same')
    expect(same.current).not.toHaveDriftedFrom(same.reference, { multivariate: { methods: ['classifier', 'mmd'], ...FAST } })
    const flip = correlationFlip(300, 0.8, 'matcher-flip')
    expect(flip.current).not.toHaveDriftedFrom(flip.reference)
  })

  test('.not fails on a correlation flip with the joint tests, listing AUC, MMD, the driving features, seed and permutations', async () => {
    const flip = correlationFlip(300, 0.8, 'matcher-flip')
    const current = datasetFromColumns(flip.current, { name: 'this-week' })
    const reference = datasetFromColumns(flip.reference, { name: 'training' })
    const message = await failureMessage(() =>
      expect(current).not.toHaveDriftedFrom(reference, { multivariate: { methods: ['classifier', 'mmd'], features: ['x', 'y', 'z'], ...FAST } }),
    )
    const lines = message.split('\n')
    expect(lines[2]).toBe(
      'this-week (300 rows) drifted from training (300 rows): 0 of 4 features drifted (share 0, dataset drifts at >= 0.5); jointly 2 of 2 multivariate tests drifted.',
    )
    expect(lines[3]).toBe('Multivariate:')
    expect(lines[4]).toBe(
      '  drifted  classifier on x, y, z  AUC 0.8968 (5-fold)  p 0.02439 < 0.05  driven by y (AUC drop 0.4009), x (0.3491), z (0.0001111)  n 300 vs 300  seed 0, 40 permutations',
    )
    expect(lines[5]).toMatch(
      /^ {2}drifted {2}mmd on x, y, z {2}MMD\^2 0\.\d+ \(RBF sigma \S+\) {2}p 0\.02439 < 0\.05 {2}n 300 vs 300 {2}seed 0, 40 permutations$/,
    )
    expect(lines[6]).toBe('Not drifted:')
  })

  test('.toHaveDriftedFrom passes on the flip with the default options (1000 rows, 100 permutations)', () => {
    const flip = correlationFlip(300, 0.8, 'matcher-flip')
    expect(flip.current).toHaveDriftedFrom(flip.reference, { multivariate: ['classifier'] })
    const same = correlationFlip(300, 0, 'matcher-same')
    expect(same.current).not.toHaveDriftedFrom(same.reference, { multivariate: ['classifier'] })
  })

  test('records multivariate metrics and replay on the running test', ({ task }) => {
    const flip = correlationFlip(300, 0.8, 'matcher-flip')
    expect(flip.current).toHaveDriftedFrom(flip.reference, { multivariate: { methods: ['classifier', 'mmd'], seed: 4, ...FAST } })
    const [record] = checksFromMeta(task.meta)
    expect(record?.kind).toBe('drift')
    expect(record?.replay).toEqual({ seed: 4, numRuns: 40 })
    expect(record?.metrics['multivariate.classifier.pValue']).toBe(1 / 41)
    expect(record?.metrics['multivariate.classifier.auc']).toBeGreaterThan(0.8)
    expect(record?.metrics['multivariate.mmd.mmd2']).toBeGreaterThan(0)
  })

  test('an embedding column that moved fails .not on its own MMD test', async () => {
    const moved = embeddings(150, 8, 1, 'matcher-emb')
    const message = await failureMessage(() =>
      expect({ id: moved.current.map((_, index) => index % 7), embedding: moved.current }).not.toHaveDriftedFrom(
        { id: moved.reference.map((_, index) => index % 7), embedding: moved.reference },
        { multivariate: FAST },
      ),
    )
    expect(message).toMatch(
      /\n {2}drifted {2}mmd on embedding embedding {2}MMD\^2 0\.\d+ \(RBF sigma \S+\) {2}p 0\.02439 < 0\.05 {2}n 150 vs 150 {2}seed 0, 40 permutations\n/,
    )
    const still = embeddings(150, 8, 0, 'matcher-emb')
    expect({ embedding: still.current }).not.toHaveDriftedFrom({ embedding: still.reference }, { multivariate: FAST })
  })
})
