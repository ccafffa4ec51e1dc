import { describe, expect, it } from 'vitest'
import { datasetDrift } from '../../../../src/drift/dataset-drift.js'
import { multivariateDrift } from '../../../../src/drift/multivariate/multivariate-drift.js'
import { correlationFlip, embeddings } from '../../../support/correlation-flip.js'

const FAST = { permutations: 40, maxRows: 400 } as const

describe('multivariateDrift', () => {
  it('catches a correlation flip that every per-feature test misses, and names the features that drive it', () => {
    const { reference, current } = correlationFlip(400, 0.8, 'flip-1')
    const perFeature = datasetDrift(reference, current)
    expect(perFeature.driftedFeatures).toEqual([])
    const joint = multivariateDrift(reference, current, { ...FAST, features: ['x', 'y', 'z', 'segment'] })
    expect(joint.map((test) => [test.method, test.drifted])).toEqual([
      ['classifier', true],
      ['mmd', true],
    ])
    const classifier = joint[0]
    expect(classifier?.statistic).toBeGreaterThan(0.8)
    expect(classifier?.pValue).toBe(1 / 41)
    expect(
      classifier?.importance
        ?.slice(0, 2)
        .map((entry) => entry.feature)
        .sort(),
    ).toEqual(['x', 'y'])
    expect(classifier?.importance?.slice(2).every((entry) => entry.aucDrop < 0.02)).toBe(true)
  })

  it('does not alarm on two samples of one distribution', () => {
    const { reference, current } = correlationFlip(400, 0, 'same-1')
    const joint = multivariateDrift(reference, current, { ...FAST, features: ['x', 'y', 'z', 'segment'] })
    expect(joint.every((test) => !test.drifted)).toBe(true)
    expect(joint[0]?.statistic).toBeLessThan(0.56)
  })

  it('is seeded: the same seed gives the same result, another seed another sample of permutations', () => {
    const { reference, current } = correlationFlip(200, 0.2, 'seeded')
    const run = (seed: number) => multivariateDrift(reference, current, { ...FAST, seed, methods: ['classifier'] })[0]
    expect(run(7)).toEqual(run(7))
    expect(run(7)?.pValue).not.toBe(run(8)?.pValue)
  })

  it('tests an embedding column (vectors) with MMD: a shift along one axis drifts, none does not', () => {
    const moved = embeddings(150, 16, 0.8, 'emb-1')
    const still = embeddings(150, 16, 0, 'emb-2')
    const [shifted] = multivariateDrift({ embedding: moved.reference }, { embedding: moved.current }, FAST)
    const [same] = multivariateDrift({ embedding: still.reference }, { embedding: still.current }, FAST)
    expect(shifted).toMatchObject({ method: 'mmd', embedding: true, features: ['embedding'], drifted: true })
    expect(same).toMatchObject({ method: 'mmd', embedding: true, drifted: false })
  })

  it('datasetDrift: embedding columns get their own MMD test, and a drifted joint test makes the dataset drift', () => {
    const { reference, current } = correlationFlip(300, 0.8, 'flip-2')
    const vectors = embeddings(300, 4, 0, 'emb-3')
    const result = datasetDrift(
      { ...reference, emb: vectors.reference },
      { ...current, emb: vectors.current },
      { multivariate: { methods: ['classifier'], ...FAST } },
    )
    expect(result.features.map((feature) => feature.feature).sort()).toEqual(['segment', 'x', 'y', 'z'])
    expect(result.multivariate.map((test) => [test.method, test.features.join('+'), test.drifted])).toEqual([
      ['classifier', 'x+y+z+segment', true],
      ['mmd', 'emb', false],
    ])
    expect(result.driftedFeatures).toEqual([])
    expect(result.drifted).toBe(true)
  })

  it('rejects ragged or missing embeddings, unknown methods and bad counts with hints', () => {
    expect(() =>
      multivariateDrift(
        {
          e: [
            [1, 2],
            [3, 4],
          ],
        },
        { e: [[1, 2], [3]] },
      ),
    ).toThrow(/vectors of length 2 in embedding column "e", received length 1 at row 1\.\nHint:/)
    expect(() =>
      multivariateDrift(
        {
          e: [
            [1, 2],
            [3, 4],
          ],
        },
        { e: [[1, 2], null] },
      ),
    ).toThrow(/received a missing value at row 1/)
    expect(() =>
      multivariateDrift(
        {
          e: [
            [1, Number.NaN],
            [3, 4],
          ],
        },
        {
          e: [
            [1, 2],
            [3, 4],
          ],
        },
      ),
    ).toThrow(/finite numbers in embedding column "e", received NaN at row 0, position 1/)
    expect(() => datasetDrift({ x: [1, 2, 3] }, { x: [1, 2, 3] }, { multivariate: ['forest' as never] })).toThrow(
      /methods 'classifier' or 'mmd', received "forest"/,
    )
    expect(() => multivariateDrift({ x: [1, 2, 3] }, { x: [1, 2, 3] }, { permutations: 0 })).toThrow(/`permutations` a whole number >= 1, received 0/)
    expect(() => multivariateDrift({ x: [1, 2] }, { x: [1, 2, 3] }, { methods: ['classifier'] })).toThrow(
      /at least 5 rows in each sample \(one per fold\), received 2 reference and 3 current rows/,
    )
    expect(() => multivariateDrift({ x: [1, 2] }, { x: [1, 2] }, { features: ['w'] })).toThrow(/column "w" in reference/)
  })

  it('answers "nothing to separate" for constant features instead of failing', () => {
    const [classifier] = multivariateDrift({ x: [1, 1, 1, 1, 1, 1] }, { x: [1, 1, 1, 1, 1, 1] }, { methods: ['classifier'], folds: 2, permutations: 5 })
    expect(classifier).toMatchObject({ statistic: 0.5, pValue: 1, drifted: false })
    expect(classifier?.warnings[0]).toMatch(/every feature is constant/)
  })
})
