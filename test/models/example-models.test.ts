// Quick checks of the example models in models/ (built by `npm run train`): they load in onnxruntime-node, expose the
// documented inputs/outputs, match their metadata, and penguins-mlp's recorded test accuracy is reproducible from the
// raw dataset rows named by the metadata's test indices.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import * as ort from 'onnxruntime-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

interface IoSpec {
  readonly name: string
  readonly type: string
  readonly shape: readonly (number | string)[]
}

interface ModelMetadata {
  readonly onnx: { readonly file: string; readonly sha256: string }
  readonly inputs: readonly IoSpec[]
  readonly outputs: readonly IoSpec[]
  readonly featureNames: readonly string[]
  readonly featureSources: Readonly<Record<string, string>>
  readonly categoricalCodes?: Readonly<Record<string, Readonly<Record<string, number>>>>
  readonly classNames: readonly string[]
  readonly target: string
  readonly dataset: { readonly file: string; readonly sha256: string }
  readonly split: { readonly testIndices: readonly number[]; readonly trainIndices: readonly number[] }
  readonly metrics: { readonly test: { readonly accuracy?: number; readonly rmse?: number } }
}

const root = new URL('../../', import.meta.url)
const readText = (path: string): string => readFileSync(fileURLToPath(new URL(path, root)), 'utf8')
const readBytes = (path: string): Buffer => readFileSync(fileURLToPath(new URL(path, root)))
const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex')
const metadataOf = (name: string): ModelMetadata => JSON.parse(readText(`models/${name}.json`)) as ModelMetadata
const datasetRows = (file: string): Record<string, unknown>[] => JSON.parse(readText(`node_modules/${file}`)) as Record<string, unknown>[]

/** The penguin `features` row of one raw dataset row, built from the metadata alone. */
function penguinFeatures(metadata: ModelMetadata, row: Record<string, unknown>): number[] {
  return metadata.featureNames.map((feature) => {
    const source = metadata.featureSources[feature] ?? feature
    const codes = metadata.categoricalCodes?.[feature]
    return codes === undefined ? Number(row[source]) : (codes[String(row[source])] ?? Number.NaN)
  })
}

const models = ['penguins-mlp', 'penguins-logreg', 'penguins-weak', 'cars-mpg'] as const
const sessions = new Map<string, ort.InferenceSession>()

beforeAll(async () => {
  for (const name of models) {
    const options = { intraOpNumThreads: 1, interOpNumThreads: 1 }
    sessions.set(name, await ort.InferenceSession.create(readBytes(`models/${name}.onnx`), options))
  }
})

afterAll(async () => {
  for (const session of sessions.values()) await session.release()
})

async function run(name: string, rows: readonly (readonly number[])[]): Promise<ort.InferenceSession.OnnxValueMapType> {
  const session = sessions.get(name)
  if (session === undefined) throw new Error(`no session for ${name}`)
  const width = rows[0]?.length ?? 0
  return session.run({ features: new ort.Tensor('float32', Float32Array.from(rows.flat()), [rows.length, width]) })
}

describe.each(models)('%s', (name) => {
  const metadata = metadataOf(name)

  it('matches the sha256 recorded in its metadata', () => {
    expect(sha256(readBytes(metadata.onnx.file))).toBe(metadata.onnx.sha256)
    expect(sha256(readText(`node_modules/${metadata.dataset.file}`))).toBe(metadata.dataset.sha256)
  })

  it('declares the inputs and outputs in its metadata, with a symbolic batch dimension', () => {
    const session = sessions.get(name)
    const describeIo = (value: ort.InferenceSession.ValueMetadata): IoSpec =>
      value.isTensor ? { name: value.name, type: value.type, shape: value.shape } : { name: value.name, type: 'non-tensor', shape: [] }
    expect(session?.inputMetadata.map(describeIo)).toEqual(metadata.inputs)
    expect(session?.outputMetadata.map(describeIo)).toEqual(metadata.outputs.map(({ name, type, shape }) => ({ name, type, shape })))
    expect(metadata.inputs[0]?.shape).toEqual(['N', metadata.featureNames.length])
  })

  it('keeps train and test rows disjoint', () => {
    const train = new Set(metadata.split.trainIndices)
    expect(metadata.split.testIndices.filter((index) => train.has(index))).toEqual([])
  })
})

describe('penguin classifiers', () => {
  const mlp = metadataOf('penguins-mlp')
  const rows = datasetRows(mlp.dataset.file)
  const testRows = mlp.split.testIndices.map((index) => rows[index] ?? {})
  const features = testRows.map((row) => penguinFeatures(mlp, row))

  it('penguins-mlp reproduces its recorded test accuracy from the raw dataset rows', async () => {
    const labels = (await run('penguins-mlp', features))['label']
    expect(labels?.dims).toEqual([testRows.length])
    const predicted = Array.from(labels?.data as BigInt64Array, (label) => mlp.classNames[Number(label)])
    const correct = predicted.filter((className, index) => className === testRows[index]?.[mlp.target]).length
    expect(correct / testRows.length).toBe(mlp.metrics.test.accuracy)
    expect(mlp.metrics.test.accuracy).toBeGreaterThan(0.9)
  })

  it.each(['penguins-mlp', 'penguins-logreg', 'penguins-weak'])('%s gives probability rows that sum to 1', async (name) => {
    const probabilities = (await run(name, features))['probabilities']
    expect(probabilities?.dims).toEqual([features.length, 3])
    const values = Array.from(probabilities?.data as Float32Array)
    for (let row = 0; row < features.length; row += 1) {
      const slice = values.slice(row * 3, row * 3 + 3)
      expect(slice.every((value) => value >= 0 && value <= 1)).toBe(true)
      expect(Math.abs(slice.reduce((sum, value) => sum + value, 0) - 1)).toBeLessThan(1e-5)
    }
  })

  it.each(['penguins-mlp', 'penguins-logreg', 'penguins-weak'])('%s ignores the island column', async (name) => {
    const baseline = (await run(name, features))['probabilities']?.data
    const moved = (
      await run(
        name,
        features.map((row) => [...row.slice(0, 4), ((row[4] ?? 0) + 1) % 3]),
      )
    )['probabilities']?.data
    expect(moved).toEqual(baseline)
  })
})

describe('cars-mpg', () => {
  const metadata = metadataOf('cars-mpg')
  const rows = datasetRows(metadata.dataset.file)

  it('predicts finite mpg with shape [N, 1] and reproduces its recorded RMSE', async () => {
    const testRows = metadata.split.testIndices.map((index) => rows[index] ?? {})
    const features = testRows.map((row) =>
      metadata.featureNames.map((feature) => (feature === 'year' ? Number(String(row['Year']).slice(0, 4)) : Number(row[feature]))),
    )
    const prediction = (await run('cars-mpg', features))['prediction']
    expect(prediction?.dims).toEqual([features.length, 1])
    const values = Array.from(prediction?.data as Float32Array)
    expect(values.every(Number.isFinite)).toBe(true)
    const squared = values.map((value, index) => (value - Number(testRows[index]?.[metadata.target])) ** 2)
    expect(Math.sqrt(squared.reduce((sum, value) => sum + value, 0) / squared.length)).toBeCloseTo(metadata.metrics.test.rmse ?? Number.NaN, 10)
  })
})
