import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { readOnnxGraph } from '../../../src/model/read-onnx-graph.js'
import { identityModel } from '../../support/typed-io-models.js'

const read = (name: string) => readOnnxGraph(readFileSync(`models/converters/${name}.onnx`))

describe('readOnnxGraph', () => {
  // The class labels and ZipMap inputs below are those models/converters/manifest.json and the rows files record
  // (`classes`, `reference.probabilities.tensor`), written by scripts/converters/make_*.py from scikit-learn's classes_.
  test('finds the ZipMap, the tensor it zips and its string or int64 class labels', () => {
    expect(read('penguins-pipeline-zipmap')).toEqual({
      zipMaps: [{ output: 'output_probability', tensor: 'probabilities', classes: ['Adelie', 'Chinstrap', 'Gentoo'] }],
      classes: ['Adelie', 'Chinstrap', 'Gentoo'],
    })
    expect(read('penguins-gbc-zipmap')).toEqual({ zipMaps: [{ output: 'output_probability', tensor: 'proba_output', classes: [0, 1, 2] }], classes: [0, 1, 2] })
    expect(read('text-sentiment-zipmap')?.classes).toEqual(['negative', 'positive'])
  })

  test('without a ZipMap the classes come from the one ai.onnx.ml classifier node', () => {
    expect(read('penguins-logreg-nozipmap')).toEqual({ zipMaps: [], classes: [0, 1, 2] })
  })

  test('a graph without a classifier has no classes; bytes that are not a protobuf give undefined', () => {
    expect(read('digits-cnn')).toEqual({ zipMaps: [] })
    expect(readOnnxGraph(identityModel('float32', ['N']))).toEqual({ zipMaps: [] })
    expect(readOnnxGraph(new TextEncoder().encode('ORT format, not protobuf \u0000\u0001'))).toBeUndefined()
  })
})
