import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { calibrationOf } from '../../../../src/evaluation/calibration/assess-calibration.js'
import { brierDecomposition } from '../../../../src/evaluation/calibration/brier-decomposition.js'
import { classProbabilities } from '../../../../src/evaluation/calibration/class-probabilities.js'
import { confidenceBias } from '../../../../src/evaluation/calibration/confidence-bias.js'
import { brierScore } from '../../../../src/evaluation/metrics/brier-score.js'
import { expectedCalibrationError } from '../../../../src/evaluation/metrics/expected-calibration-error.js'

// Reference values: scripts/reference/segments_fairness_calibration_reference.py (scikit-learn 1.2.1, numpy 1.24.2).
const reference = JSON.parse(readFileSync('test/fixtures/reference/segments-fairness-calibration.json', 'utf8'))
const { binary, multiclass } = reference.calibration

describe('expectedCalibrationError: equal-width and equal-mass bins', () => {
  test.each([
    ['uniform', 10, 'uniform10'],
    ['quantile', 10, 'quantile10'],
    ['uniform', 5, 'uniform5'],
    ['quantile', 5, 'quantile5'],
  ] as const)('binary, %s bins (%i) match sklearn.calibration.calibration_curve', (strategy, bins, key) => {
    const expected = binary[key]
    const result = expectedCalibrationError(binary.y, binary.p, { bins, strategy })
    const filled = result.bins.filter((bin) => bin.count > 0)
    // calibration_curve(y, p, n_bins, strategy) -> prob_true, prob_pred over the non-empty bins
    expect(filled.map((bin) => bin.count)).toEqual(expected.counts)
    filled.forEach((bin, k) => {
      expect(bin.observedFrequency).toBeCloseTo(expected.probTrue[k], 8)
      expect(bin.meanConfidence).toBeCloseTo(expected.probPred[k], 8)
    })
    expect(result.ece).toBeCloseTo(expected.ece, 10)
    expect(result.maxCalibrationError).toBeCloseTo(expected.mce, 10)
  })

  test('multiclass top-label ECE matches calibration_curve on (max probability, correct)', () => {
    const uniform = expectedCalibrationError(multiclass.labels, multiclass.probabilities, { classes: multiclass.classes })
    const quantile = expectedCalibrationError(multiclass.labels, multiclass.probabilities, { classes: multiclass.classes, strategy: 'quantile' })
    expect(uniform.ece).toBeCloseTo(multiclass.topLabelUniform10.ece, 10)
    expect(quantile.ece).toBeCloseTo(multiclass.topLabelQuantile10.ece, 10)
    expect(quantile.maxCalibrationError).toBeCloseTo(multiclass.topLabelQuantile10.mce, 10)
  })

  test('an unknown strategy is an error with a hint', () => {
    expect(() => expectedCalibrationError([0, 1], [0.2, 0.8], { strategy: 'equal' as never })).toThrow(
      /expected strategy 'uniform' or 'quantile', received "equal"/,
    )
  })
})

describe('brierDecomposition (Murphy 1973)', () => {
  test('binary: the parts match the numpy reference and add up to sklearn.metrics.brier_score_loss', () => {
    const parts = brierDecomposition(binary.y, binary.p)
    expect(parts.brier).toBeCloseTo(binary.brierScoreLoss, 12) // brier_score_loss(y, p) -> 0.1708
    for (const key of ['reliability', 'resolution', 'uncertainty', 'withinBin'] as const) expect(parts[key]).toBeCloseTo(binary.murphy10[key], 12)
    expect(parts.reliability - parts.resolution + parts.uncertainty + parts.withinBin).toBeCloseTo(parts.brier, 12)
  })

  test('multiclass: summed one-vs-rest parts; the score is brierScore', () => {
    const parts = brierDecomposition(multiclass.labels, multiclass.probabilities, { classes: multiclass.classes })
    expect(parts.brier).toBeCloseTo(multiclass.brier, 10)
    expect(parts.brier).toBeCloseTo(brierScore(multiclass.labels, multiclass.probabilities, { classes: multiclass.classes }), 10)
    for (const key of ['reliability', 'resolution', 'uncertainty', 'withinBin'] as const) expect(parts[key]).toBeCloseTo(multiclass.murphy10[key], 10)
  })

  test('a forecast constant within bins leaves nothing within bins', () => {
    expect(brierDecomposition([0, 0, 1, 1], [0.1, 0.1, 0.9, 0.9])).toEqual({
      brier: expect.closeTo(0.01, 12),
      reliability: expect.closeTo(0.01, 12),
      resolution: expect.closeTo(0.25, 12),
      uncertainty: 0.25,
      withinBin: expect.closeTo(0, 12),
    })
  })
})

describe('confidenceBias: over- and under-confidence per predicted class', () => {
  test('matches the numpy/scipy reference (z and two-sided p)', () => {
    const found = confidenceBias(classProbabilities('test', multiclass.labels, multiclass.probabilities, { classes: multiclass.classes }))
    expect(found).toHaveLength(multiclass.confidenceBias.length)
    found.forEach((entry, k) => {
      const expected = multiclass.confidenceBias[k]
      expect(entry).toMatchObject({ label: expected.class, rows: expected.rows })
      expect(entry.gap).toBeCloseTo(expected.gap, 10)
      expect(entry.z).toBeCloseTo(expected.z, 10)
      expect(entry.pValue).toBeCloseTo(expected.pValue, 10)
      expect(entry.adjustedPValue).toBeCloseTo(Math.min(1, 3 * expected.pValue), 10)
    })
    // class a: p = 0.0029 x 3 < 0.05 -> over-confident; b and c do not survive the correction
    expect(found.map((entry) => entry.verdict)).toEqual(['over-confident', 'consistent', 'consistent'])
  })
})

describe('calibrationOf', () => {
  test('reports both ECEs, the Brier parts and a bias-corrected bootstrap upper bound; same seed, same bound', () => {
    const predictions = binary.p.map((p: number) => ({ label: p >= 0.5 ? 1 : 0, score: p }))
    const result = calibrationOf(binary.y, predictions, { seed: 3, resamples: 500 }, 'm')
    expect(result.ece).toBeCloseTo(binary.uniform10.ece, 10)
    expect(result.eceQuantile).toBeCloseTo(binary.quantile10.ece, 10)
    expect(result.brier.reliability).toBeCloseTo(binary.murphy10.reliability, 10)
    // basic bootstrap: 2 x ECE - the 5% quantile of the resampled ECEs; the resampled ECEs sit above the ECE (bias > 0)
    expect(result.eceBias).toBeGreaterThan(0)
    expect(result.eceUpper).toBeGreaterThan(result.ece - result.eceBias)
    expect(calibrationOf(binary.y, predictions, { seed: 3, resamples: 500 }, 'm').eceUpper).toBe(result.eceUpper)
    expect(result.plot).toMatchObject({
      type: 'reliability',
      series: [{ name: 'equal-width bins (10)' }, { name: 'equal-mass bins (10)' }, { name: 'perfectly calibrated' }],
    })
  })

  test('labels without probabilities are an error that names the row', () => {
    expect(() => calibrationOf([0, 1], [{ label: 0, score: 0.1 }, { label: 1 }], {}, 'm')).toThrow(
      /toBeCalibrated: expected a probability \(or a probability row\) for every prediction, received 1 at row 1/,
    )
  })
})
