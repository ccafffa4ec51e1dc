import { describe, expect, test } from 'vitest'
import { datasetFromRows } from '../../../src/data/dataset.js'
import { inferContract } from '../../../src/data/infer-contract.js'
import { readCsv } from '../../../src/data/read-csv.js'
import { failureSnapshot } from '../../support/mask-message.js'
import { penguinSplit } from '../../support/penguin-csvs.js'
import { vegaDataPath } from '../../support/vega-data.js'

// Whole failure messages of the data matchers (data contracts, hygiene, held-out checks beyond repeated rows), pinned.
// They read data only, so nothing here is random.

const weather = (await readCsv(vegaDataPath('seattle-weather.csv'))).rows()
const history = datasetFromRows(
  weather.filter((row) => String(row['date']) < '2014'),
  { name: 'weather 2012-2013' },
)
const recent = datasetFromRows(
  weather.filter((row) => String(row['date']) >= '2014'),
  { name: 'weather 2014-2015' },
)
const { contract } = inferContract(history, { label: 'weather' })
/** The 2014-2015 feed as a broken upstream job sends it: temperatures in °F, and "n/a" for missing wind. */
const broken = datasetFromRows(
  recent
    .rows()
    .map((row, index) => ({ ...row, temp_max: Math.round(((row['temp_max'] as number) * 1.8 + 32) * 10) / 10, wind: index % 10 === 0 ? 'n/a' : row['wind'] })),
  { name: 'feed' },
)

describe('toMatchSchema messages', () => {
  test('a broken feed: every anomaly with its severity and fix', async () => {
    expect(await failureSnapshot(() => expect(broken).toMatchSchema(contract))).toMatchInlineSnapshot(`
      "expect(data).toMatchSchema(contract)

      feed breaks its data contract: 2 anomalies (730 rows, 6 of 6 contract columns checked against the contract learned from weather 2012-2013 (731 rows)):
        [high] temp_max (out-of-range): 728 of 730 values (share 0.9973) outside [-1.1, 34.4]: 728 above max 34.4 (highest 96.1); 230 beyond the range by more than its width; looks like a unit change °C -> °F (99.73% in range once undone). Fix: convert "temp_max" back (°C -> °F) where it is produced, or retrain and infer the contract on the new unit
        [high] wind (mixed-types): 73 of 730 values (share 0.1) are text among numbers: "n/a" x73. Fix: declare these tokens missing when reading (readCsv(path, { missing: [...] }) or sentinels: { "wind": [...] }) or fix the feed that writes them"
    `)
  })

  test('maxListed cuts the list with the one closing line', async () => {
    expect(await failureSnapshot(() => expect(broken).toMatchSchema(contract, { maxListed: 1 }))).toMatchInlineSnapshot(`
      "expect(data).toMatchSchema(contract)

      feed breaks its data contract: 2 anomalies (730 rows, 6 of 6 contract columns checked against the contract learned from weather 2012-2013 (731 rows)):
        [high] temp_max (out-of-range): 728 of 730 values (share 0.9973) outside [-1.1, 34.4]: 728 above max 34.4 (highest 96.1); 230 beyond the range by more than its width; looks like a unit change °C -> °F (99.73% in range once undone). Fix: convert "temp_max" back (°C -> °F) where it is produced, or retrain and infer the contract on the new unit
        ... and 1 more anomaly (raise maxListed to list them)"
    `)
  })

  test('.not', async () => {
    expect(await failureSnapshot(() => expect(recent).not.toMatchSchema(contract))).toMatchInlineSnapshot(`
      "expect(data).not.toMatchSchema(contract)

      Expected weather 2014-2015 to break its data contract, but it matches (730 rows, 6 of 6 contract columns checked against the contract learned from weather 2012-2013 (731 rows))."
    `)
  })
})

const { train, test: held } = penguinSplit()
const trainSet = datasetFromRows(train, { name: 'train.csv' })
/** Training rows as a careless export writes them: ten rows twice, and one of them relabelled. */
const dirty = datasetFromRows([...train, ...train.slice(0, 10), { ...train[20]!, species: train[20]!.species === 'Adelie' ? 'Gentoo' : 'Adelie' }], {
  name: 'export.csv',
})

describe('toBeHygienic messages', () => {
  test('repeated and conflicting rows, each with a fix', async () => {
    expect(await failureSnapshot(() => expect(dirty).toBeHygienic({ label: 'species' }))).toMatchInlineSnapshot(`
      "expect(data).toBeHygienic()

      export.csv is not clean: 2 issues (260 rows, 6 features, label "species"):
        [high] species (conflicting-labels): 2 of 260 rows (share 0.007692) in 1 group(s) have equal features and different labels (rows 20, 259: "Adelie" x1 vs "Gentoo" x1). Fix: relabel or drop the conflicting rows (a labelling error, or a feature missing that tells them apart)
        [medium] duplicate-rows: 10 of 260 rows (share 0.03846) repeat an earlier row (10 distinct rows repeated). Fix: drop repeats before training and evaluating (they overweight some rows and, across a split, leak); find the join or replay that made them"
    `)
  })

  test('maxListed cuts the list with the one closing line', async () => {
    expect(await failureSnapshot(() => expect(dirty).toBeHygienic({ label: 'species', maxListed: 1 }))).toMatchInlineSnapshot(`
      "expect(data).toBeHygienic()

      export.csv is not clean: 2 issues (260 rows, 6 features, label "species"):
        [high] species (conflicting-labels): 2 of 260 rows (share 0.007692) in 1 group(s) have equal features and different labels (rows 20, 259: "Adelie" x1 vs "Gentoo" x1). Fix: relabel or drop the conflicting rows (a labelling error, or a feature missing that tells them apart)
        ... and 1 more issue (raise maxListed to list them)"
    `)
  })

  test('.not', async () => {
    expect(await failureSnapshot(() => expect(trainSet).not.toBeHygienic({ label: 'species' }))).toMatchInlineSnapshot(`
      "expect(data).not.toBeHygienic()

      Expected train.csv to have hygiene issues, but it is clean (249 rows, 6 features, label "species")."
    `)
  })
})

describe('toBeHeldOutFrom messages beyond repeated rows', () => {
  const stamp = (rows: readonly Record<string, unknown>[], start: number): Record<string, unknown>[] =>
    rows.map((row, index) => ({
      ...row,
      id: `P${start + index}`,
      seen: new Date(Date.UTC(2007, 0, 1) + (start + index) * 86_400_000).toISOString().slice(0, 10),
    }))
  const trainRows = stamp(train, 0)
  const testRows = stamp(held, train.length)

  test('test rows older than training, shared ids and a feature that encodes the label, each with a fix', async () => {
    const dated: Record<string, unknown>[] = [...stamp(held.slice(0, 40), 100).map((row, index) => ({ ...row, id: `T${index}` })), ...trainRows.slice(0, 2)]
    const ticketed = dated.map((row) => ({ ...row, ticket: String(row['species']).slice(0, 3) }))
    const training = trainRows.map((row) => ({ ...row, ticket: String(row['species']).slice(0, 3) }))
    expect(await failureSnapshot(() => expect(ticketed).toBeHeldOutFrom(training, { label: 'species', time: 'seen', ids: ['id'] }))).toMatchInlineSnapshot(`
      "expect(test).toBeHeldOutFrom(train)

      The test set is not held out from the training set:
        exact duplicates: 2 of 42 test rows also in the 249 training rows (share 0.04762, expected <= 0)
        near duplicates: 0 of 42 test rows within 0.01 standard deviations of a training row (share 0, expected <= 0)
        examples:
          test row 40 {"species":"Adelie","island":"Torgersen","beak_length_mm":39.1,"beak_depth_mm":18.7,"flipper_length_mm":181,"body_mass_g":3750,"sex":"MALE","seen":"2007-01-01","ticket":"Ade"} ~ train row 0 {"species":"Adelie","island":"Torgersen","beak_length_mm":39.1,"beak_depth_mm":18.7,"flipper_length_mm":181,"body_mass_g":3750,"sex":"MALE","seen":"2007-01-01","ticket":"Ade"}
          test row 41 {"species":"Adelie","island":"Torgersen","beak_length_mm":39.5,"beak_depth_mm":17.4,"flipper_length_mm":186,"body_mass_g":3800,"sex":"FEMALE","seen":"2007-01-02","ticket":"Ade"} ~ train row 1 {"species":"Adelie","island":"Torgersen","beak_length_mm":39.5,"beak_depth_mm":17.4,"flipper_length_mm":186,"body_mass_g":3800,"sex":"FEMALE","seen":"2007-01-02","ticket":"Ade"}
        test set sha256 3d89d9e0cf7b55e2…, train set sha256 54d2f65aed7ec3f2…
        time overlap: 42 of 42 test rows older than the newest training row (seen 2007-09-06; test starts 2007-01-01), share 1, expected <= 0
        shared ids: 2 of 42 test rows have ids (id) also in training, share 0.04762, expected <= 0; e.g. test row 40 ~ train row 0 (id="P0")
        single features: 1 give the label away, ticket alone scores 1 (accuracy 1 vs majority 0.9286), expected < 0.95
      Fix: drop the test rows that are (near) copies of training rows, or split again so no record lands on both sides
      Fix: split by time: train on rows before a cut-off in "seen", test on rows after it (a random split trains on the future)
      Fix: split by id (a group split: every row of one entity on the same side)
      Fix: check how "ticket" is produced: a feature known only after the label (or derived from it) must not be an input; drop it or rebuild it from data available at prediction time"
    `)
  })

  test('.not on a split by time and id', async () => {
    expect(
      await failureSnapshot(() => expect(testRows).not.toBeHeldOutFrom(trainRows, { label: 'species', time: 'seen', ids: ['id'] })),
    ).toMatchInlineSnapshot(`
      "expect(test).not.toBeHeldOutFrom(train)

      Expected the test set to overlap the training set, but it is held out:
        exact duplicates: 0 of 84 test rows also in the 249 training rows (share 0, expected <= 0)
        near duplicates: 0 of 84 test rows within 0.01 standard deviations of a training row (share 0, expected <= 0)
        test set sha256 5d7ee34dda33dc5a…, train set sha256 ed51a3e0eca3cd03…
        time overlap: 0 of 84 test rows older than the newest training row (seen 2007-09-06; test starts 2007-09-07), share 0, expected <= 0
        shared ids: 0 of 84 test rows have ids (id) also in training, share 0, expected <= 0
        single features: best flipper_length_mm alone scores 0.5745 (accuracy 0.7619 vs majority 0.4405), expected < 0.95"
    `)
  })
})
