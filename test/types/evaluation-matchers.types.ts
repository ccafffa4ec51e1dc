// Type-level tests of the evaluation matchers (see model-matchers.types.ts for how they are checked).
import { expect } from 'vitest'
import { functionModel } from 'vitest-ml'

const model = functionModel((row: number[]) => [(row[0] ?? 0) > 0.5 ? 0.9 : 0.1, (row[0] ?? 0) > 0.5 ? 0.1 : 0.9])
const previous = functionModel((row: number[]) => [0.5, 0.5 + 0 * (row[0] ?? 0)])
const held = { inputs: [[0.1], [0.9], [0.7]], labels: ['no', 'yes', 'yes'] }
const classes = ['yes', 'no']

export async function baselines(): Promise<void> {
  await expect(model).toBeatBaseline('majority', { data: held, train: { labels: ['yes', 'no'] }, classes, minGain: 0.1 })
  await expect(model).toBeatBaseline((row: number[]) => ((row[0] ?? 0) > 0.5 ? 'yes' : 'no'), { data: held, classes })
  await expect(model).toBeNoWorseThan(previous, { data: held, classes, margin: 0.02 })
  // @ts-expect-error not a baseline
  await expect(model).toBeatBaseline('mode', { data: held, classes })
  // @ts-expect-error misspelt option (minGains)
  await expect(model).toBeatBaseline('majority', { data: held, classes, minGains: 0.1 })
  // @ts-expect-error the margin is required
  await expect(model).toBeNoWorseThan(previous, { data: held, classes })
  // @ts-expect-error misspelt matcher
  await expect(model).toBeNoWorseThen(previous, { data: held, classes, margin: 0.02 })
}

export async function heldOut(): Promise<void> {
  await expect(held).toBeHeldOutFrom({ inputs: [[0.2]] }, { keys: [0], nearDuplicateDistance: 0.01, maxNearShare: 0 })
  // @ts-expect-error misspelt option (key)
  await expect(held).toBeHeldOutFrom({ inputs: [[0.2]] }, { key: [0] })
}

export async function slicesAndErrors(): Promise<void> {
  await expect(model).toPerformOnAllSlices({
    data: held,
    slices: ['Island'],
    rows: [{ Island: 'Biscoe' }, { Island: 'Dream' }, { Island: 'Dream' }],
    classes,
    min: 0.5,
  })
  await expect(model).toKeepMisclassificationsWithin({ data: held, classes, maxErrorShare: 0.05, maxFalseNegatives: { yes: 0 } })
  // @ts-expect-error the slices are required
  await expect(model).toPerformOnAllSlices({ data: held, classes, min: 0.5 })
  // @ts-expect-error misspelt option (maxRates)
  await expect(model).toKeepMisclassificationsWithin({ data: held, classes, maxErrorShares: 0.05 })
}
