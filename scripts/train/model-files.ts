/**
 * File and runtime plumbing shared by the training scripts: repository paths, dataset loading, running an exported
 * model in onnxruntime-node, checking it against the JS forward pass, and writing `models/<name>.onnx` + `.json`.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as ort from 'onnxruntime-node'

/** The repository root (two levels above this file). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** Largest absolute difference allowed between onnxruntime and the JS forward pass. */
export const ONNX_TOLERANCE = 1e-5

/** A dataset file of the `vega-datasets` package, with what metadata needs to pin it. */
export interface DatasetFile {
  /** Path as a package specifier, e.g. `vega-datasets/data/penguins.json`. */
  readonly file: string
  readonly version: string
  readonly sha256: string
  readonly rows: readonly Record<string, unknown>[]
}

/**
 * Hex sha256 of some bytes.
 * @param bytes - file contents
 */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * Reads a JSON array file from the installed `vega-datasets` package.
 * @param name - file name under `data/`, e.g. `'cars.json'`
 */
export function loadVegaDataset(name: string): DatasetFile {
  const packageDir = join(REPO_ROOT, 'node_modules', 'vega-datasets')
  const text = readFileSync(join(packageDir, 'data', name), 'utf8')
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }
  const rows = JSON.parse(text) as unknown
  if (!Array.isArray(rows)) throw new TypeError(`loadVegaDataset: expected a JSON array in ${name}.`)
  return { file: `vega-datasets/data/${name}`, version, sha256: sha256(text), rows: rows as Record<string, unknown>[] }
}

/** Outputs of one onnxruntime run, by output name, as plain numbers. */
export type OnnxOutputs = Record<string, number[]>

/**
 * Runs an ONNX model on a float32 batch `features` [rows, width] with single-threaded onnxruntime-node.
 * @param model - ONNX bytes
 * @param rows - raw feature rows
 * @returns every output flattened row-major (int64 outputs converted to numbers)
 */
export async function runOnnx(model: Uint8Array, rows: readonly (readonly number[])[]): Promise<OnnxOutputs> {
  const session = await ort.InferenceSession.create(model, { intraOpNumThreads: 1, interOpNumThreads: 1 })
  try {
    const width = rows[0]?.length ?? 0
    const features = new ort.Tensor('float32', Float32Array.from(rows.flat()), [rows.length, width])
    const results = await session.run({ features })
    const outputs: OnnxOutputs = {}
    for (const [name, tensor] of Object.entries(results)) {
      outputs[name] = Array.from(tensor.data as ArrayLike<number | bigint>, (value) => Number(value))
    }
    return outputs
  } finally {
    await session.release()
  }
}

/**
 * Largest absolute difference between two equally long lists.
 * @param actual - e.g. onnxruntime outputs
 * @param expected - e.g. the JS forward pass
 */
export function maxAbsDiff(actual: readonly number[], expected: readonly number[]): number {
  if (actual.length !== expected.length) {
    throw new RangeError(`maxAbsDiff: expected ${expected.length} values, received ${actual.length}.`)
  }
  return actual.reduce((max, value, index) => Math.max(max, Math.abs(value - (expected[index] ?? Number.NaN))), 0)
}

/**
 * Runs the exported model and fails unless `output` matches the JS reference within {@link ONNX_TOLERANCE}.
 * @param name - model name, for the error message
 * @param model - ONNX bytes
 * @param rows - raw feature rows (the test split)
 * @param output - the output to compare
 * @param reference - the JS forward pass on the same rows
 * @returns the onnxruntime outputs and the measured difference
 */
export async function verifyAgainstReference(
  name: string,
  model: Uint8Array,
  rows: readonly (readonly number[])[],
  output: string,
  reference: readonly (readonly number[])[],
): Promise<{ outputs: OnnxOutputs; maxAbsDiff: number }> {
  const outputs = await runOnnx(model, rows)
  const difference = maxAbsDiff(outputs[output] ?? [], reference.flat())
  if (!(difference < ONNX_TOLERANCE)) {
    throw new Error(`${name}: onnxruntime ${output} differs from the JS forward pass by ${difference}, expected < ${ONNX_TOLERANCE}.`)
  }
  return { outputs, maxAbsDiff: difference }
}

/**
 * Writes `models/<name>.onnx` and `models/<name>.json`; the metadata gets the model file's path and sha256.
 * @param name - file stem, e.g. `'penguins-mlp'`
 * @param model - ONNX bytes
 * @param metadata - everything else worth recording (must be JSON-safe and free of timestamps)
 * @returns the sha256 of the ONNX file
 */
export function writeModelFiles(name: string, model: Uint8Array, metadata: Record<string, unknown>): string {
  const directory = join(REPO_ROOT, 'models')
  mkdirSync(directory, { recursive: true })
  const digest = sha256(model)
  writeFileSync(join(directory, `${name}.onnx`), model)
  const record = { name, onnx: { file: `models/${name}.onnx`, sha256: digest, bytes: model.length }, ...metadata }
  // Number arrays (row indices, weights) on one line each keep the file readable.
  const json = JSON.stringify(record, null, 2).replace(
    /\[\s+(-?[\d.e+-]+(?:,\s+-?[\d.e+-]+)*)\s+\]/g,
    (_, items: string) => `[${items.split(/,\s+/).join(', ')}]`,
  )
  writeFileSync(join(directory, `${name}.json`), `${json}\n`)
  return digest
}
