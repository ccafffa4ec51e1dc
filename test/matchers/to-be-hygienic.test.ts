import { describe, expect, test } from 'vitest'
import { evaluationMatchers } from '../../matchers/evaluation-index.js'
import { datasetFromRows } from '../../src/data/dataset.js'
import { checksFromMeta } from '../../src/record/check-record.js'
import { failureMessage } from '../support/failure-of.js'
import { penguinSplit } from '../support/penguin-csvs.js'

expect.extend(evaluationMatchers)

const { train, test: held } = penguinSplit()
const trainSet = datasetFromRows(train, { name: 'train.csv' })
/** Training rows as a careless export writes them: ten rows twice, and one of them relabelled. */
const dirty = datasetFromRows([...train, ...train.slice(0, 10), { ...train[20]!, species: train[20]!.species === 'Adelie' ? 'Gentoo' : 'Adelie' }], {
  name: 'export.csv',
})

describe('toBeHygienic', () => {
  test('passes on clean data and records hygiene evidence (data-2)', ({ task }) => {
    expect(trainSet).toBeHygienic({ label: 'species' })
    expect(held).toBeHygienic({ label: 'species', reference: train })
    expect(checksFromMeta(task.meta).at(-1)).toMatchObject({
      kind: 'hygiene',
      passed: true,
      severity: 'medium',
      checklist: [],
      metrics: { issues: 0, rows: 84, duplicateRows: 0, conflictingRows: 0, missingLabels: 0, labelShiftPValue: expect.any(Number) },
    })
  })

  test('fails on repeated and conflicting rows, each with a fix', async ({ task }) => {
    const message = await failureMessage(() => expect(dirty).toBeHygienic({ label: 'species' }))
    expect(message).toContain('export.csv is not clean: 2 issues (260 rows, 6 features, label "species"):')
    expect(message).toMatch(
      / {2}\[high\] species \(conflicting-labels\): 2 of 260 rows \(share 0\.007692\) in 1 group\(s\) have equal features and different labels \(rows 20, 259: "\w+" x1 vs "\w+" x1\)\. Fix: relabel or drop the conflicting rows/,
    )
    expect(message).toContain(
      '  [medium] duplicate-rows: 10 of 260 rows (share 0.03846) repeat an earlier row (10 distinct rows repeated). Fix: drop repeats before training and evaluating',
    )
    expect(checksFromMeta(task.meta).at(-1)).toMatchObject({
      kind: 'hygiene',
      passed: false,
      metrics: { issues: 2, duplicateRows: 10, conflictingRows: 2 },
      counterexample: { type: 'conflicting-labels' },
    })
  })

  test('limits and allowed types turn issues into reports', () => {
    expect(dirty).toBeHygienic({ label: 'species', maxDuplicateShare: 0.05, allow: ['conflicting-labels'] })
  })

  test('.not passes on dirty data and fails on clean data', async () => {
    expect(dirty).not.toBeHygienic({ label: 'species' })
    const message = await failureMessage(() => expect(trainSet).not.toBeHygienic({ label: 'species' }))
    expect(message).toContain('Expected train.csv to have hygiene issues, but it is clean (249 rows, 6 features, label "species").')
  })

  test('a label that is not a column is a clear error', () => {
    expect(() => expect(trainSet).toBeHygienic({ label: 'Species' })).toThrow(
      /^checkHygiene: expected a label column "Species" in train\.csv, received columns species, island, .*\nHint: /,
    )
  })
})
