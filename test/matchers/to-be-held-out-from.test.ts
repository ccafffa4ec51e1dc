import { describe, expect, test } from 'vitest'
import { evaluationMatchers } from '../../matchers/evaluation-index.js'
import { checksFromMeta } from '../../src/record/check-record.js'
import { failureMessage, failureOf } from '../support/failure-of.js'
import { loadSplit } from '../support/model-split.js'
import { penguinSplit } from '../support/penguin-csvs.js'

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

describe('toBeHeldOutFrom beyond repeated rows: time overlap, shared ids, a feature that gives the label away', () => {
  const { train: trainRows, test: testRows } = penguinSplit()
  const stamp = (rows: readonly Record<string, unknown>[], start: number): Record<string, unknown>[] =>
    rows.map((row, index) => ({
      ...row,
      id: `P${start + index}`,
      seen: new Date(Date.UTC(2007, 0, 1) + (start + index) * 86_400_000).toISOString().slice(0, 10),
    }))
  const trainSet = stamp(trainRows, 0)
  const testSet = stamp(testRows, trainRows.length)

  test('a split by time and id with no leaking feature passes, and the record carries the numbers', ({ task }) => {
    expect(testSet).toBeHeldOutFrom(trainSet, { label: 'species', time: 'seen', ids: ['id'] })
    expect(checksFromMeta(task.meta).at(-1)).toMatchObject({
      kind: 'held-out',
      passed: true,
      metrics: { timeOverlapRows: 0, sharedIdRows: 0, leakyFeatures: 0, bestSingleFeatureScore: expect.any(Number) },
    })
  })

  test('fails on test rows older than training, on shared ids and on a feature that encodes the label, each with a fix', async () => {
    // 40 test penguins dated inside the training period, and 2 training penguins again, as they were in training.
    const dated: Record<string, unknown>[] = [...stamp(testRows.slice(0, 40), 100).map((row, index) => ({ ...row, id: `T${index}` })), ...trainSet.slice(0, 2)]
    const shuffled = dated.map((row) => ({
      ...row,
      ticket: String(row['species']).slice(0, 3),
    }))
    const training = trainSet.map((row) => ({ ...row, ticket: String(row['species']).slice(0, 3) }))
    const message = await failureMessage(() => expect(shuffled).toBeHeldOutFrom(training, { label: 'species', time: 'seen', ids: ['id'] }))
    expect(message).toContain('The test set is not held out from the training set:')
    expect(message).toContain(
      '  time overlap: 42 of 42 test rows older than the newest training row (seen 2007-09-06; test starts 2007-01-01), share 1, expected <= 0',
    )
    expect(message).toContain(
      '  shared ids: 2 of 42 test rows have ids (id) also in training, share 0.04762, expected <= 0; e.g. test row 40 ~ train row 0 (id="P0")',
    )
    expect(message).toMatch(/ {2}single features: 1 give the label away, ticket alone scores 1 \(accuracy 1 vs majority [\d.]+\), expected < 0\.95/)
    expect(message).toContain('Fix: split by time: train on rows before a cut-off in "seen", test on rows after it (a random split trains on the future)')
    expect(message).toContain('Fix: split by id (a group split: every row of one entity on the same side)')
    expect(message).toContain('Fix: check how "ticket" is produced: a feature known only after the label (or derived from it) must not be an input')
    expect(message).toMatch(/exact duplicates: 2 of 42 test rows also in the 249 training rows/)
  })

  test('needs records or a Dataset to find columns', () => {
    expect(() => expect([[1, 2]]).toBeHeldOutFrom([[3, 4]], { time: 'seen' })).toThrow(
      /^toBeHeldOutFrom: expected train rows as records or a Dataset when `time`, `ids` or `label` is given, received rows without column names \(arrays\)\./,
    )
  })
})
