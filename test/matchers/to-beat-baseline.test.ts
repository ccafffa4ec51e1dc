import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { evaluationMatchers } from '../../matchers/evaluation-index.js'
import type { Model } from '../../src/model/model.js'
import { type OnnxModel, onnxModel } from '../../src/model/onnx-model.js'
import { type CheckRecord, checksFromMeta } from '../../src/record/check-record.js'
import { constantModel, miscountingModel, failureOf as outcomeOf, plain } from '../support/malformed-models.js'
import { loadSplit } from '../support/model-split.js'

expect.extend(evaluationMatchers)

const { classNames, train, test: held } = loadSplit('penguins-mlp')
let mlp: OnnxModel
let weak: OnnxModel
const ledgerDirectory = mkdtempSync(join(tmpdir(), 'ledger-'))
beforeAll(async () => {
  vi.stubEnv('VITEST_ML_TEST_SET_LEDGER', join(ledgerDirectory, 'usage.json'))
  mlp = await onnxModel('models/penguins-mlp.onnx', { output: 'probabilities' })
  weak = await onnxModel('models/penguins-weak.onnx', { output: 'probabilities' })
})
afterAll(async () => {
  vi.unstubAllEnvs()
  rmSync(ledgerDirectory, { recursive: true, force: true })
  await mlp.release()
  await weak.release()
})

const alwaysAdelie: Model<number[], string> = {
  identity: { name: 'always-adelie' },
  predict: (batch) => Promise.resolve(batch.map(() => 'Adelie')),
  release: () => Promise.resolve(),
}
const failureOf = (promise: Promise<unknown>): Promise<Error | undefined> =>
  promise.then(
    () => undefined,
    (error: Error) => error,
  )
const lastRecord = (meta: unknown): CheckRecord | undefined => checksFromMeta(meta).at(-1)

describe('toBeatBaseline', () => {
  test('passes: the penguins MLP beats the majority class on held-out data, and records the evidence', async ({ task }) => {
    await expect(mlp).toBeatBaseline('majority', { data: held, train: { labels: train.labels }, classes: classNames, minGain: 0.3, seed: 1 })
    const record = lastRecord(task.meta)
    expect(record).toMatchObject({
      kind: 'baseline',
      passed: true,
      checklist: ['baseline-improvement'],
      replay: { seed: 1, numRuns: 2000 },
      data: { rows: 86 },
    })
    expect(Object.keys(record?.metrics ?? {})).toEqual(['accuracy', 'modelScore', 'baselineScore', 'gain', 'relativeGain', 'ciLow', 'ciHigh', 'pValue'])
    expect(record?.model?.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  test('passes against a heuristic rule and on an error metric', async () => {
    const byFlipper = (row: number[]): string => ((row[2] ?? 0) > 206 ? 'Gentoo' : 'Adelie')
    await expect(mlp).toBeatBaseline(byFlipper, { data: held, classes: classNames, seed: 2 })
    await expect(mlp).toBeatBaseline('prior', { data: held, train: { labels: train.labels }, classes: classNames, metric: 'brier', seed: 3 })
  })

  test('fails when the model is the baseline, and records the message', async ({ task }) => {
    // The message (scores, gain, interval, test, baseline, replay line) is pinned in test/matchers/messages/evaluation.test.ts.
    await failureOf(expect(alwaysAdelie).toBeatBaseline('majority', { data: held, train: { labels: train.labels }, seed: 5 }))
    expect(lastRecord(task.meta)).toMatchObject({ passed: false, message: expect.stringMatching(/did not beat/) })
  })

  test('fails a real but too small gain: the weak model against minGain 0.5', async () => {
    const failure = await failureOf(
      expect(weak).toBeatBaseline('majority', { data: held, train: { labels: train.labels }, classes: classNames, minGain: 0.5, seed: 6 }),
    )
    expect(failure?.message).toMatch(/penguins-weak\.onnx did not beat majority-class baseline on accuracy/)
    expect(failure?.message).toMatch(/expected lower bound > minGain 0\.5/)
  })

  test('.not passes when the model does not beat the baseline, and fails when it does', async ({ task }) => {
    await expect(alwaysAdelie).not.toBeatBaseline('majority', { data: held, train: { labels: train.labels } })
    expect(lastRecord(task.meta)).toMatchObject({ passed: false, negated: true })
    const failure = await failureOf(expect(mlp).not.toBeatBaseline('majority', { data: held, classes: classNames, seed: 8 }))
    expect(failure?.message).toMatch(/Expected penguins-mlp\.onnx not to beat majority-class baseline on accuracy, but it did:/)
    expect(failure?.message).toMatch(/warning: the majority-class baseline was fitted on the evaluation labels/)
  })

  test('warns in the record once the test set has compared more models than the reuse limit', async ({ task }) => {
    const testSetUsage = { path: join(ledgerDirectory, 'limit-1.json'), limit: 1 }
    await expect(mlp).toBeatBaseline('majority', { data: held, train: { labels: train.labels }, classes: classNames, testSetUsage })
    expect(lastRecord(task.meta)?.warnings).toBeUndefined()
    await expect(weak).toBeatBaseline('majority', { data: held, train: { labels: train.labels }, classes: classNames, testSetUsage })
    expect(lastRecord(task.meta)?.warnings).toEqual([expect.stringMatching(/has been used to compare 2 models \(limit 1\)/)])
    expect(lastRecord(task.meta)?.data?.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  test('bad input is a clear error, not a pass', async () => {
    await expect(expect(mlp).toBeatBaseline('majority', { data: { inputs: [], labels: [] } })).rejects.toThrow(
      /toBeatBaseline: expected at least 1 row in data\.inputs, received 0/,
    )
    await expect(expect({}).toBeatBaseline('majority', { data: held })).rejects.toThrow(/toBeatBaseline: expected a model/)
  })
})

describe('toBeatBaseline reads outputs as what they are', () => {
  test('string labels are scored as labels: a flipper-length rule answering names beats the majority class', async () => {
    const byFlipper: Model<number[], string> = {
      identity: { name: 'by-flipper' },
      predict: async (batch) => batch.map((row) => ((row[2] ?? 0) > 206 ? 'Gentoo' : 'Adelie')),
      release: async () => {},
    }
    await expect(byFlipper).toBeatBaseline('majority', { data: held, train: { labels: train.labels }, seed: 7 })
  })

  test.each([
    ['undefined', undefined, 'a label, a score, a probability row or a record of named outputs', 'undefined'],
    ['[]', [], 'a non-empty output row', 'an empty row'],
    ['{}', {}, 'a record of named outputs', 'an empty record {}'],
  ])('a model answering %s is an error naming the row, not a score', async (_, value, expected, received) => {
    const error = await outcomeOf(expect(constantModel(value, 'nothing')).toBeatBaseline('majority', { data: held, train: { labels: train.labels }, seed: 8 }))
    expect(plain(error?.message)).toContain(`toBeatBaseline: expected ${expected} for every row, received ${received} at row 0.\nHint: `)
  })

  test('a hand-written model answering one output too many is an error', async () => {
    await expect(expect(miscountingModel(() => 'Adelie', 1)).toBeatBaseline('majority', { data: held, seed: 9 })).rejects.toThrow(
      /^toBeatBaseline: expected oneTooMany to return one output per input \(86\), received 87 outputs\./,
    )
  })
})
