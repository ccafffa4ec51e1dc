import { describe, expect, it } from 'vitest'
import { expectedCalibrationError, reliabilityPlot } from '../../../../src/evaluation/metrics/expected-calibration-error.js'
import { expectedObject, reference } from './reference.js'

const { binary, multiclass } = reference

describe('expectedCalibrationError', () => {
  it('bins as sklearn.calibration.calibration_curve (uniform)', () => {
    // sklearn.calibration.calibration_curve(y, p, n_bins=5) -> prob_true [0, 0, 0.25, 0.4706, 1], prob_pred [0.1643, ...]
    const expected = expectedObject<{ probTrue: number[]; probPred: number[] }>(binary, 'calibration_curve(y, probabilities, n_bins=5)')
    const result = expectedCalibrationError(binary.yTrue, binary.probabilities, { bins: 5 })
    const filled = result.bins.filter((bin) => bin.count > 0)
    expect(filled.map((bin) => bin.observedFrequency)).toEqual(expected.probTrue.map((value) => expect.closeTo(value, 12)))
    expect(filled.map((bin) => bin.meanConfidence)).toEqual(expected.probPred.map((value) => expect.closeTo(value, 12)))
    const ece = filled.reduce((sum, bin) => sum + (bin.count / binary.yTrue.length) * Math.abs(bin.observedFrequency - bin.meanConfidence), 0)
    expect(result.ece).toBeCloseTo(ece, 14)
  })

  it('computes the documented example and puts a value on an edge in the lower bin', () => {
    const result = expectedCalibrationError([0, 1, 1, 1], [0.2, 0.7, 0.8, 0.9], { bins: 5 })
    expect(result.ece).toBeCloseTo(0.2, 14)
    expect(result.bins.map((bin) => bin.count)).toEqual([1, 0, 0, 2, 1])
  })

  it('uses top-label confidence for a probability matrix and draws a reliability plot', () => {
    const result = expectedCalibrationError(multiclass.yTrue, multiclass.probabilities, { classes: multiclass.classes })
    expect(result.bins).toHaveLength(10)
    expect(result.bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(multiclass.yTrue.length)
    expect(result.ece).toBeGreaterThan(0)
    expect(result.maxCalibrationError).toBeGreaterThanOrEqual(result.ece)
    expect(reliabilityPlot(result, 'calibration').series[1]?.points).toEqual([
      [0, 0],
      [1, 1],
    ])
  })

  it('rejects a bad bin count and probabilities outside [0, 1]', () => {
    expect(() => expectedCalibrationError([0, 1], [0.1, 0.9], { bins: 0 })).toThrow(/expected a positive integer number of bins, received 0/)
    expect(() => expectedCalibrationError([0, 1], [0.1, 1.5])).toThrow(/expected probabilities in \[0, 1\], received 1.5 at row 1/)
  })
})
