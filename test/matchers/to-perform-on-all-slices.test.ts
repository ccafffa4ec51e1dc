import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { evaluationMatchers } from '../../matchers/evaluation-index.js'
import { type OnnxModel, onnxModel } from '../../src/model/onnx-model.js'
import { checksFromMeta } from '../../src/record/check-record.js'
import { constantModel, miscountingModel, failureOf as outcomeOf, plain } from '../support/malformed-models.js'
import { loadSplit } from '../support/model-split.js'

expect.extend(evaluationMatchers)

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
const slices = ['Island', 'Sex', { feature: 'Body Mass (g)', bins: 4 }] as const

describe('toPerformOnAllSlices', () => {
  test('passes: the MLP is accurate on every island, sex and body-mass quartile', async ({ task }) => {
    await expect(mlp).toPerformOnAllSlices({ data: held, rows: held.rows, slices: [...slices], classes: classNames, min: 0.9, maxDrop: 0.1 })
    expect(checksFromMeta(task.meta).at(-1)).toMatchObject({
      kind: 'slices',
      passed: true,
      checklist: ['held-out-test', 'review-false-positives-negatives'],
      metrics: { slicesFailing: 0 },
    })
  })

  test('fails: the weak model, with the worst slices listed', async () => {
    const failure = await failureOf(expect(weak).toPerformOnAllSlices({ data: held, rows: held.rows, slices: [...slices], classes: classNames, min: 0.9 }))
    expect(failure?.message).toMatch(/penguins-weak\.onnx underperforms on \d+ slices?\.\nOverall accuracy [\d.]+ on 86 rows; \d+ slices judged, \d+ failing/)
    expect(failure?.message).toMatch(/Worst slices:\n {2}Island = Dream \(n=26\): accuracy 0\.3077 \(95% CI 0\.\d+-0\.\d+\), drop 0\.4365 {2}<- below min 0\.9/)
  })

  test('.not passes for the weak model and fails for the MLP', async () => {
    await expect(weak).not.toPerformOnAllSlices({ data: held, rows: held.rows, slices: ['Island'], classes: classNames, min: 0.9 })
    const failure = await failureOf(
      expect(mlp).not.toPerformOnAllSlices({ data: held, rows: held.rows, slices: ['Island'], classes: classNames, maxDrop: 0.2 }),
    )
    expect(failure?.message).toMatch(/Expected penguins-mlp\.onnx to fail on some slice, but every judged slice cleared the bar\./)
  })

  test('needs a bar in the direction of the metric', async () => {
    await expect(expect(mlp).toPerformOnAllSlices({ data: held, rows: held.rows, slices: ['Island'], classes: classNames })).rejects.toThrow(
      /expected a bar for the slices: `min`, `max` or `maxDrop`/,
    )
    await expect(
      expect(mlp).toPerformOnAllSlices({ data: held, rows: held.rows, slices: ['Island'], classes: classNames, metric: 'logLoss', min: 0.2 }),
    ).rejects.toThrow(/expected `max` \(not `min`\) for logLoss, where lower is better/)
  })
})

describe('toPerformOnAllSlices reads outputs as what they are', () => {
  test('string labels are scored as labels', async () => {
    const byFlipper = {
      identity: { name: 'by-flipper' },
      predict: async (batch: readonly number[][]) => batch.map((row) => ((row[2] ?? 0) > 206 ? 'Gentoo' : 'Adelie')),
      release: async () => {},
    }
    const failure = await outcomeOf(expect(byFlipper).toPerformOnAllSlices({ data: held, rows: held.rows, slices: ['Island'], min: 0.9 }))
    expect(plain(failure?.message)).toMatch(/by-flipper underperforms on \d+ slices?\.\nOverall accuracy 0\.\d+ on 86 rows/)
  })

  test('an empty answer is an error naming the row; so is one output too few', async () => {
    await expect(expect(constantModel(null, 'nothing')).toPerformOnAllSlices({ data: held, rows: held.rows, slices: ['Island'], min: 0.9 })).rejects.toThrow(
      /^toPerformOnAllSlices: expected a label, a score, a probability row or a record of named outputs for every row, received null at row 0\./,
    )
    await expect(
      expect(miscountingModel(() => 'Adelie', -1)).toPerformOnAllSlices({ data: held, rows: held.rows, slices: ['Island'], min: 0.9 }),
    ).rejects.toThrow(/^toPerformOnAllSlices: expected oneTooFew to return one output per input \(86\), received 85 outputs\./)
  })
})
