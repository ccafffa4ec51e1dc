import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { evaluationMatchers } from '../../matchers/evaluation-index.js'
import { type OnnxModel, onnxModel } from '../../src/model/onnx-model.js'
import { checksFromMeta } from '../../src/record/check-record.js'
import { constantModel, miscountingModel, failureOf as outcomeOf, plain } from '../support/malformed-models.js'
import { loadSplit } from '../support/model-split.js'

expect.extend(evaluationMatchers)

const { classNames, test: held } = loadSplit('penguins-mlp')
let mlp: OnnxModel
let logreg: OnnxModel
let weak: OnnxModel
const ledgerDirectory = mkdtempSync(join(tmpdir(), 'ledger-'))
beforeAll(async () => {
  vi.stubEnv('VITEST_ML_TEST_SET_LEDGER', join(ledgerDirectory, 'usage.json'))
  mlp = await onnxModel('models/penguins-mlp.onnx', { output: 'probabilities' })
  logreg = await onnxModel('models/penguins-logreg.onnx', { output: 'probabilities' })
  weak = await onnxModel('models/penguins-weak.onnx', { output: 'probabilities' })
})
afterAll(async () => {
  vi.unstubAllEnvs()
  rmSync(ledgerDirectory, { recursive: true, force: true })
  for (const model of [mlp, logreg, weak]) await model.release()
})

const failureOf = (promise: Promise<unknown>): Promise<Error | undefined> =>
  promise.then(
    () => undefined,
    (error: Error) => error,
  )

describe('toBeNoWorseThan', () => {
  test('passes: a fresh session of the same model is no worse than production', async ({ task }) => {
    await expect(await mlp.fresh()).toBeNoWorseThan(mlp, { data: held, classes: classNames, margin: 0.02, seed: 1 })
    expect(checksFromMeta(task.meta).at(-1)).toMatchObject({
      kind: 'baseline',
      passed: true,
      checklist: ['baseline-improvement'],
      metrics: { gain: 0, ciLow: 0 },
    })
  })

  test('fails: the weak model replacing the MLP is a regression, with the margin in the message', async () => {
    const failure = await failureOf(expect(weak).toBeNoWorseThan(mlp, { data: held, classes: classNames, margin: 0.02, seed: 2 }))
    expect(failure?.message).toMatch(/penguins-weak\.onnx may be worse than penguins-mlp\.onnx on accuracy by more than the margin 0\.02 \(86 rows\):/)
    expect(failure?.message).toMatch(/expected lower bound > -margin -0\.02/)
    expect(failure?.message).toMatch(/test: paired bootstrap \(2000 resamples, one-sided 0\.95\)\n/)
  })

  test('.not: passes for a regression, fails for a model as good as production', async () => {
    await expect(weak).not.toBeNoWorseThan(mlp, { data: held, classes: classNames, margin: 0.02 })
    const failure = await failureOf(expect(logreg).not.toBeNoWorseThan(mlp, { data: held, classes: classNames, margin: 0.05, metric: 'accuracy', seed: 3 }))
    expect(failure?.message).toMatch(/Expected penguins-logreg\.onnx to be worse than penguins-mlp\.onnx on accuracy by more than 0\.05, but it is no worse:/)
  })

  test('requires a margin and a previous model', async () => {
    await expect(expect(mlp).toBeNoWorseThan(mlp, { data: held } as never)).rejects.toThrow(/toBeNoWorseThan: expected a `margin`/)
    await expect(expect(mlp).toBeNoWorseThan('v1', { data: held, margin: 0.01 })).rejects.toThrow(/toBeNoWorseThan: expected the previous model/)
  })
})

describe('toBeNoWorseThan reads outputs as what they are', () => {
  const names = (model: OnnxModel) => ({
    identity: { name: `${model.identity.name} (names)` },
    predict: async (batch: readonly number[][]) =>
      (await model.predict(batch)).map((row) => classNames[(row as number[]).indexOf(Math.max(...(row as number[])))] as string),
    release: async () => {},
  })

  test('string labels are scored as labels: the MLP answering class names is no worse than itself answering indices', async () => {
    await expect(names(mlp)).toBeNoWorseThan(mlp, { data: held, classes: classNames, margin: 0.02, seed: 4 })
  })

  test('an empty answer from either model is an error naming the row; so is one output too many', async () => {
    await expect(expect(constantModel({}, 'nothing')).toBeNoWorseThan(mlp, { data: held, classes: classNames, margin: 0.02, seed: 5 })).rejects.toThrow(
      /^toBeNoWorseThan: expected a record of named outputs for every row, received an empty record \{\} at row 0\./,
    )
    await expect(expect(mlp).toBeNoWorseThan(constantModel(undefined, 'nothing'), { data: held, classes: classNames, margin: 0.02, seed: 5 })).rejects.toThrow(
      /^toBeNoWorseThan: expected a label, a score, a probability row or a record of named outputs for every row, received undefined at row 0\./,
    )
    await expect(expect(miscountingModel(() => 'Adelie', 1)).toBeNoWorseThan(mlp, { data: held, classes: classNames, margin: 0.02, seed: 5 })).rejects.toThrow(
      /^toBeNoWorseThan: expected oneTooMany to return one output per input \(86\), received 87 outputs\./,
    )
  })
})
