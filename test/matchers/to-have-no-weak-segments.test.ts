import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { evaluationMatchers } from '../../matchers/evaluation-index.js'
import { rubricItemsOf } from '../../src/checklist/evidence-check.js'
import { type OnnxModel, onnxModel } from '../../src/model/onnx-model.js'
import { checksFromMeta } from '../../src/record/check-record.js'
import { constantModel, failureOf, plain } from '../support/malformed-models.js'
import { loadSplit } from '../support/model-split.js'
import { allPenguins, plantedPenguinModel } from '../support/planted-models.js'

expect.extend(evaluationMatchers)

const { classNames, test: held } = loadSplit('penguins-mlp')
const all = allPenguins()
let mlp: OnnxModel
let weak: OnnxModel
beforeAll(async () => {
  mlp = await onnxModel('models/penguins-mlp.onnx', { output: 'probabilities' })
  weak = await onnxModel('models/penguins-weak.onnx', { output: 'probabilities' })
})
afterAll(async () => {
  await mlp.release()
  await weak.release()
})

describe('toHaveNoWeakSegments', () => {
  test('passes: the MLP has no segment of 15+ held-out rows confidently 10 points below its overall accuracy', async ({ task }) => {
    await expect(mlp).toHaveNoWeakSegments({ data: held, rows: held.rows, classes: classNames, maxDrop: 0.1, minSize: 15 })
    const record = checksFromMeta(task.meta).at(-1)
    expect(record).toMatchObject({
      kind: 'segments',
      passed: true,
      checklist: ['held-out-test', 'review-false-positives-negatives'],
      metrics: { weakSegments: 0, segmentsExamined: 31, segmentsTooSmall: 153 },
    })
    expect(record?.plots?.[0]).toMatchObject({ type: 'bar', categories: ['#1', '#2', '#3', '#4', '#5'], series: [{ name: 'accuracy in the segment' }] })
    // CHECK_KINDS: what the record is evidence for in the ML Test Score
    expect(rubricItemsOf(record!)).toEqual(['model-6'])
  })

  test('fails: a planted weak spot (female penguins from Dream) is found, with the rule, the interval and the family size', async ({ task }) => {
    const planted = plantedPenguinModel(mlp as never, all.features)
    const failure = await failureOf(expect(planted).toHaveNoWeakSegments({ data: all, classes: classNames, maxDrop: 0.1 }))
    expect(plain(failure?.message)).toContain(
      'penguins-planted is weak on 2 segments: accuracy more than 0.1 below the overall 0.9006 (bar 0.8006; Bonferroni over 135 segments examined, alpha 0.05).\n' +
        'Searched Island, Beak Length (mm), Beak Depth (mm), Flipper Length (mm), Body Mass (g), Sex (single features and pairs); 135 segments of 20+ rows examined, 76 smaller ones not.\nWeakest segments:\n',
    )
    expect(plain(failure?.message)).toContain(
      '  #2 Island = Dream and Sex = FEMALE: accuracy 0.4426 (95% CI 0.3251-0.567) vs 0.9006 overall, n = 61, adjusted p = 1.01e-7  <- weak\n',
    )
    const record = checksFromMeta(task.meta).at(-1)
    expect(record).toMatchObject({ kind: 'segments', passed: false, metrics: { weakSegments: 2, segmentsExamined: 135 } })
    // the report gets the message without the terminal-coloured matcher hint
    expect(record?.message).toMatch(/^penguins-planted is weak on 2 segments: /)
    expect(record?.counterexample).toContainEqual(expect.objectContaining({ rule: 'Island = Dream and Sex = FEMALE', size: 61, weak: true }))
  })

  test('the deliberately weak model (body mass only) fails on Dream; .not passes for it and fails for the MLP', async () => {
    const failure = await failureOf(expect(weak).toHaveNoWeakSegments({ data: held, rows: held.rows, classes: classNames, maxDrop: 0.1, minSize: 15 }))
    expect(plain(failure?.message)).toContain(
      '  #1 Island = Dream: accuracy 0.3077 (95% CI 0.165-0.4999) vs 0.7442 overall, n = 26, adjusted p = 0.01543  <- weak',
    )
    await expect(weak).not.toHaveNoWeakSegments({ data: held, rows: held.rows, classes: classNames, maxDrop: 0.1, minSize: 15 })
    const notFailure = await failureOf(expect(mlp).not.toHaveNoWeakSegments({ data: held, rows: held.rows, classes: classNames, maxDrop: 0.1, minSize: 15 }))
    expect(plain(notFailure?.message)).toMatch(
      /^expect\(model\)\.not\.toHaveNoWeakSegments\(options\)\n\nExpected penguins-mlp\.onnx to have a weak segment, but no segment is confidently at accuracy more than 0\.1 below the overall 0\.9884 \(bar 0\.8884; Bonferroni over 31 segments examined, alpha 0\.05\)\./,
    )
  })

  test('a regressor: RMSE segments of the cars test set by origin and year', async () => {
    const cars = loadSplit('cars-mpg')
    const regressor = await onnxModel('models/cars-mpg.onnx', { output: 'prediction' })
    const rows = cars.test.rows.map((row) => ({ Origin: row['Origin'], year: Number(String(row['Year']).slice(0, 4)) }))
    const data = { inputs: cars.test.inputs, labels: cars.test.labels.map(Number) }
    await expect(regressor).toHaveNoWeakSegments({ data, rows, metric: 'rmse', maxDrop: 1.5, minSize: 15 })
    // Every prediction 8 mpg too high for Japanese cars: a planted weak segment on a loss metric.
    const biased = {
      identity: { name: 'cars-biased' },
      release: async () => {},
      predict: async (batch: readonly number[][]) =>
        (await regressor.predict(batch)).map((out, i) => [(out as number[])[0]! + (rows[i]?.Origin === 'Japan' ? 8 : 0)]),
    }
    const failure = await failureOf(expect(biased).toHaveNoWeakSegments({ data, rows, metric: 'rmse', maxDrop: 1.5, minSize: 15 }))
    expect(plain(failure?.message)).toMatch(/cars-biased is weak on \d+ segments?: rmse more than 1\.5 above the overall [\d.]+/)
    expect(plain(failure?.message)).toMatch(
      /\n {2}#1 Origin = Japan: rmse \d\.\d+ \(95% CI [\d.]+-[\d.]+\) vs [\d.]+ overall, n = \d+, adjusted p = [\d.e-]+ {2}<- weak/,
    )
    await regressor.release()
  })

  test('bad input: no bar, a metric that is not a mean over rows, no segment big enough', async () => {
    await expect(expect(mlp).toHaveNoWeakSegments({ data: held, rows: held.rows, classes: classNames } as never)).rejects.toThrow(
      /^toHaveNoWeakSegments: expected a finite `maxDrop` >= 0 \(metric units\), received undefined\./,
    )
    await expect(expect(mlp).toHaveNoWeakSegments({ data: held, rows: held.rows, classes: classNames, maxDrop: 0.1, metric: 'rocAuc' })).rejects.toThrow(
      /expected a metric that is a mean over rows \(accuracy, brier, logLoss, rmse, mae, mape\), received rocAuc/,
    )
    await expect(expect(mlp).toHaveNoWeakSegments({ data: held, rows: held.rows, classes: classNames, maxDrop: 0.1, features: ['Wingspan'] })).rejects.toThrow(
      /expected rows with a column "Wingspan"/,
    )
    const failure = await failureOf(expect(mlp).toHaveNoWeakSegments({ data: held, rows: held.rows, classes: classNames, maxDrop: 0.1, minSize: 90 }))
    expect(plain(failure?.message)).toContain('penguins-mlp.onnx: no segment has 90 or more rows, so none could be examined (86 rows).')
  })

  test('an empty model output is an error naming the row', async () => {
    await expect(expect(constantModel(null, 'nothing')).toHaveNoWeakSegments({ data: held, rows: held.rows, maxDrop: 0.1 })).rejects.toThrow(
      /^toHaveNoWeakSegments: expected a label, a score, a probability row or a record of named outputs for every row, received null at row 0\./,
    )
  })
})
