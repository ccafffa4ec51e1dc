// The converter fixture set (models/converters/, made by scripts/converters/): each model's held-out rows as the rows a
// user passes to onnxModel (records by input name for several inputs, the row itself for one), the true classes and
// the Python reference predictions (scikit-learn predict / predict_proba, or the torch / numpy logits).
import { readFileSync } from 'node:fs'
import type { OnnxRow } from '../../src/model/onnx-feeds.js'

/** How the rows file stores one graph input. */
interface FeedSpec {
  readonly type: string
  readonly dims: readonly number[]
  readonly data?: readonly (number | string)[]
  readonly data_from?: string
}

/** The Python reference predictions of a rows file. */
export interface ConverterReference {
  /** Label output and its values (classifiers). */
  readonly label?: { readonly output: string; readonly values: readonly (number | string)[] }
  /** Probability output (a ZipMap output when `zipmap`), its classes, the values and their tolerance. */
  readonly probabilities?: {
    readonly output: string
    readonly zipmap: boolean
    readonly tensor: string
    readonly classes: readonly (number | string)[]
    readonly values: readonly (readonly number[])[]
    readonly atol: number
  }
  /** Score output (the CNN logits), argmax = class. */
  readonly scores?: {
    readonly output: string
    readonly classes: readonly number[]
    readonly values: readonly (readonly number[])[]
    readonly atol: number
    readonly rtol?: number
  }
}

/** One fixture: where the model is, its rows as onnxModel takes them, the truth and the reference. */
export interface ConverterFixture {
  readonly name: string
  readonly path: string
  readonly sha256: string
  readonly inputNames: readonly string[]
  /** One row per held-out example: a record by input name, or the value itself for a one-input model. */
  readonly rows: readonly OnnxRow[]
  readonly truth: readonly (number | string)[]
  readonly reference: ConverterReference
  /** Accuracy of the Python model on these rows. */
  readonly pythonAccuracy: number
}

interface ManifestEntry {
  readonly name: string
  readonly file: string
  readonly sha256: string
  readonly test_rows: string
  readonly accuracy: { readonly python: number }
}

const manifest = JSON.parse(readFileSync('models/converters/manifest.json', 'utf8')) as { models: readonly ManifestEntry[] }

function dataOf(spec: FeedSpec): readonly (number | string)[] {
  if (spec.data !== undefined) return spec.data
  const shared = JSON.parse(readFileSync(spec.data_from as string, 'utf8')) as { feeds: Record<string, FeedSpec> }
  return dataOf(Object.values(shared.feeds)[0] as FeedSpec)
}

/**
 * Reads one converter fixture.
 * @param name - the model name in models/converters/manifest.json
 * @example converterFixture('penguins-pipeline-zipmap').rows[0] // { island: 'Torgersen', beak_length_mm: 34.4, ... }
 */
export function converterFixture(name: string): ConverterFixture {
  const entry = manifest.models.find((model) => model.name === name)
  if (entry === undefined) throw new Error(`no converter fixture named ${name}`)
  const file = JSON.parse(readFileSync(entry.test_rows, 'utf8')) as {
    rows: number
    feeds: Record<string, FeedSpec>
    truth: (number | string)[]
    reference: ConverterReference
  }
  const inputs = Object.entries(file.feeds).map(([input, spec]) => {
    const width = spec.dims.slice(1).reduce((product, dim) => product * dim, 1)
    const data = dataOf(spec)
    const rows = Array.from(
      { length: file.rows },
      (_, row): OnnxRow => (width === 1 ? (data[row] as number | string) : data.slice(row * width, (row + 1) * width)),
    )
    return [input, rows] as const
  })
  const rows = Array.from(
    { length: file.rows },
    (_, row): OnnxRow => (inputs.length === 1 ? (inputs[0]?.[1][row] as OnnxRow) : Object.fromEntries(inputs.map(([input, values]) => [input, values[row]]))),
  )
  return {
    name,
    path: entry.file,
    sha256: entry.sha256,
    inputNames: inputs.map(([input]) => input),
    rows,
    truth: file.truth,
    reference: file.reference,
    pythonAccuracy: entry.accuracy.python,
  }
}

/** Largest absolute difference between two matrices of the same shape. */
export function maxAbsDifference(actual: readonly (readonly number[])[], expected: readonly (readonly number[])[]): number {
  let largest = 0
  for (const [i, row] of expected.entries())
    for (const [j, value] of row.entries()) largest = Math.max(largest, Math.abs((actual[i]?.[j] ?? Number.NaN) - value))
  return Number.isNaN(largest) ? Infinity : largest
}
