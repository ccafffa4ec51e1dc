// Beside the README's quick start (written into the project as it stands in the README): the quick start's function
// models exactly as written, a failing check asserted with .not, and the statistics entry point.
import fc from 'fast-check'
import { expect, test } from 'vitest'
import { functionModel, uniformNumber } from 'vitest-ml'
import { ksTwoSample } from 'vitest-ml/stats'

// The two function models exactly as the quick start writes them (a stranger's tsconfig is `strict`, nothing more).
const perRow = functionModel((row: number[]) => [row[0] * 2])
const batched = functionModel((batch: number[][]) => batch.map((r) => [r[0]]), { batched: true })

test('function models and a failing check', async () => {
  const unit = fc.tuple(uniformNumber({ min: 0, max: 1 }))
  await expect(batched).toProduceOutputsInRange({ inputs: unit, min: 0, max: 1 })
  await expect(perRow).not.toProduceOutputsInRange({ inputs: unit, seed: 3, min: 0, max: 1 })
})

test('statistics entry point', () => {
  expect(ksTwoSample([1, 2, 3, 4], [1, 2, 3, 4]).statistic).toBe(0)
})
