// Every matcher family on the converter fixture set (models/converters/, made the way torch.onnx.export, skl2onnx,
// onnxconverter-common's float16 conversion and onnxruntime's quantize_dynamic write models; see
// scripts/converters/README.md): range, determinism, invariance, monotonicity, golden cases, baseline and drift of
// outputs, each on the held-out rows stored beside the model (and on generated rows where the family generates).
import fc from 'fast-check'
import { afterAll, describe, expect, test } from 'vitest'
import type { DataRow } from '../../src/data/dataset.js'
import { featureSchema } from '../../src/data/feature-schema.js'
import { categorical, numeric } from '../../src/data/feature-spec.js'
import { functionModel } from '../../src/model/function-model.js'
import type { OnnxRow } from '../../src/model/onnx-feeds.js'
import { type OnnxModel, onnxModel } from '../../src/model/onnx-model.js'
import { rowOrder } from '../../src/relations/transforms/row-order.js'
import { type ConverterFixture, converterFixture } from '../support/converter-fixtures.js'

/** The penguin measurements as the skl2onnx models were trained on them (ranges of the 333 complete rows, widened). */
const measurements = {
  beak_length_mm: numeric({ min: 32, max: 60 }),
  beak_depth_mm: numeric({ min: 13, max: 22 }),
  flipper_length_mm: numeric({ min: 170, max: 232 }),
  body_mass_g: numeric({ min: 2700, max: 6300 }),
}
/** The ColumnTransformer pipeline's six inputs: two string columns, four float columns, by input name. */
const pipelineSchema = featureSchema({ island: categorical(['Biscoe', 'Dream', 'Torgersen']), ...measurements, sex: categorical(['FEMALE', 'MALE']) })
const measurementRows = featureSchema(measurements).arrays()
const pixelRows = fc.array(fc.integer({ min: 0, max: 16 }), { minLength: 64, maxLength: 64 })
const sentences = (fixture: ConverterFixture): fc.Arbitrary<string> => {
  const words = [...new Set(fixture.rows.flatMap((row) => String(row).split(/\s+/)))]
  return fc.oneof(
    fc.array(fc.constantFrom(...words), { maxLength: 20 }).map((picked) => picked.join(' ')),
    fc.string({ maxLength: 40 }),
  )
}

/** What each fixture is tested with. */
interface FixtureSpec {
  readonly name: string
  /** The output(s) served: a label + probability record for classifiers, logits for the CNNs. */
  readonly output: string | readonly string[]
  /** The probability (or score) output alone, for range and monotonicity. */
  readonly scores: string
  readonly range: { readonly probabilities: true } | { readonly min: number; readonly max: number }
  readonly generated: (fixture: ConverterFixture) => fc.Arbitrary<unknown>
  /** Allowed difference between two answers for one row. */
  readonly deterministicWithin: number
  /** A feature and a class whose probability must rise with it (from the model's coefficients), for linear models. */
  readonly monotonic?: { readonly feature: number | string; readonly className: string | number }
  /** The golden label of held-out row `i` (the Python reference's prediction). */
  readonly golden: (fixture: ConverterFixture, row: number) => number | string
}

const referenceLabel = (fixture: ConverterFixture, row: number): number | string => fixture.reference.label?.values[row] as number | string
const referenceArgmax = (fixture: ConverterFixture, row: number): number => {
  const scores = fixture.reference.scores?.values[row] ?? []
  return scores.indexOf(Math.max(...scores))
}
// Determinism within 1e-6 for the classifiers: onnxruntime's CPU kernels for LinearClassifier, TreeEnsembleClassifier
// and the tokenizer pipeline sum in another order for a batch of one than for a larger batch, so a row alone and the
// same row in a batch differ in the last float32 bits (2.4e-7 measured); the labels never differ.
const classifier = {
  output: ['output_label', 'output_probability'],
  scores: 'output_probability',
  range: { probabilities: true },
  golden: referenceLabel,
  deterministicWithin: 1e-6,
} as const
const cnn = {
  output: 'logits',
  scores: 'logits',
  range: { min: -1000, max: 1000 },
  generated: () => pixelRows,
  golden: referenceArgmax,
  deterministicWithin: 0,
} as const

// Monotone directions read off each LinearClassifier's coefficients (scripts/converters/make_sklearn_penguins.py):
// a class's softmax probability rises with a feature when that class has the largest coefficient for it. Raw
// measurements: Chinstrap has the largest beak-length coefficient (0.988 vs -0.941, -0.046); in the pipeline, Gentoo
// has the largest for the scaled body mass (0.987 vs -0.117, -0.870).
const specs: readonly FixtureSpec[] = [
  { ...classifier, name: 'penguins-logreg-zipmap', generated: () => measurementRows, monotonic: { feature: 0, className: 1 } },
  {
    ...classifier,
    name: 'penguins-logreg-nozipmap',
    output: ['label', 'probabilities'],
    scores: 'probabilities',
    generated: () => measurementRows,
    monotonic: { feature: 0, className: 1 },
  },
  { ...classifier, name: 'penguins-logreg-strings-zipmap', generated: () => measurementRows, monotonic: { feature: 0, className: 'Chinstrap' } },
  { ...classifier, name: 'penguins-gbc-zipmap', generated: () => measurementRows },
  { ...classifier, name: 'penguins-pipeline-zipmap', generated: () => pipelineSchema.records(), monotonic: { feature: 'body_mass_g', className: 'Gentoo' } },
  { ...classifier, name: 'text-sentiment-zipmap', generated: sentences },
  { ...cnn, name: 'digits-cnn' },
  { ...cnn, name: 'digits-cnn-float16' },
  // onnxruntime's quantize_dynamic: DynamicQuantizeLinear takes the activation scale from the whole batch, so a row's
  // logits move (up to 0.23 on these images, measured) with the rows it is batched with; its labels do not.
  { ...cnn, name: 'digits-cnn-int8', deterministicWithin: 0.5 },
]

/** A held-out row as a flat record, for the drift matchers (which compare columns). */
function asRecord(row: OnnxRow): DataRow {
  if (typeof row === 'string') return { text: row, words: row.split(/\s+/).filter(Boolean).length }
  if (Array.isArray(row)) return Object.fromEntries(row.map((value, j) => [`x${j}`, value as number]))
  return row as DataRow
}
/** The inverse of {@link asRecord}: the model input of a drift record. */
function toInput(fixture: ConverterFixture): (record: DataRow) => OnnxRow {
  const first = fixture.rows[0]
  if (typeof first === 'string') return (record) => record['text'] as string
  if (Array.isArray(first)) return (record) => first.map((_, j) => record[`x${j}`] as number)
  return (record) => record
}

describe.each(specs)('$name', (spec) => {
  const fixture = converterFixture(spec.name)
  const models: OnnxModel<unknown>[] = []
  const load = async (output: string | readonly string[]): Promise<OnnxModel<unknown>> => {
    const model = await onnxModel<unknown>(fixture.path, { output })
    models.push(model)
    return model
  }
  afterAll(() => Promise.all(models.map((model) => model.release())))

  test('range: outputs on generated rows are probability rows (classifiers) or finite, bounded logits', async () => {
    await expect(await load(spec.scores)).toProduceOutputsInRange({ inputs: spec.generated(fixture), numRuns: 300, seed: 14, ...spec.range })
  })

  test('determinism: the same answer repeated, in other batches, alone and in a fresh session', async () => {
    await expect(await load(spec.output)).toBeDeterministic({ inputs: fixture.rows, tolerance: spec.deterministicWithin, aloneRows: 8, seed: 14 })
  })

  test('invariance: each row answers the same whatever the order of the batch', async () => {
    await expect(await load(spec.output)).toBeInvariantUnder(rowOrder({ maxRows: 16 }), { inputs: fixture.rows, numRuns: 40, seed: 14 })
  })

  if (spec.monotonic !== undefined)
    test('monotonicity: the class probability rises with the feature its coefficient favours', async () => {
      const model = await load(spec.scores)
      const { feature, className } = spec.monotonic as NonNullable<FixtureSpec['monotonic']>
      const output = typeof className === 'number' ? { output: className } : { output: className, classes: model.classes as readonly string[] }
      // 1e-6: float32 softmax rounding where a probability is saturated at 1 (a step can round down by one ulp)
      await expect(model).toBeMonotonicIn(feature, 'increasing', { inputs: fixture.rows, ...output, tolerance: 1e-6, numRuns: 300, seed: 14 })
    })

  test('golden cases: the Python reference labels of held-out rows', async () => {
    const cases = fixture.rows.slice(0, 12).map((input, row) => ({ name: `held-out row ${row}`, input, label: spec.golden(fixture, row) }))
    await expect(await load(spec.output)).toPassGoldenCases(cases)
  })

  test('baseline: beats the majority class on the held-out rows', async () => {
    await expect(await load(spec.output)).toBeatBaseline('majority', { data: { inputs: fixture.rows, labels: fixture.truth }, seed: 14 })
  })

  test('drift of outputs: two halves of the held-out rows (stratified by true class) give predictions from one distribution', async () => {
    const model = await load(spec.output)
    const records = fixture.rows.map(asRecord)
    const seen = new Map<number | string, number>()
    const half = fixture.truth.map((label) => {
      const count = seen.get(label) ?? 0
      seen.set(label, count + 1)
      return count % 2
    })
    const first = records.filter((_, row) => half[row] === 0)
    const second = records.filter((_, row) => half[row] === 1)
    // free text is not a category: the sentiment model's data side is its sentence length
    await expect(second).not.toHaveDriftedFrom(first, { model, toInput: toInput(fixture), ...(spec.name.startsWith('text') ? { ignore: ['text'] } : {}) })
  })
})

describe('converter-specific relations and findings', () => {
  test('the sentiment pipeline lowercases in the graph (StringNormalizer): upper-casing a sentence changes nothing', async () => {
    const fixture = converterFixture('text-sentiment-zipmap')
    const model = await onnxModel(fixture.path, { output: ['output_label', 'output_probability'] })
    await expect(model).toBeInvariantUnder((sentence: string) => sentence.toUpperCase(), { inputs: fixture.rows as readonly string[], tolerance: 0 })
    // ... while dropping the first word does change answers (the check can fail on this model)
    await expect(model).not.toBeInvariantUnder((sentence: string) => sentence.split(' ').slice(1).join(' '), {
      inputs: fixture.rows as readonly string[],
      tolerance: 0,
    })
    await model.release()
  })

  test('dynamic int8 quantization makes logits depend on the rest of the batch; the determinism check shows it', async () => {
    const fixture = converterFixture('digits-cnn-int8')
    const model = await onnxModel(fixture.path, { output: 'logits' })
    const error = await expect(model)
      .toBeDeterministic({ inputs: fixture.rows, tolerance: 0, aloneRows: 8, seed: 14 })
      .then(
        () => undefined,
        (caught: Error) => caught,
      )
    expect(error?.message).toMatch(
      /digits-cnn-int8\.onnx is not deterministic: \d+ of 450 rows \(violation rate [\d.]+ under the 450 given rows, each once\) differ by more than 0; max abs difference 0\.\d+\./,
    )
    expect(error?.message).toMatch(/Broken comparisons: (batch-composition|alone-vs-batch)/)
    // the float32 model it was quantized from has no such dependence
    const float = await onnxModel('models/converters/digits-cnn.onnx', { output: 'logits' })
    await expect(float).toBeDeterministic({ inputs: fixture.rows, tolerance: 0, aloneRows: 8, seed: 14 })
    await Promise.all([model.release(), float.release()])
  })
})

describe("class labels from the model (a ZipMap's classlabels) in the evaluation matchers", () => {
  const fixture = converterFixture('penguins-pipeline-zipmap')
  const species = fixture.truth as readonly string[]

  test('a probability-only model is scored against species names without a `classes` option', async () => {
    const model = await onnxModel(fixture.path, { output: 'output_probability' })
    expect(model.classes).toEqual(['Adelie', 'Chinstrap', 'Gentoo'])
    await expect(model).toBeatBaseline('majority', { data: { inputs: fixture.rows, labels: species }, seed: 14 })
    await expect(model).toBeatBaseline('prior', { data: { inputs: fixture.rows, labels: species }, metric: 'logLoss', seed: 14 })
    await expect(model).toPerformOnAllSlices({ data: { inputs: fixture.rows, labels: species }, slices: ['island'], min: 0.9 })
    await expect(model).toKeepMisclassificationsWithin({ data: { inputs: fixture.rows, labels: species }, maxErrorShare: 0.05 })
    await model.release()
  })

  test('a wrapper that does not carry the classes needs them passed: `classes: model.classes`', async () => {
    const model = await onnxModel(fixture.path, { output: 'output_probability' })
    const wrapped = functionModel((rows: readonly OnnxRow[]) => model.predict(rows), { batched: true, name: 'wrapped' })
    const data = { inputs: fixture.rows, labels: species }
    await expect(expect(wrapped).toBeatBaseline('majority', { data, seed: 14 })).rejects.toThrow(
      /^toBeatBaseline: expected predicted labels of the same kind as the true labels \(strings such as "Adelie", "Chinstrap", "Gentoo"\), received numbers such as 0, 1, 2\.\nHint: Pass `classes: \[\.\.\.\]`/,
    )
    await expect(wrapped).toBeatBaseline('majority', { data, seed: 14, classes: model.classes ?? [] })
    await model.release()
  })
})
