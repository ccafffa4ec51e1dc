import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { evaluationMatchers } from '../../matchers/evaluation-index.js'
import { rubricItemsOf } from '../../src/checklist/evidence-check.js'
import { type OnnxModel, onnxModel } from '../../src/model/onnx-model.js'
import { checksFromMeta } from '../../src/record/check-record.js'
import { failureOf, plain } from '../support/malformed-models.js'
import { loadSplit } from '../support/model-split.js'
import { allPenguins, applicantModel, applicants, plantedPenguinModel } from '../support/planted-models.js'

expect.extend(evaluationMatchers)

const { classNames, test: held } = loadSplit('penguins-mlp')
const all = allPenguins()
const applicantData = applicants(2000, 'fairness-matcher')
let mlp: OnnxModel
beforeAll(async () => {
  mlp = await onnxModel('models/penguins-mlp.onnx', { output: 'probabilities' })
})
afterAll(() => mlp.release())

describe('toBeFairAcross', () => {
  test('passes: the MLP is as accurate for female as for male penguins (held-out rows; the 2 without a sex are listed, not compared)', async ({ task }) => {
    await expect(mlp).toBeFairAcross('Sex', { data: held, rows: held.rows, classes: classNames, metric: 'accuracyDifference', max: 0.1 })
    const record = checksFromMeta(task.meta).at(-1)
    expect(record).toMatchObject({
      kind: 'fairness',
      passed: true,
      checklist: ['held-out-test', 'review-false-positives-negatives'],
      metrics: { groupsCompared: 2, groupsTooSmall: 1, max: 0.1 },
    })
    expect(record?.warnings).toEqual(['group missing (2 rows) is smaller than minGroupSize and was not compared'])
    expect(record?.plots?.[0]).toMatchObject({ type: 'bar', categories: ['FEMALE', 'MALE'], series: [{ name: 'accuracy' }] })
    // CHECK_KINDS: what the record is evidence for in the ML Test Score
    expect(rubricItemsOf(record!)).toEqual(['model-7'])
  })

  test('fails: a planted unfair group, found by sex and pinned by the intersection of sex and island', async ({ task }) => {
    const planted = plantedPenguinModel(mlp as never, all.features)
    const bySex = await failureOf(expect(planted).toBeFairAcross('Sex', { data: all, classes: classNames, max: 0.05 }))
    expect(plain(bySex?.message)).toContain(
      'penguins-planted is unfair across Sex: accuracyDifference 0.2061, one-sided 95% lower bound 0.1576 > max 0.05 (90% bootstrap interval 0.1576-0.2545, resampled within each group).\nGroups of Sex:\n  FEMALE: n = 165, accuracy 0.7939\n  MALE: n = 168, accuracy 1\n',
    )
    const intersection = await failureOf(expect(planted).toBeFairAcross(['Sex', 'Island'], { data: all, classes: classNames, max: 0.1 }))
    expect(plain(intersection?.message)).toContain(
      'penguins-planted is unfair across Sex × Island: accuracyDifference 0.5574, one-sided 95% lower bound 0.4426 > max 0.1',
    )
    expect(plain(intersection?.message)).toContain('\n  FEMALE & Dream: n = 61, accuracy 0.4426\n')
    expect(plain(intersection?.message)).toContain('Replay: { seed: 42, resamples: 1000 }')
    expect(checksFromMeta(task.meta).at(-1)?.message).toMatch(/^penguins-planted is unfair across Sex × Island: accuracyDifference 0\.5574/)
  })

  test('binary decisions: demographic parity, equalized odds and the four-fifths ratio on a planted unfair scorer; .not both ways', async () => {
    const unfair = applicantModel(0.35)
    const parity = await failureOf(expect(unfair).toBeFairAcross('sex', { data: applicantData, threshold: 0.5, max: 0.1 }))
    expect(plain(parity?.message)).toMatch(
      /^expect\(model\)\.toBeFairAcross\(attribute\)\n\napplicants-unfair is unfair across sex: demographicParityDifference 0\.\d+, one-sided 95% lower bound 0\.\d+ > max 0\.1/,
    )
    expect(plain(parity?.message)).toMatch(/Groups of sex \(positive class 1\):\n {2}female: n = \d+, selection rate 0\.\d+, accuracy 0\.\d+\n/)
    // per-group calibration of P(1): the penalty makes women's scores too low (mean score below the observed rate)
    expect(plain(parity?.message)).toMatch(
      /\nCalibration of P\(1\) by group: female ECE 0\.\d+ \(mean score 0\.\d+ vs observed 0\.\d+\); male ECE 0\.0\d+ \(mean score 0\.\d+ vs observed 0\.\d+\)\.\n/,
    )
    await expect(unfair).not.toBeFairAcross('sex', { data: applicantData, threshold: 0.5, metric: 'equalizedOddsDifference', max: 0.1 })
    await expect(unfair).not.toBeFairAcross('sex', { data: applicantData, threshold: 0.5, metric: 'demographicParityRatio', min: 0.8 })
    await expect(applicantModel(0)).toBeFairAcross('sex', { data: applicantData, threshold: 0.5, metric: 'equalizedOddsDifference', max: 0.1 })
    const notFailure = await failureOf(
      expect(applicantModel(0)).not.toBeFairAcross('sex', { data: applicantData, threshold: 0.5, metric: 'demographicParityRatio', min: 0.8 }),
    )
    expect(plain(notFailure?.message)).toMatch(
      /Expected applicants-fair to be unfair across sex, but it is not confidently beyond the bar: demographicParityRatio 0\.\d+, one-sided 95% upper bound 0\.\d+ >= min 0\.8/,
    )
  })

  test('calibration difference across groups, and proxies of the attribute are reported', async ({ task }) => {
    const proxied = applicants(1000, 'proxy').inputs.map((row) => ({ ...row, shoe: (row.sex === 'female' ? 36 : 42) + (row.tenure % 3) }))
    const labels = applicants(1000, 'proxy').labels
    await expect(applicantModel(0)).toBeFairAcross('sex', { data: { inputs: proxied, labels }, threshold: 0.5, metric: 'calibrationDifference', max: 0.1 })
    const record = checksFromMeta(task.meta).at(-1)
    expect(record?.warnings).toContainEqual('shoe predicts sex (balanced accuracy 1, chance 0.5): a model can treat the groups differently through it')
    expect(record?.metrics['strongestProxyBalancedAccuracy']).toBe(1)
  })

  test('bad input: the wrong bar for the metric, a multiclass metric that needs a positive class, an unknown column, one group', async () => {
    await expect(
      expect(mlp).toBeFairAcross('Sex', { data: held, rows: held.rows, classes: classNames, metric: 'accuracyDifference', min: 0.8 }),
    ).rejects.toThrow(/^toBeFairAcross: expected `max` for accuracyDifference \(a difference: 0 is parity\), received `min: 0\.8`\./)
    await expect(
      expect(mlp).toBeFairAcross('Sex', { data: held, rows: held.rows, classes: classNames, metric: 'demographicParityDifference', max: 0.1 }),
    ).rejects.toThrow(/expected a positive class for demographicParityDifference, received 3 classes \("Adelie", "Chinstrap", "Gentoo"\)/)
    await expect(expect(mlp).toBeFairAcross('Gender', { data: held, rows: held.rows, classes: classNames, max: 0.1 })).rejects.toThrow(
      /expected rows with a column "Gender", received no row having it/,
    )
    await expect(expect(mlp).toBeFairAcross('Sex', { data: held, rows: held.rows, classes: classNames, max: 0.1, minGroupSize: 50 })).rejects.toThrow(
      /expected at least 2 groups of Sex with 50 or more rows, received FEMALE \(39\), MALE \(45\), missing \(2\)/,
    )
  })
})
