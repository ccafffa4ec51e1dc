import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

interface Metadata {
  readonly featureNames: readonly string[]
  readonly featureSources: Readonly<Record<string, string>>
  readonly categoricalCodes?: Readonly<Record<string, Readonly<Record<string, number>>>>
  readonly classNames: readonly string[]
  readonly target: string
  readonly dataset: { readonly file: string }
  readonly split: { readonly testIndices: readonly number[]; readonly trainIndices: readonly number[] }
}

/** A model's train/test split rebuilt from its metadata and the raw vega-datasets file. */
export interface Split {
  readonly classNames: readonly string[]
  /** The training code's feature builder: a raw dataset record to the row the ONNX model expects. */
  readonly features: (row: Record<string, unknown>) => number[]
  readonly train: { readonly inputs: number[][]; readonly labels: (string | number)[]; readonly rows: Record<string, unknown>[] }
  readonly test: { readonly inputs: number[][]; readonly labels: (string | number)[]; readonly rows: Record<string, unknown>[] }
}

const root = new URL('../../', import.meta.url) // the repository, where models/ and node_modules/ are
const read = (path: string): string => readFileSync(fileURLToPath(new URL(path, root)), 'utf8')

/** Loads the split of `models/<name>.json` (penguins or cars) with the feature rows the ONNX model expects. */
export function loadSplit(name: string): Split {
  const metadata = JSON.parse(read(`models/${name}.json`)) as Metadata
  const rows = JSON.parse(read(`node_modules/${metadata.dataset.file}`)) as Record<string, unknown>[]
  const features = (row: Record<string, unknown>): number[] =>
    metadata.featureNames.map((feature) => {
      const source = metadata.featureSources[feature] ?? feature
      const codes = metadata.categoricalCodes?.[feature]
      if (codes !== undefined) return codes[String(row[source])] ?? Number.NaN
      return source.startsWith('Year') ? Number(String(row['Year']).slice(0, 4)) : Number(row[source])
    })
  const part = (indices: readonly number[]) => {
    const picked = indices.map((index) => rows[index] as Record<string, unknown>)
    return { inputs: picked.map(features), labels: picked.map((row) => row[metadata.target] as string | number), rows: picked }
  }
  return { classNames: metadata.classNames, features, train: part(metadata.split.trainIndices), test: part(metadata.split.testIndices) }
}
