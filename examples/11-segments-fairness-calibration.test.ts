/**
 * Where is the model weak, whom does it fail, and do its probabilities mean anything? `toPerformOnAllSlices` checks the
 * slices you name; these checks look for weak regions nobody named (single features and pairs, with a correction for
 * every segment examined), compare groups of a protected attribute with Fairlearn's definitions, and test calibration
 * with an interval, so a small test set cannot pass by luck. Splits are the ones the training scripts used.
 */
import { afterAll, describe, expect, test } from 'vitest'
import { onnxModel } from 'vitest-ml'
import { loadSplit } from './support/model-split.js'
import { allPenguins, plantedPenguinModel, temperatureScaled } from './support/planted-models.js'

describe('penguins species classifiers', async () => {
  const { classNames, test: held } = loadSplit('penguins-mlp')
  const data = { inputs: held.inputs, labels: held.labels }
  const mlp = await onnxModel('models/penguins-mlp.onnx', { output: 'probabilities' })
  const logreg = await onnxModel('models/penguins-logreg.onnx', { output: 'probabilities' })
  afterAll(async () => {
    await mlp.release()
    await logreg.release()
  })

  test('no weak segment by island, sex or measurements, alone or in pairs', async () => {
    // 86 held-out penguins: segments of 15+ rows, each tested against overall - 0.1 with Bonferroni over all of them.
    await expect(mlp).toHaveNoWeakSegments({ data, rows: held.rows, classes: classNames, maxDrop: 0.1, minSize: 15 })
    await expect(logreg).toHaveNoWeakSegments({ data, rows: held.rows, classes: classNames, maxDrop: 0.1, minSize: 15 })
  })

  test('as accurate for female as for male penguins, and across sex and island together', async () => {
    await expect(mlp).toBeFairAcross('Sex', { data, rows: held.rows, classes: classNames, metric: 'accuracyDifference', max: 0.1 })
    await expect(mlp).toBeFairAcross(['Sex', 'Island'], { data, rows: held.rows, classes: classNames, metric: 'accuracyDifference', max: 0.2, minGroupSize: 8 })
  })

  test('the MLP and the logistic regression are calibrated (reliability diagrams in the report)', async () => {
    await expect(mlp).toBeCalibrated({ data, classes: classNames, maxEce: 0.05 })
    await expect(logreg).toBeCalibrated({ data, classes: classNames, maxEce: 0.08 })
    // Equal-mass bins put as many penguins in each bin: the judged ECE can use them instead.
    await expect(mlp).toBeCalibrated({ data, classes: classNames, maxEce: 0.05, strategy: 'quantile' })
  })

  test('deliberately broken models are caught: a planted weak spot, an unfair group, softened probabilities', async () => {
    // Every female penguin from Dream called an Adelie (shown on all 342 penguins, for enough rows per segment).
    const all = allPenguins()
    const planted = plantedPenguinModel(mlp, all.features)
    await expect(planted).not.toHaveNoWeakSegments({ data: all, classes: classNames, maxDrop: 0.1 })
    await expect(planted).not.toBeFairAcross('Sex', { data: all, classes: classNames, metric: 'accuracyDifference', max: 0.05 })
    // The MLP's probabilities flattened (temperature 4): still right, no longer sure, and the check says so.
    await expect(temperatureScaled(mlp, 4, 'penguins-mlp-softened')).not.toBeCalibrated({ data, classes: classNames, maxEce: 0.05 })
  })
})

describe('cars mpg regressor', async () => {
  const { test: held } = loadSplit('cars-mpg')
  const regressor = await onnxModel('models/cars-mpg.onnx', { output: 'prediction' })
  afterAll(() => regressor.release())

  test('no origin, model year or engine size where the RMSE is confidently 1.5 mpg above the overall', async () => {
    const rows = held.rows.map((car) => ({ Origin: car['Origin'], year: Number(String(car['Year']).slice(0, 4)), Cylinders: car['Cylinders'] }))
    const data = { inputs: held.inputs, labels: held.labels.map(Number) }
    await expect(regressor).toHaveNoWeakSegments({ data, rows, metric: 'rmse', maxDrop: 1.5, minSize: 15 })
  })
})
