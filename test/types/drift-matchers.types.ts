// Type-level tests of the drift, skew and pipeline matchers (see model-matchers.types.ts for how they are checked).
import fc from 'fast-check'
import { expect } from 'vitest'
import { datasetFromColumns, functionModel } from 'vitest-ml'

const reference = datasetFromColumns({ age: [31, 45, 52], country: ['FR', 'DE', 'FR'] }, { name: 'training' })
const current = [
  { age: 33, country: 'FR' },
  { age: 47, country: 'DE' },
]

export async function drift(): Promise<void> {
  await expect(current).not.toHaveDriftedFrom(reference, { ignore: ['id'], categorical: ['country'], driftShare: 0.5 })
  await expect({ age: [30, 40], country: ['FR', 'FR'] }).not.toHaveDriftedFrom(reference)
  // @ts-expect-error misspelt matcher
  await expect(current).not.toHaveDriftFrom(reference)
  // @ts-expect-error misspelt option (ignored)
  await expect(current).not.toHaveDriftedFrom(reference, { ignored: ['id'] })
  // On data alone it decides synchronously: no promise to await, and none to forget.
  const decided: void = expect(current).not.toHaveDriftedFrom(reference)
  void decided
  // With a model it calls the model: a promise.
  const model = functionModel((row: { age: number }) => row.age > 40)
  const predicted: Promise<void> = expect(current).not.toHaveDriftedFrom(reference, { model })
  await predicted
  // @ts-expect-error prediction drift is not synchronous
  const wrong: void = expect(current).not.toHaveDriftedFrom(reference, { model })
  void wrong
}

export async function skew(): Promise<void> {
  await expect(current).not.toHaveSkewFrom(reference, { thresholds: { country: 0.01 }, bins: 10 })
  // @ts-expect-error misspelt matcher
  await expect(current).not.toHaveSkewedFrom(reference)
  // @ts-expect-error an option of the wrong type
  await expect(current).not.toHaveSkewFrom(reference, { bins: 'ten' })
}

export async function pipeline(): Promise<void> {
  const serving = functionModel((row: { age: number }) => [row.age / 100])
  const training = (batch: readonly { age: number }[]) => batch.map((row) => [row.age / 100])
  const requests = fc.record({ age: fc.integer({ min: 18, max: 99 }) })
  await expect(serving).toMatchPipeline(training, { inputs: requests, tolerance: 1e-9, numRuns: 100 })
  // @ts-expect-error the inputs are required
  await expect(serving).toMatchPipeline(training, { tolerance: 1e-9 })
  // @ts-expect-error misspelt option (maxMismatchRatio)
  await expect(serving).toMatchPipeline(training, { inputs: requests, maxMismatchRatio: 0 })
}
