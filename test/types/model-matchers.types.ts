// Type-level tests of the matcher typings, checked by `tsc`, never run: `npm run typecheck` checks them against Vitest 4
// (from source), the packed e2e tests against each tested Vitest major (from the built declarations, skipLibCheck off).
// Each `@ts-expect-error` line must stay an error: an unused one fails the check.
import fc from 'fast-check'
import { expect, expectTypeOf } from 'vitest'
import { functionModel, type Model } from 'vitest-ml'

const model = functionModel((row: number[]) => [(row[0] ?? 0) * 2])
const rows = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }))

export async function outputsInRange(): Promise<void> {
  await expect(model).toProduceOutputsInRange({ inputs: rows, numRuns: 100, seed: 1, min: 0, max: 1 })
  await expect(model).toProduceOutputsInRange({ inputs: [[0.5]], probabilities: true })
  // @ts-expect-error misspelt matcher
  await expect(model).toProduceOutputInRange({ min: 0, max: 1 }, { inputs: rows })
  // @ts-expect-error misspelt option (numRun)
  await expect(model).toProduceOutputsInRange({ inputs: rows, numRun: 100, min: 0, max: 1 })
  // @ts-expect-error an option of the wrong type
  await expect(model).toProduceOutputsInRange({ inputs: rows, seed: '1', min: 0, max: 1 })
  // @ts-expect-error the inputs are required
  await expect(model).toProduceOutputsInRange({ min: 0, max: 1 })
}

export async function deterministic(): Promise<void> {
  await expect(model).toBeDeterministic({ inputs: rows, numRuns: 50, freshSession: false })
  // @ts-expect-error misspelt matcher
  await expect(model).toBeDeterminstic({ inputs: rows })
  // @ts-expect-error misspelt option (freshSessions)
  await expect(model).toBeDeterministic({ inputs: rows, freshSessions: false })
}

/** `.not`, `.resolves`, `.rejects` (consuming an expected failure), `expect.soft` and `expect.poll` carry the matchers. */
export async function modifiers(loading: Promise<Model<number[], number[]>>): Promise<void> {
  await expect(model).not.toProduceOutputsInRange({ inputs: rows, min: 0, max: 0.5 })
  await expect(loading).resolves.toBeDeterministic({ inputs: rows })
  await expect(loading).resolves.not.toProduceOutputsInRange({ inputs: rows, min: 0, max: 0.5 })
  await expect(expect(model).toProduceOutputsInRange({ inputs: rows, min: 0, max: 0.5 })).rejects.toThrow(/outside/)
  await expect.soft(model).toBeDeterministic({ inputs: rows })
  await expect.soft(model).not.toProduceOutputsInRange({ inputs: rows, min: 0, max: 0.5 })
  await expect.poll(() => model).toBeDeterministic({ inputs: rows })
  // @ts-expect-error misspelt matcher after .not
  await expect(model).not.toBeDeterminstic({ inputs: rows })
  // @ts-expect-error misspelt option after .resolves
  await expect(loading).resolves.toBeDeterministic({ input: rows })
  // @ts-expect-error misspelt option in expect.soft
  await expect.soft(model).toBeDeterministic({ inputs: rows, numruns: 5 })
}

/** Every matcher returns a promise (so a lint rule for floating promises catches a missing `await`). */
export function returnTypes(): void {
  expectTypeOf(expect(model).toBeDeterministic({ inputs: rows })).toEqualTypeOf<Promise<void>>()
  expectTypeOf(expect(model).not.toProduceOutputsInRange({ inputs: rows, min: 0, max: 1 })).toEqualTypeOf<Promise<void>>()
  expectTypeOf(expect.soft(model).toBeDeterministic({ inputs: rows })).toEqualTypeOf<Promise<void>>()
}

/** The matchers are not asymmetric matchers: an asymmetric matcher cannot await a model. */
export function notAsymmetric(): void {
  // @ts-expect-error not on expect itself
  expect.toBeDeterministic({ inputs: rows })
  // @ts-expect-error not on expect.not
  expect.not.toProduceOutputsInRange({ inputs: rows, min: 0, max: 1 })
}
