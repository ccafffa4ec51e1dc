import { describe, expect, test } from 'vitest'
import { evaluationMatchers } from '../../matchers/evaluation-index.js'
import { checksFromMeta } from '../../src/record/check-record.js'
import { loadSplit } from '../support/model-split.js'
import { failureOf } from '../support/failure-of.js'

expect.extend(evaluationMatchers)

const { train, test: held } = loadSplit('penguins-mlp')

describe('toBeHeldOutFrom', () => {
  test('passes on the penguins split and records held-out evidence', async ({ task }) => {
    await expect(held.rows).toBeHeldOutFrom(train.rows)
    await expect(held).toBeHeldOutFrom(train)
    expect(checksFromMeta(task.meta).at(-1)).toMatchObject({
      kind: 'held-out',
      passed: true,
      checklist: ['held-out-test'],
      data: { name: 'test set', rows: 86, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      metrics: { exactDuplicates: 0, nearDuplicates: 0, trainRows: 256, testRows: 86 },
    })
  })

  test('fails when training rows leak into the test set, with counts and examples', async () => {
    const leaky = [...held.rows, train.rows[0], train.rows[1]]
    const failure = await failureOf(() => expect(leaky).toBeHeldOutFrom(train.rows))
    expect(failure?.message).toMatch(/The test set is not held out from the training set:/)
    expect(failure?.message).toMatch(/exact duplicates: 2 of 88 test rows also in the 256 training rows \(share 0\.02273, expected <= 0\)/)
    expect(failure?.message).toMatch(/examples:\n {4}test row 86 \{"Species":"Adelie",.*"Beak Depth \(mm\)":18\.7,.*\} ~ train row 0 /)
  })

  test('fails on near duplicates (a re-measured penguin) unless tolerated', async () => {
    const remeasured = { ...(train.rows[5] as Record<string, unknown>), 'Beak Length (mm)': Number(train.rows[5]?.['Beak Length (mm)']) + 0.01 }
    const failure = await failureOf(() => expect([...held.rows, remeasured]).toBeHeldOutFrom(train.rows))
    expect(failure?.message).toMatch(/near duplicates: 1 of 87 test rows within 0\.01 standard deviations of a training row/)
    await expect([...held.rows, remeasured]).toBeHeldOutFrom(train.rows, { maxNearShare: 0.02 })
  })

  test('.not passes for an overlapping set and fails for a held-out one', async () => {
    await expect(train.rows.slice(0, 10)).not.toBeHeldOutFrom(train.rows)
    const failure = await failureOf(() => expect(held.rows).not.toBeHeldOutFrom(train.rows))
    expect(failure?.message).toMatch(/Expected the test set to overlap the training set, but it is held out:\n {2}exact duplicates: 0 of 86/)
  })
})
