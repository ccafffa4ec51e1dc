import { stripVTControlCharacters } from 'node:util'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { driftMatchers } from '../../matchers/drift-index.js'
import { functionModel } from '../../src/model/function-model.js'
import { checksFromMeta } from '../../src/record/check-record.js'
import { miscountingModel } from '../support/malformed-models.js'

expect.extend(driftMatchers)

type Raw = { readonly age: number | null; readonly income: number | null }
type Features = { readonly age: number; readonly income: number }

// The seed's anti-pattern 2. Training scales each column by the maximum of the training set (fitted once):
const training: Raw[] = [
  { age: 30, income: 40_000 },
  { age: 64, income: 120_000 },
  { age: null, income: 55_000 },
  { age: 41, income: null },
  { age: 80, income: 200_000 },
]
const columnMax = (rows: readonly Raw[], key: keyof Raw): number => Math.max(...rows.map((row) => row[key] ?? 0))
const fitted = { age: columnMax(training, 'age'), income: columnMax(training, 'income') }
function preprocessTraining(batch: readonly Raw[]): Features[] {
  return batch.map((row) => ({ age: (row.age ?? 0) / fitted.age, income: (row.income ?? 0) / fitted.income }))
}
// ...while serving re-implemented it and scales by the maximum of whatever batch it is handed: DIFFERENT.
function preprocessServing(batch: readonly Raw[]): Features[] {
  const max = { age: columnMax(batch, 'age'), income: columnMax(batch, 'income') }
  return batch.map((row) => ({ age: (row.age ?? 0) / max.age, income: (row.income ?? 0) / max.income }))
}
// The fix: one function, the fitted maxima shipped with the model, used on both paths.
const preprocessShared = (batch: readonly Raw[]): Features[] => preprocessTraining(batch)

const requests: Raw[] = [
  { age: 25, income: 30_000 },
  { age: 52, income: 61_000 },
  { age: null, income: 80_000 },
  { age: 33, income: null },
  { age: 70, income: 150_000 },
  { age: 19, income: 12_000 },
  { age: 45, income: 98_000 },
  { age: 60, income: 45_000 },
]
const rawRows = fc.record({
  age: fc.option(fc.integer({ min: 18, max: 90 }), { nil: null }),
  income: fc.option(fc.integer({ min: 0, max: 250_000 }), { nil: null }),
})

// eslint-disable-next-line no-control-regex
const plain = (text: string): string => stripVTControlCharacters(text)
const failure = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => '',
    (error: Error) => plain(error.message),
  )

describe('toMatchPipeline', () => {
  test('passes when serving reuses the training preprocessing (real rows and generated rows)', async ({ task }) => {
    await expect(preprocessShared).toMatchPipeline(preprocessTraining, { inputs: requests })
    await expect(functionModel((row: Raw) => preprocessTraining([row])[0], { name: 'shared-per-row' })).toMatchPipeline(preprocessTraining, {
      inputs: rawRows,
      numRuns: 300,
      seed: 4,
    })
    expect(checksFromMeta(task.meta).at(-1)).toMatchObject({
      kind: 'pipeline',
      passed: true,
      checklist: ['training-serving-identical'],
      metrics: { rows: 300, mismatches: 0 },
    })
  })

  test('catches anti-pattern 2: serving scales by the batch max, training by the training max', async ({ task }) => {
    // The whole message is pinned in test/matchers/messages/drift.test.ts.
    await failure(expect(preprocessServing).toMatchPipeline(preprocessTraining, { inputs: requests, batchSize: 4, seed: 1 }))
    expect(checksFromMeta(task.meta).at(-1)).toMatchObject({
      kind: 'pipeline',
      passed: false,
      metrics: { mismatchRate: 1, mismatches: 8 },
      counterexample: { field: 'income' },
    })
  })

  test('generated inputs find it too, and a tolerance absorbs float noise but not the bug', async () => {
    await expect(expect(preprocessServing).toMatchPipeline(preprocessTraining, { inputs: rawRows, numRuns: 200, seed: 9 })).rejects.toThrow(
      /preprocessServing does not match preprocessTraining: mismatch rate [\d.]+ \(\d+ of 200 rows under [^\n]+\), expected 0;/,
    )
    const noisy = (batch: readonly Raw[]): Features[] => preprocessTraining(batch).map((row) => ({ age: row.age * (1 + 1e-12), income: row.income }))
    await expect(noisy).toMatchPipeline(preprocessTraining, { inputs: requests, tolerance: 1e-9, relativeTolerance: 1e-9 })
    await expect(expect(noisy).toMatchPipeline(preprocessTraining, { inputs: requests, tolerance: 0, relativeTolerance: 0 })).rejects.toThrow(
      /mismatch rate 0\.875 \(7 of 8 rows under the 8 given rows, each once\), expected 0; largest difference 8.75e-13/,
    )
    // The relative part alone absorbs the noise (1e-12 of the value), not the bug.
    await expect(noisy).toMatchPipeline(preprocessTraining, { inputs: requests, tolerance: 0, relativeTolerance: 1e-9 })
  })

  test('maxMismatchRate above 0 is a bound: it passes only when the 95% upper bound on the mismatch rate is below it', async () => {
    // One row in ten differs: with 300 rows the observed rate is 0.1, and its 95% Clopper-Pearson upper bound is 0.1332.
    const everyTenth = (batch: readonly Raw[]): Features[] =>
      preprocessTraining(batch).map((row, index) => (index % 10 === 0 ? { ...row, income: row.income + 1 } : row))
    const rows = Array.from({ length: 300 }, (_, index) => ({ age: 20 + (index % 50), income: 1000 * (index + 1) }))
    await expect(everyTenth).toMatchPipeline(preprocessTraining, { inputs: rows, batchSize: 300, maxMismatchRate: 0.14 })
    const message = await failure(expect(everyTenth).toMatchPipeline(preprocessTraining, { inputs: rows, batchSize: 300, maxMismatchRate: 0.12 }))
    // scipy.stats.binomtest(30, 300).proportion_ci(0.90, 'exact').high -> 0.133188 (the one-sided 95% bound)
    expect(message).toContain(
      'everyTenth does not match preprocessTraining: mismatch rate 0.1 (30 of 300 rows under the 300 given rows, each once); 95% upper bound 0.1332, expected < 0.12; largest difference 1.',
    )
    await expect(expect(everyTenth).toMatchPipeline(preprocessTraining, { inputs: rows, maxMismatchRate: 1.5 })).rejects.toThrow(
      /toMatchPipeline: expected `maxMismatchRate` in \[0, 1\), received 1\.5\./,
    )
  })

  test('.not passes on different pipelines and fails on identical ones', async () => {
    await expect(preprocessServing).not.toMatchPipeline(preprocessTraining, { inputs: requests })
    const message = await failure(expect(preprocessShared).not.toMatchPipeline(preprocessTraining, { inputs: requests, seed: 2 }))
    expect(message).toContain(
      'Expected preprocessShared to differ from preprocessTraining, but mismatch rate 0 (0 of 8 rows under the 8 given rows, each once), expected 0; largest difference 0.',
    )
  })

  test('bad pipelines and inputs are clear errors', async () => {
    await expect(expect(42).toMatchPipeline(preprocessTraining, { inputs: requests })).rejects.toThrow(
      'toMatchPipeline: expected the serving (received) pipeline to be a function (batch) => outputs or a model, received number.',
    )
    const perRow = (row: Raw): Features => ({ age: row.age ?? 0, income: row.income ?? 0 })
    await expect(expect(perRow).toMatchPipeline(preprocessTraining, { inputs: requests })).rejects.toThrow(
      /expected the training pipeline to return one output per row \(8\), received object|expected the serving pipeline to return one output per row \(8\), received object/,
    )
    await expect(expect(preprocessShared).toMatchPipeline(preprocessTraining, { inputs: 5 as never })).rejects.toThrow(
      /expected `inputs`: a fast-check Arbitrary or an array of raw rows, received number/,
    )
    await expect(expect(preprocessShared).toMatchPipeline(preprocessTraining, { inputs: requests, batchSize: 0 })).rejects.toThrow(
      'comparePipelines: expected a whole `batchSize` >= 1, received 0.\nHint: batchSize is the number of rows per pipeline call, for example 100.',
    )
  })
})

describe('toMatchPipeline never matches on nothing', () => {
  test('two pipelines that both answer a row with nothing are an error, not a match', async () => {
    const nothing = (batch: readonly Raw[]): object[] => batch.map(() => ({}))
    await expect(expect(nothing).toMatchPipeline(nothing, { inputs: requests })).rejects.toThrow(
      /^comparePipelines: expected the training pipeline to return a value for every row, received empty \(\{\}\) at row 0\.\nHint: /,
    )
    const undefinedRows = (batch: readonly Raw[]): undefined[] => batch.map(() => undefined)
    await expect(expect(undefinedRows).toMatchPipeline(preprocessTraining, { inputs: requests })).rejects.toThrow(
      /^comparePipelines: expected the serving pipeline to return a value for every row, received missing \(undefined\) at row 0\./,
    )
  })

  test('a serving model answering one output too many is an error', async () => {
    await expect(
      expect(miscountingModel((row: Raw) => preprocessTraining([row])[0], 1)).toMatchPipeline(preprocessTraining, { inputs: requests }),
    ).rejects.toThrow(/^comparePipelines: expected oneTooMany to return one output per input \(8\), received 9 outputs\./)
  })
})
