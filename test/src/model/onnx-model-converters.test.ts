// onnxModel on models as converters write them (models/converters/, see scripts/converters/README.md): every output
// is compared with the Python reference stored beside the model (scikit-learn predict / predict_proba, torch or the
// numpy evaluator of the converted graph), on the held-out rows.
import * as ort from 'onnxruntime-node'
import { describe, expect, test } from 'vitest'
import { onnxModel } from '../../../src/model/onnx-model.js'
import { converterFixture, maxAbsDifference } from '../../support/converter-fixtures.js'

const argmax = (row: readonly number[]): number => row.reduce((best, value, index) => (value > (row[best] as number) ? index : best), 0)

describe('a scikit-learn classifier exported with skl2onnx defaults (int64 label + ZipMap probabilities)', () => {
  const fixture = converterFixture('penguins-logreg-zipmap')
  const reference = fixture.reference

  test('loads with the label output alone and answers the labels scikit-learn predicts', async () => {
    const model = await onnxModel(fixture.path, { output: 'output_label' })
    expect(model.outputs.map((output) => [output.name, output.kind])).toEqual([
      ['output_label', 'tensor'],
      ['output_probability', 'zipmap'],
    ])
    expect(await model.predict(fixture.rows)).toEqual(reference.label?.values)
    // the identity is the file on disk, not the session's copy with the extra output
    expect(model.identity.sha256).toBe(fixture.sha256)
    await model.release()
  })

  test('without `output` it serves the first readable output, the label', async () => {
    const model = await onnxModel(fixture.path)
    expect(model.selected.map((output) => output.name)).toEqual(['output_label'])
    expect((await model.predict(fixture.rows.slice(0, 3))).every((label) => typeof label === 'number')).toBe(true)
    await model.release()
  })

  test('reads the ZipMap output as probability rows in class order, equal to predict_proba', async () => {
    const model = await onnxModel<number[]>(fixture.path, { output: 'output_probability' })
    expect(model.classes).toEqual([0, 1, 2])
    expect(model.selected[0]).toMatchObject({ kind: 'zipmap', tensor: 'probabilities', classes: [0, 1, 2], shape: ['', 3] })
    const rows = await model.predict(fixture.rows)
    // sklearn LogisticRegression.predict_proba(X_test) (float64), atol 1e-5 from the rows file
    expect(maxAbsDifference(rows, reference.probabilities?.values ?? [])).toBeLessThanOrEqual(reference.probabilities?.atol as number)
    expect(rows.map(argmax)).toEqual(reference.label?.values)
    await model.release()
  })

  test('label and probabilities together, and a fresh session answers the same', async () => {
    const model = await onnxModel<{ output_label: number; output_probability: number[] }>(fixture.path, { output: ['output_label', 'output_probability'] })
    const [first] = await model.predict(fixture.rows.slice(0, 1))
    expect(first?.output_label).toBe(reference.label?.values[0])
    expect(first?.output_probability).toHaveLength(3)
    const fresh = await model.fresh()
    expect(await fresh.predict(fixture.rows)).toEqual(await model.predict(fixture.rows))
    await Promise.all([model.release(), fresh.release()])
  })

  test('onnxruntime-node itself cannot return the ZipMap (the reason for reading its input tensor)', async () => {
    const session = await ort.InferenceSession.create(fixture.path)
    const feeds = { float_input: new ort.Tensor('float32', Float32Array.from(fixture.rows[0] as number[]), [1, 4]) }
    await expect(session.run(feeds)).rejects.toThrow(/Non tensor type is temporarily not supported/)
    await session.release()
  })
})

describe.each([
  ['penguins-logreg-strings-zipmap', ['Adelie', 'Chinstrap', 'Gentoo'], 'probabilities'],
  ['penguins-gbc-zipmap', [0, 1, 2], 'proba_output'],
  ['penguins-pipeline-zipmap', ['Adelie', 'Chinstrap', 'Gentoo'], 'probabilities'],
  ['text-sentiment-zipmap', ['negative', 'positive'], 'probabilities'],
] as const)('%s', (name, classes, tensor) => {
  const fixture = converterFixture(name)

  test('labels and ZipMap probabilities equal scikit-learn on every held-out row', async () => {
    const model = await onnxModel<{ output_label: number | string; output_probability: number[] }>(fixture.path, {
      output: ['output_label', 'output_probability'],
    })
    expect(model.classes).toEqual(classes)
    expect(model.selected[1]).toMatchObject({ kind: 'zipmap', tensor })
    const outputs = await model.predict(fixture.rows)
    expect(outputs.map((output) => output.output_label)).toEqual(fixture.reference.label?.values)
    const probabilities = outputs.map((output) => output.output_probability)
    expect(maxAbsDifference(probabilities, fixture.reference.probabilities?.values ?? [])).toBeLessThanOrEqual(fixture.reference.probabilities?.atol as number)
    const accuracy = outputs.filter((output, row) => output.output_label === fixture.truth[row]).length / outputs.length
    expect(accuracy).toBe(fixture.pythonAccuracy)
    await model.release()
  })
})

describe('a ColumnTransformer pipeline with string columns (one [N, 1] input per column)', () => {
  const fixture = converterFixture('penguins-pipeline-zipmap')
  const row = { island: 'Dream', beak_length_mm: 49.5, beak_depth_mm: 19, flipper_length_mm: 200, body_mass_g: 3800, sex: 'MALE' }

  test('takes rows by input name with plain values or one-element arrays, and answers string labels', async () => {
    const model = await onnxModel(fixture.path, { output: 'output_label' })
    expect(model.inputs.map((input) => [input.name, input.type, input.shape])).toEqual([
      ['island', 'string', ['', 1]],
      ['beak_length_mm', 'float32', ['', 1]],
      ['beak_depth_mm', 'float32', ['', 1]],
      ['flipper_length_mm', 'float32', ['', 1]],
      ['body_mass_g', 'float32', ['', 1]],
      ['sex', 'string', ['', 1]],
    ])
    const wrapped = Object.fromEntries(Object.entries(row).map(([key, value]) => [key, [value]]))
    expect(await model.predict([row, wrapped])).toEqual(['Chinstrap', 'Chinstrap'])
    await model.release()
  })

  test('a number in a string column names the input and the kind', async () => {
    const model = await onnxModel(fixture.path, { output: 'output_label', name: 'pipeline.onnx' })
    await expect(model.predict([row, { ...row, island: 1 }])).rejects.toThrow(
      /^pipeline\.onnx: expected strings in input "island", received 1 at row 1\.\nHint: "island" takes text/,
    )
    await expect(model.predict([{ ...row, sex: undefined }])).rejects.toThrow(
      /expected row 0 to provide input "sex", received a record with keys \[island, beak_length_mm, beak_depth_mm, flipper_length_mm, body_mass_g, sex\]/,
    )
    await model.release()
  })
})

describe('a text classifier with its tokenizer in the graph', () => {
  test('each row is the sentence; a StringNormalizer without a locale fails to load with a fix, or runs', async () => {
    const fixture = converterFixture('text-sentiment-zipmap-default-locale')
    const loaded = await onnxModel(fixture.path, { output: 'output_label' }).then(
      (model) => model,
      (error: unknown) => error as Error,
    )
    if (loaded instanceof Error) {
      expect(loaded.message).toMatch(
        /^onnxModel: expected the locale en_US\.UTF-8 that "text-sentiment-zipmap-default-locale\.onnx" asks for .*received a machine without it\.\nHint: Export the text pipeline with skl2onnx's `options=\{TfidfVectorizer: \{'locale': 'C'\}\}`/,
      )
    } else {
      // where en_US.UTF-8 exists the model is the same as the 'C'-locale one on these ASCII sentences
      expect(await loaded.predict(fixture.rows)).toEqual(fixture.reference.label?.values)
      await loaded.release()
    }
  })
})

describe('the torch CNN, its float16 conversion and its dynamic int8 quantization', () => {
  test.each([['digits-cnn'], ['digits-cnn-float16'], ['digits-cnn-int8']] as const)('%s: logits match the reference, flat or nested rows', async (name) => {
    const fixture = converterFixture(name)
    const scores = fixture.reference.scores
    const model = await onnxModel<number[]>(fixture.path, { output: 'logits' })
    expect(model.inputs[0]?.rowShape).toEqual([1, 8, 8])
    const logits = await model.predict(fixture.rows)
    // torch forward pass / numpy evaluation of the converted graph, with the rows file's tolerances
    const worst = logits.reduce(
      (largest, row, i) =>
        Math.max(
          largest,
          ...row.map((value, j) => {
            const expected = scores?.values[i]?.[j] as number
            return Math.abs(value - expected) - (scores?.rtol ?? 0) * Math.abs(expected)
          }),
        ),
      0,
    )
    expect(worst).toBeLessThanOrEqual(scores?.atol as number)
    const accuracy = logits.filter((row, i) => argmax(row) === fixture.truth[i]).length / logits.length
    expect(accuracy).toBe(fixture.pythonAccuracy)
    const image = fixture.rows[0] as number[]
    const nested = [Array.from({ length: 8 }, (_, r) => image.slice(8 * r, 8 * r + 8))]
    expect(await model.predict([nested, Float32Array.from(image)])).toEqual(await model.predict([image, image]))
    await model.release()
  })

  test('an image of the wrong shape names the expected row shape', async () => {
    const model = await onnxModel('models/converters/digits-cnn-float16.onnx', { output: 'logits' })
    const image = Array.from({ length: 8 }, () => new Array<number>(8).fill(0))
    await expect(model.predict([image])).rejects.toThrow(
      /^digits-cnn-float16\.onnx: expected input "input" rows of shape \[1, 8, 8\] \(64 values\) \(input shape \[batch, 1, 8, 8\]\), received nested arrays of shape \[8, 8\] at row 0\.\nHint: Pass each row as nested arrays of shape \[1, 8, 8\], or flat in row-major order/,
    )
    await model.release()
  })
})
