// Type-level tests of the metamorphic-relation matchers (see model-matchers.types.ts for how they are checked).
import fc from 'fast-check'
import { expect } from 'vitest'
import { anyValueOf, functionModel } from 'vitest-ml'

const model = functionModel((row: number[]) => [(row[0] ?? 0) + (row[1] ?? 0)])
const rows = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))

export async function invariance(): Promise<void> {
  await expect(model).toBeInvariantUnder((row: number[]) => [...row], { inputs: rows, tolerance: 1e-9 })
  await expect(model).not.toBeInvariantUnder(anyValueOf(1, { min: 0, max: 2 }), { inputs: rows, label: false })
  // @ts-expect-error misspelt matcher
  await expect(model).toBeInvariantTo((row: number[]) => [...row], { inputs: rows })
  // @ts-expect-error misspelt option (tolerence)
  await expect(model).toBeInvariantUnder((row: number[]) => [...row], { inputs: rows, tolerence: 1e-9 })
}

export async function monotonicity(): Promise<void> {
  await expect(model).toBeMonotonicIn(0, 'increasing', { inputs: rows, numRuns: 200, strict: false })
  await expect(model).not.toBeMonotonicIn('weight', 'decreasing', { inputs: rows })
  // @ts-expect-error not a direction
  await expect(model).toBeMonotonicIn(0, 'up', { inputs: rows })
  // @ts-expect-error misspelt option (sweepPoint)
  await expect(model).toBeMonotonicIn(0, 'increasing', { inputs: rows, sweepPoint: 5 })
}

export async function outputShiftUnder(): Promise<void> {
  const negate = (text: string): string => text.replace(' is ', ' is not ')
  await expect(model).toShiftOutputUnder(negate, { inputs: ['It is good.'], direction: 'down', output: 1, atLeast: 0.1 })
  await expect(model).toShiftOutputUnder(negate, { inputs: ['It is good.'], direction: { awayFrom: 0.5 }, maxViolationRate: 0.05, numRuns: 100 })
  // @ts-expect-error the direction is required
  await expect(model).toShiftOutputUnder(negate, { inputs: ['It is good.'] })
  // @ts-expect-error not a direction
  await expect(model).toShiftOutputUnder(negate, { inputs: ['It is good.'], direction: 'sideways' })
}

export async function outputShift(): Promise<void> {
  await expect(model).toShiftOutput(0, 0.5, { inputs: rows, direction: 'up', atLeast: 0.4 })
  await expect(model).toShiftOutput(1, (value) => value + 1, { inputs: rows, direction: 'down' })
  // @ts-expect-error the direction is required
  await expect(model).toShiftOutput(0, 0.5, { inputs: rows, atLeast: 0.4 })
  // @ts-expect-error misspelt option (atleast)
  await expect(model).toShiftOutput(0, 0.5, { inputs: rows, direction: 'up', atleast: 0.4 })
}

export async function goldenCases(): Promise<void> {
  await expect(model).toPassGoldenCases([
    { input: [1, 2], value: 3 },
    { name: 'zero', input: [0, 0], min: -0.1, max: 0.1 },
  ])
  await expect(model).toPassGoldenCases('golden.csv', { maxListed: 5 })
  // @ts-expect-error misspelt field of a golden case (expected)
  await expect(model).toPassGoldenCases([{ input: [1, 2], expected: 3 }])
  // @ts-expect-error misspelt option (maxListing)
  await expect(model).toPassGoldenCases('golden.csv', { maxListing: 5 })
}
