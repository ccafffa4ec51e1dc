/**
 * Start simple: a model earns its place only by beating the simple thing with confidence, on data it never saw —
 * and by doing so on every slice that matters. Splits are the ones the training scripts used (models/<name>.json).
 */
import { afterAll, describe, expect, test } from 'vitest'
import { onnxModel } from 'vitest-ml'
import { loadSplit } from './support/model-split.js'

describe('penguins species classifier', async () => {
  const { classNames, train, test: held } = loadSplit('penguins-mlp')
  const mlp = await onnxModel('models/penguins-mlp.onnx', { output: 'probabilities' })
  const weak = await onnxModel('models/penguins-weak.onnx', { output: 'probabilities' })
  afterAll(async () => {
    await mlp.release()
    await weak.release()
  })

  test('the test split is held out from the training split', async () => {
    await expect(held.rows).toBeHeldOutFrom(train.rows)
  })

  test('beats the majority-class and stratified baselines with 95% confidence', async () => {
    const options = { data: held, train: { labels: train.labels }, classes: classNames, metric: 'accuracy', confidence: 0.95, seed: 1 } as const
    await expect(mlp).toBeatBaseline('majority', options)
    await expect(mlp).toBeatBaseline('stratified', options)
    // Probabilities too: better calibrated than the class priors (Brier score, lower is better).
    await expect(mlp).toBeatBaseline('prior', { ...options, metric: 'brier' })
  })

  test('a deliberately weak model (body mass only) does not clear a real margin', async () => {
    // Its positive form fails with both scores, the interval and the test named (pinned in test/matchers/to-beat-baseline.test.ts).
    await expect(weak).not.toBeatBaseline('majority', { data: held, train: { labels: train.labels }, classes: classNames, minGain: 0.4, seed: 2 })
    await expect(weak).not.toPerformOnAllSlices({ data: held, rows: held.rows, slices: ['Island'], classes: classNames, min: 0.8 })
  })

  test('performs on every island and sex', async () => {
    await expect(mlp).toPerformOnAllSlices({ data: held, rows: held.rows, slices: ['Island', 'Sex'], classes: classNames, min: 0.9, maxDrop: 0.1 })
  })

  test('its few errors are listed for review', async () => {
    await expect(mlp).toKeepMisclassificationsWithin({ data: held, classes: classNames, maxErrorShare: 0.05 })
  })
})

describe('cars mpg regressor', async () => {
  const { train, test: held } = loadSplit('cars-mpg')
  const regressor = await onnxModel('models/cars-mpg.onnx', { output: 'prediction' })
  afterAll(() => regressor.release())

  test('beats the mean and median predictors fitted on the training labels', async () => {
    const numeric = { inputs: held.inputs, labels: held.labels.map(Number) }
    const trainLabels = { labels: train.labels.map(Number) }
    await expect(regressor).toBeatBaseline('mean', { data: numeric, train: trainLabels, metric: 'rmse', confidence: 0.95, seed: 3 })
    await expect(regressor).toBeatBaseline('median', { data: numeric, train: trainLabels, metric: 'mae', confidence: 0.95, seed: 4 })
  })
})
