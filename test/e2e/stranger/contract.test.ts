// The quick start exactly as a stranger writes it against the installed package.
import fc from 'fast-check'
import { expect, test } from 'vitest'
import { functionModel, onnxModel } from 'vitest-ml'
import { ksTwoSample } from 'vitest-ml/stats'

const model = await onnxModel('model.onnx', { output: 'probabilities' })
const rows = fc.tuple(
  fc.double({ min: 32, max: 60, noNaN: true }),
  fc.double({ min: 13, max: 22, noNaN: true }),
  fc.double({ min: 170, max: 232, noNaN: true }),
  fc.double({ min: 2700, max: 6300, noNaN: true }),
  fc.integer({ min: 0, max: 2 }),
)

test('range', async () => {
  await expect(model).toProduceOutputsInRange({ min: 0, max: 1 }, { inputs: rows, numRuns: 2000, seed: 1 })
  await expect(model).toProduceOutputsInRange({ probabilities: true }, { inputs: rows })
})

test('consistency', async () => {
  await expect(model).toBeDeterministic({ inputs: rows, numRuns: 500 })
})

// The two function models exactly as the quick start writes them (a stranger's tsconfig is `strict`, nothing more).
const perRow = functionModel((row: number[]) => [row[0] * 2])
const batched = functionModel((batch: number[][]) => batch.map((r) => [r[0]]), { batched: true })

test('function models and a failing check', async () => {
  const unit = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }))
  await expect(batched).toProduceOutputsInRange({ min: 0, max: 1 }, { inputs: unit })
  await expect(perRow).not.toProduceOutputsInRange({ min: 0, max: 1 }, { inputs: unit, seed: 3 })
})

test('statistics entry point', () => {
  expect(ksTwoSample([1, 2, 3, 4], [1, 2, 3, 4]).statistic).toBe(0)
})
