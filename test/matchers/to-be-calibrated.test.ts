import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { evaluationMatchers } from '../../matchers/evaluation-index.js'
import { rubricItemsOf } from '../../src/checklist/evidence-check.js'
import { type OnnxModel, onnxModel } from '../../src/model/onnx-model.js'
import { checksFromMeta } from '../../src/record/check-record.js'
import { catOrDog, failureOf, plain } from '../support/malformed-models.js'
import { loadSplit } from '../support/model-split.js'
import { applicantModel, applicants, temperatureScaled } from '../support/planted-models.js'

expect.extend(evaluationMatchers)

const { classNames, test: held } = loadSplit('penguins-mlp')
let mlp: OnnxModel
beforeAll(async () => {
  mlp = await onnxModel('models/penguins-mlp.onnx', { output: 'probabilities' })
})
afterAll(() => mlp.release())

describe('toBeCalibrated', () => {
  test('passes: the MLP on the held-out penguins, with the reliability diagram and the Brier parts recorded', async ({ task }) => {
    await expect(mlp).toBeCalibrated({ data: held, classes: classNames, maxEce: 0.05 })
    const record = checksFromMeta(task.meta).at(-1)
    expect(record).toMatchObject({ kind: 'calibration', passed: true, checklist: ['held-out-test'], metrics: { maxEce: 0.05, classesMiscalibrated: 0 } })
    expect(record?.metrics['eceUpper']).toBeLessThan(0.05)
    expect(record?.plots?.[0]).toMatchObject({
      type: 'reliability',
      series: [{ name: 'equal-width bins (10)' }, { name: 'equal-mass bins (10)' }, { name: 'perfectly calibrated' }],
    })
    // CHECK_KINDS: what the record is evidence for in the ML Test Score
    expect(rubricItemsOf(record!)).toEqual(['infra-4'])
  })

  test('fails: the MLP with its probabilities softened (temperature 4) is under-confident, with its reliability diagram in the report', async ({ task }) => {
    const softened = temperatureScaled(mlp as never, 4, 'penguins-mlp-softened')
    const failure = await failureOf(expect(softened).toBeCalibrated({ data: held, classes: classNames, maxEce: 0.05 }))
    expect(plain(failure?.message)).toMatch(
      /^expect\(model\)\.toBeCalibrated\(options\)\n\npenguins-mlp-softened is not calibrated: ECE 0\.\d+ \(equal-width bins, 10\), one-sided 95% bias-corrected upper bound 0\.\d+ > maxEce 0\.05\.\nECE equal-width 0\.\d+, equal-mass 0\.\d+; max calibration error 0\.\d+; measured on the top-label confidence over 86 rows\.\nBrier 0\.\d+ = reliability 0\.\d+ - resolution 0\.\d+ \+ uncertainty 0\.6357 \+ within-bin [\d.e-]+\.\nPer predicted class \(Bonferroni over classes\):\n {2}Adelie: n = 39, confidence 0\.\d+ vs accuracy 0\.9744, gap -0\.\d+ \(under-confident, adjusted p = [\d.e-]+\)\n/,
    )
    const record = checksFromMeta(task.meta).at(-1)
    expect(record).toMatchObject({ kind: 'calibration', passed: false, plots: [{ type: 'reliability' }] })
    expect(record?.message).toMatch(/^penguins-mlp-softened is not calibrated: ECE /)
    expect(record?.warnings?.[0]).toMatch(/^Adelie: under-confident \(confidence 0\.\d+ vs accuracy 0\.9744\)$/)
  })

  test('.not: passes for the softened model, fails for the MLP', async () => {
    await expect(temperatureScaled(mlp as never, 4, 'softened')).not.toBeCalibrated({ data: held, classes: classNames, maxEce: 0.05 })
    const failure = await failureOf(expect(mlp).not.toBeCalibrated({ data: held, classes: classNames, maxEce: 0.05 }))
    expect(plain(failure?.message)).toContain(
      'Expected penguins-mlp.onnx to be miscalibrated, but ECE 0.006555 (equal-width bins, 10), one-sided 95% bias-corrected upper bound 0.01016 <= maxEce 0.05.',
    )
  })

  test('a small test set does not pass by luck: the same calibrated scorer fails on 40 rows and passes on 4000', async () => {
    const scorer = applicantModel(0, 'calibrated-scorer')
    const small = await failureOf(expect(scorer).toBeCalibrated({ data: applicants(40, 'small'), maxEce: 0.08 }))
    expect(plain(small?.message)).toMatch(
      /calibrated-scorer is not calibrated: ECE 0\.\d+ \(equal-width bins, 10\), one-sided 95% bias-corrected upper bound 0\.\d+ > maxEce 0\.08\.\nECE equal-width 0\.\d+, equal-mass 0\.\d+; max calibration error 0\.\d+; measured on P\(1\) over 40 rows\./,
    )
    await expect(scorer).toBeCalibrated({ data: applicants(4000, 'large'), maxEce: 0.08, strategy: 'quantile' })
  })

  test('bad input: no maxEce, labels without probabilities', async () => {
    await expect(expect(mlp).toBeCalibrated({ data: held, classes: classNames } as never)).rejects.toThrow(
      /^toBeCalibrated: expected `maxEce` in \[0, 1\], received undefined\./,
    )
    await expect(expect(catOrDog).toBeCalibrated({ data: { inputs: [[0.1], [0.9]], labels: ['dog', 'cat'] }, maxEce: 0.1 })).rejects.toThrow(
      /^toBeCalibrated: expected a probability \(or a probability row\) for every prediction, received "dog" at row 0\./,
    )
  })
})
