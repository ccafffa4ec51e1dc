/**
 * Training/serving skew (anti-pattern 2): the penguins model was trained on feature rows built by the training code
 * from the dataset's metadata (test/support/model-split.ts reads models/penguins-mlp.json the way the training script
 * wrote it). The service builds the same rows by hand from the JSON a client posts. Both must agree, row for row,
 * and what the service sees must look like what the model was trained on.
 */
import { describe, expect, test } from 'vitest'
import { datasetFromColumns } from 'vitest-ml'
import { loadSplit } from './support/model-split.js'
import { vegaJson } from './support/vega-data.js'

type RawPenguin = Record<string, unknown>
const FEATURES = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)'] as const
const ISLANDS = ['Biscoe', 'Dream', 'Torgersen']

/** The service's hand-written request-to-features code. */
function servingFeatures(batch: readonly RawPenguin[]): number[][] {
  return batch.map((bird) => [...FEATURES.map((name) => Number(bird[name])), ISLANDS.indexOf(String(bird.Island))])
}

/** The training code's feature builder, applied to the same raw records. */
const split = loadSplit('penguins-mlp')
const rawRows = vegaJson('penguins.json').filter((bird) => FEATURES.every((name) => bird[name] !== null))
function trainingFeatures(batch: readonly RawPenguin[]): number[][] {
  return batch.map((bird) => split.features(bird))
}

/** A "quick fix" in the service: body mass arrives in kilograms from a new client and is passed straight through. */
function servingFeaturesInKilograms(batch: readonly RawPenguin[]): number[][] {
  return servingFeatures(batch).map((row) => row.map((value, j) => (j === 3 ? value / 1000 : value)))
}

const asColumns = (rows: readonly number[][], name: string) =>
  datasetFromColumns(
    Object.fromEntries(['beak length', 'beak depth', 'flipper length', 'body mass', 'island'].map((feature, j) => [feature, rows.map((row) => row[j])])),
    { name },
  )

describe('penguins: the service builds the same features as training', () => {
  test('every real bird gets identical features from both code paths', async () => {
    await expect(servingFeatures).toMatchPipeline(trainingFeatures, { inputs: rawRows, tolerance: 0 })
  })

  test('a unit slip in the service is caught, with the worst row shown', async () => {
    await expect(expect(servingFeaturesInKilograms).toMatchPipeline(trainingFeatures, { inputs: rawRows })).rejects.toThrow(/differ/)
  })

  test('what the service sees (held-out birds) is not skewed from what the model was trained on', async () => {
    const training = asColumns(split.train.inputs, 'training features')
    await expect(asColumns(split.test.inputs, 'serving features')).not.toHaveSkewFrom(training)
    await expect(asColumns(servingFeaturesInKilograms(split.test.rows), 'serving features (kg client)')).toHaveSkewFrom(training)
  })
})
