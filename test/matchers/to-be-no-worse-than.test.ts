import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { evaluationMatchers } from '../../matchers/evaluation-index.js'
import { checksFromMeta } from '../../src/report/check-record.js'
import { onnxModel, type OnnxModel } from '../../src/model/onnx-model.js'
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

const failureOf = (promise: Promise<unknown>): Promise<Error | undefined> => promise.then(() => undefined, (error: Error) => error)

describe('toBeNoWorseThan', () => {
  test('passes: a fresh session of the same model is no worse than production', async ({ task }) => {
    await expect(await mlp.fresh()).toBeNoWorseThan(mlp, { data: held, classes: classNames, margin: 0.02, seed: 1 })
    expect(checksFromMeta(task.meta).at(-1)).toMatchObject({ kind: 'baseline', passed: true, checklist: ['baseline-improvement'], metrics: { gain: 0, ciLow: 0 } })
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
