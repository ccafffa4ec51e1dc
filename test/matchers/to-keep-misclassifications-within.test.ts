import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type OnnxModel, onnxModel } from '../../src/model/onnx-model.js'
import { checksFromMeta } from '../../src/record/check-record.js'
import { constantModel, miscountingModel, failureOf as outcomeOf, plain } from '../support/malformed-models.js'
import { loadSplit } from '../support/model-split.js'

const { classNames, test: held } = loadSplit('penguins-mlp')
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
const failureOf = (promise: Promise<unknown>): Promise<Error | undefined> =>
  promise.then(
    () => undefined,
    (error: Error) => error,
  )

describe('toKeepMisclassificationsWithin', () => {
  test('passes for the MLP (1 error in 86) and records the errors for review', async ({ task }) => {
    await expect(mlp).toKeepMisclassificationsWithin({ data: held, classes: classNames, maxErrorShare: 0.05 })
    const record = checksFromMeta(task.meta).at(-1)
    expect(record).toMatchObject({ kind: 'review', passed: true, checklist: ['review-false-positives-negatives'], metrics: { errors: 1, rows: 86 } })
    expect(record?.metrics).not.toHaveProperty('errorRate')
    expect(JSON.stringify(record?.counterexample)).toMatch(/topFalseNegatives/)
  })

  test('fails for the weak model with the rate and the most confident misses', async () => {
    const failure = await failureOf(expect(weak).toKeepMisclassificationsWithin({ data: held, classes: classNames, maxErrorShare: 0.05 }))
    expect(failure?.message).toMatch(/penguins-weak\.onnx misclassifies too often: 22 errors in 86 rows \(share 0\.2558, expected <= 0\.05\)\./)
    expect(failure?.message).toMatch(/ {2}Chinstrap: \d+ false positives, \d+ false negatives; most confident miss: row \d+ \[.*\] predicted \w+ \(0\.\d+\)/)
  })

  test('per-class false-negative limits fail on their own', async () => {
    const failure = await failureOf(
      expect(mlp).toKeepMisclassificationsWithin({
        data: held,
        classes: classNames,
        maxErrorShare: 0.5,
        maxFalseNegatives: { Adelie: 0, Chinstrap: 0, Gentoo: 0 },
      }),
    )
    expect(failure?.message).toMatch(/too many false negatives for \w+ \(1 > 0\)\./)
  })

  test('.not passes for the weak model and fails for the MLP', async () => {
    await expect(weak).not.toKeepMisclassificationsWithin({ data: held, classes: classNames, maxErrorShare: 0.05 })
    const failure = await failureOf(expect(mlp).not.toKeepMisclassificationsWithin({ data: held, classes: classNames, maxErrorShare: 0.05 }))
    expect(failure?.message).toMatch(
      /Expected penguins-mlp\.onnx to exceed the misclassification limits, but it made 1 errors in 86 rows \(share 0\.01163 <= 0\.05\)\./,
    )
  })
})

describe('toKeepMisclassificationsWithin reads outputs as what they are', () => {
  test('string labels are compared as labels', async () => {
    const byFlipper = {
      identity: { name: 'by-flipper' },
      predict: async (batch: readonly number[][]) => batch.map((row) => ((row[2] ?? 0) > 206 ? 'Gentoo' : 'Adelie')),
      release: async () => {},
    }
    const failure = await outcomeOf(expect(byFlipper).toKeepMisclassificationsWithin({ data: held, maxErrorShare: 0.05 }))
    expect(plain(failure?.message)).toMatch(/by-flipper misclassifies too often: \d+ errors in 86 rows \(share 0\.\d+, expected <= 0\.05\)\./)
  })

  test('an empty answer is an error naming the row; so is one output too many', async () => {
    await expect(expect(constantModel([], 'nothing')).toKeepMisclassificationsWithin({ data: held, classes: classNames, maxErrorShare: 0.05 })).rejects.toThrow(
      /^falsePositivesAndNegatives: expected a non-empty output row for every row, received an empty row at row 0\./,
    )
    await expect(expect(miscountingModel(() => 'Adelie', 1)).toKeepMisclassificationsWithin({ data: held, maxErrorShare: 0.05 })).rejects.toThrow(
      /^falsePositivesAndNegatives: expected oneTooMany to return one output per input \(86\), received 87 outputs\./,
    )
  })
})
