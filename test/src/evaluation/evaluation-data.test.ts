import { describe, expect, it } from 'vitest'
import { compareToBaseline } from '../../../src/evaluation/compare-to-baseline.js'
import { evaluateSlices } from '../../../src/evaluation/evaluate-slices.js'
import { falsePositivesAndNegatives } from '../../../src/evaluation/false-positives-and-negatives.js'
import type { Model } from '../../../src/model/model.js'
import { miscountingModel } from '../../support/malformed-models.js'

/** A model that answers each row with the class index an ONNX `label` output (int64) gives. */
const indexModel: Model<number, unknown> = {
  identity: { name: 'index-labels' },
  predict: (batch) => Promise.resolve(batch.map((row) => BigInt(row % 3))),
  release: () => Promise.resolve(),
}
const names = ['Adelie', 'Chinstrap', 'Gentoo']
const data = { inputs: [0, 1, 2, 3, 4, 5], labels: [0, 1, 2, 0, 1, 2].map((index) => names[index]) }

describe('predicted labels of another kind than the true labels', () => {
  it('throw instead of scoring every row wrong: class indices against class names need `classes`', async () => {
    const message =
      /toBeatBaseline: expected predicted labels of the same kind as the true labels \(strings such as "Adelie", "Chinstrap", "Gentoo"\), received numbers such as 0, 1, 2\.\nHint: Pass `classes: \[\.\.\.\]` so that output index k reads as classes\[k\] \(and `threshold` when the model returns one score\), or return the class names from the model\./
    await expect(compareToBaseline(indexModel, 'majority', { data })).rejects.toThrow(message)
    await expect(evaluateSlices(indexModel, { data, rows: data.labels.map((label) => ({ label })), slices: ['label'] })).rejects.toThrow(
      /toPerformOnAllSlices: expected predicted labels of the same kind/,
    )
    await expect(falsePositivesAndNegatives(indexModel, { data })).rejects.toThrow(/falsePositivesAndNegatives: expected predicted labels of the same kind/)
  })

  it('read correctly with `classes`', async () => {
    const result = await compareToBaseline(indexModel, 'majority', { data, classes: names })
    expect(result.modelScore).toBe(1)
  })

  it('a single score against class names points at `threshold`; with it the score reads as a class', async () => {
    const scorer: Model<number, unknown> = {
      identity: { name: 'scorer' },
      predict: (batch) => Promise.resolve(batch.map((row) => (row % 2 === 0 ? 0.9 : 0.2))),
      release: () => Promise.resolve(),
    }
    const binary = { inputs: [0, 1, 2, 3], labels: ['yes', 'no', 'yes', 'no'] }
    await expect(compareToBaseline(scorer, 'majority', { data: binary })).rejects.toThrow(
      /received numbers such as 0\.9, 0\.2\.\nHint: .*`threshold` when the model returns one score/,
    )
    const result = await compareToBaseline(scorer, 'majority', { data: binary, classes: ['no', 'yes'], threshold: 0.5 })
    expect(result.modelScore).toBe(1)
  })

  it('numeric labels against string predictions are caught too', async () => {
    const named: Model<number, unknown> = {
      identity: { name: 'named' },
      predict: (batch) => Promise.resolve(batch.map((row) => names[row % 3])),
      release: () => Promise.resolve(),
    }
    await expect(compareToBaseline(named, 'majority', { data: { inputs: data.inputs, labels: [0, 1, 2, 0, 1, 2] } })).rejects.toThrow(
      /expected predicted labels of the same kind as the true labels \(numbers such as 0, 1, 2\), received strings such as "Adelie", "Chinstrap", "Gentoo"/,
    )
  })
})

describe('outputs that cannot be scored', () => {
  it('probability rows of different widths are an error naming both rows', async () => {
    const ragged: Model<number, unknown> = {
      identity: { name: 'ragged' },
      predict: async (batch) => batch.map((row) => (row === 3 ? [0.5, 0.5] : [0.2, 0.3, 0.5])),
      release: async () => {},
    }
    await expect(compareToBaseline(ragged, 'majority', { data, classes: names })).rejects.toThrow(
      /^toBeatBaseline: expected probability rows of one width from ragged \(3 values, as at row 0\), received 2 values at row 3\./,
    )
  })

  it("one output too many is an error under the caller's name", async () => {
    await expect(
      evaluateSlices(
        miscountingModel((row: number) => names[row % 3], 1),
        { data, rows: data.labels.map((label) => ({ label })), slices: ['label'] },
      ),
    ).rejects.toThrow(/^toPerformOnAllSlices: expected oneTooMany to return one output per input \(6\), received 7 outputs\./)
  })
})
