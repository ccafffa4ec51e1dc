import { describe, expect, it } from 'vitest'
import { toPrediction, toPredictions } from '../../../src/evaluation/to-prediction.js'

describe('toPrediction', () => {
  it('reads labels, scores and one-element rows', () => {
    expect(toPrediction('Adelie')).toEqual({ label: 'Adelie' })
    expect(toPrediction(2n)).toEqual({ label: 2 })
    expect(toPrediction(true)).toEqual({ label: 1, score: 1 })
    expect(toPrediction(23.4)).toEqual({ label: 23.4, score: 23.4 })
    expect(toPrediction([23.4])).toEqual({ label: 23.4, score: 23.4 })
    expect(toPrediction(new Float32Array([0.5]))).toEqual({ label: 0.5, score: 0.5 })
  })

  it('takes the argmax of a probability row, keeps the row, and maps it through classes', () => {
    const classes = ['Adelie', 'Chinstrap', 'Gentoo']
    expect(toPrediction([0.1, 0.7, 0.2], { classes })).toEqual({ label: 'Chinstrap', probabilities: [0.1, 0.7, 0.2] })
    expect(toPrediction([0.1, 0.7, 0.2])).toEqual({ label: 1, probabilities: [0.1, 0.7, 0.2] })
    expect(toPrediction([0.3, 0.7])).toEqual({ label: 1, score: 0.7, probabilities: [0.3, 0.7] })
  })

  it('thresholds a single score into a class', () => {
    expect(toPrediction(0.8, { threshold: 0.5 })).toEqual({ label: 1, score: 0.8 })
    expect(toPrediction(0.2, { threshold: 0.5, classes: ['no', 'yes'] })).toEqual({ label: 'no', score: 0.2 })
  })

  it('reads a record of named ONNX outputs: the label output wins, the probabilities are kept', () => {
    const classes = ['Adelie', 'Chinstrap', 'Gentoo']
    expect(toPrediction({ probabilities: [0.2, 0.5, 0.3], label: 2n }, { classes })).toEqual({ label: 'Gentoo', probabilities: [0.2, 0.5, 0.3] })
    expect(toPrediction({ prediction: [31.5] })).toEqual({ label: 31.5, score: 31.5 })
    expect(toPrediction({ anything: 'x' })).toEqual({ label: 'x' })
  })

  it("reads skl2onnx's output names: output_label wins, output_probability is kept", () => {
    expect(toPrediction({ output_label: 'Gentoo', output_probability: [0.1, 0.2, 0.7] })).toEqual({ label: 'Gentoo', probabilities: [0.1, 0.2, 0.7] })
    expect(toPrediction({ output_probability: [0.6, 0.4] }, { classes: ['negative', 'positive'] })).toEqual({
      label: 'negative',
      score: 0.4,
      probabilities: [0.6, 0.4],
    })
  })

  it('rejects NaN, empty rows and unreadable outputs, naming the row', () => {
    expect(() => toPrediction(Number.NaN)).toThrow(/toPrediction: expected a finite model output, received NaN/)
    expect(() => toPrediction([])).toThrow(/expected a non-empty output row/)
    expect(() => toPrediction({ a: 1, b: 2 })).toThrow(/expected a record with one of probabilities/)
    expect(() =>
      toPredictions([
        [0.5, 0.5],
        [0.5, Number.NaN],
      ]),
    ).toThrow(/^toPrediction: expected a row of finite probabilities for every row, received \[0\.5, NaN\] at row 1\.\nHint: /)
  })

  it('a missing or empty output is an error under the name of the caller, naming the row', () => {
    expect(() => toPredictions([0, undefined], {}, 'toBeatBaseline')).toThrow(
      /^toBeatBaseline: expected a label, a score, a probability row or a record of named outputs for every row, received undefined at row 1\.\nHint: The model must answer every row/,
    )
    expect(() => toPredictions([{}], {}, 'toBeatBaseline')).toThrow(
      /^toBeatBaseline: expected a record of named outputs for every row, received an empty record \{\} at row 0\./,
    )
    expect(() => toPredictions([[]], {}, 'toBeatBaseline')).toThrow(
      /^toBeatBaseline: expected a non-empty output row for every row, received an empty row at row 0\./,
    )
    expect(() => toPredictions([null], {}, 'toBeatBaseline')).toThrow(/received null at row 0/)
  })
})
