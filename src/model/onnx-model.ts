import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import * as ort from 'onnxruntime-node'
import { VitestMlError } from '../errors.js'
import type { Model, ModelIdentity } from './model.js'
import { buildFeeds, type FeedOptions, type OnnxRow } from './onnx-feeds.js'
import { splitRows, tensorLayout, type TensorLayout } from './tensor-layout.js'
import { withTimeout } from './with-timeout.js'

/** What one ONNX output row becomes: a number for scalar rows, otherwise a flat number array. */
export type OnnxOutputValue = number | number[]

/** Options of {@link onnxModel}. */
export interface OnnxModelOptions extends FeedOptions {
  /** Output(s) to return: one name gives values, several give a record per row. @defaultValue the first output */
  readonly output?: string | readonly string[]
  /** Largest batch sent to the session in one call; bigger batches are split. @defaultValue 8192 */
  readonly batchSize?: number
  /** Per-call timeout in milliseconds (each split batch). @defaultValue 30000 */
  readonly timeoutMs?: number
  /** Name shown in reports. @defaultValue the file name, or `onnx-model` for bytes */
  readonly name?: string
  /** Version shown in reports. */
  readonly version?: string
  /** Batch axis per input or output name, when the first symbolic dimension is not the batch. */
  readonly batchAxes?: Readonly<Record<string, number>>
  /** Passed to `InferenceSession.create`. */
  readonly sessionOptions?: ort.InferenceSession.SessionOptions
}

/** A model served by onnxruntime-node. */
export interface OnnxModel<O = OnnxOutputValue> extends Model<OnnxRow, O> {
  /** The input and output layouts read from the model's metadata. */
  readonly inputs: readonly TensorLayout[]
  /** Output layouts. */
  readonly outputs: readonly TensorLayout[]
  /** A new model on the same bytes in a new session (for "same answer in a fresh session" checks). */
  fresh(): Promise<OnnxModel<O>>
}

async function loadBytes(pathOrBytes: string | Uint8Array): Promise<Uint8Array> {
  if (typeof pathOrBytes !== 'string') return pathOrBytes
  try {
    return new Uint8Array(await readFile(pathOrBytes))
  } catch (error) {
    throw new VitestMlError('onnxModel', 'a readable .onnx file', `"${pathOrBytes}" (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`, 'Check the path; relative paths resolve from the current working directory (usually the project root).', { cause: error })
  }
}

function metadataLayouts(metadata: readonly ort.InferenceSession.ValueMetadata[], axes: Readonly<Record<string, number>>): TensorLayout[] {
  return metadata.map((value) => {
    if (!value.isTensor) throw new VitestMlError('onnxModel', `tensor value "${value.name}"`, 'a non-tensor value (sequence or map)', 'Export the model with tensor inputs and outputs only.')
    return tensorLayout(value.name, value.type, value.shape, axes[value.name])
  })
}

/**
 * Loads an ONNX model as a batch-first {@link Model}: rows are mapped to tensors using the model's own input metadata
 * (named dimensions, float32 / float64 / int64 via BigInt, several inputs), big batches are split, each call has a
 * timeout, and the model's identity carries the SHA-256 of the exact bytes served.
 *
 * @param pathOrBytes - path to a `.onnx` file or its bytes
 * @param options - output selection, batching, timeout, constants
 * @returns the model; call `release()` when done
 * @example
 * ```ts
 * const model = await onnxModel('models/penguins-mlp.onnx', { output: 'probabilities' })
 * await model.predict([[39.1, 18.7, 181, 3750, 2]]) // [[0.98, 0.01, 0.01]]
 * ```
 */
export async function onnxModel<O = OnnxOutputValue>(pathOrBytes: string | Uint8Array, options: OnnxModelOptions = {}): Promise<OnnxModel<O>> {
  const batchSize = options.batchSize ?? 8192
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new VitestMlError('onnxModel', 'a positive whole `batchSize`', String(batchSize), 'Pass the largest batch to send in one call, for example `batchSize: 4096`.')
  }
  const bytes = await loadBytes(pathOrBytes)
  const name = options.name ?? (typeof pathOrBytes === 'string' ? basename(pathOrBytes) : 'onnx-model')
  let session: ort.InferenceSession
  try {
    session = await ort.InferenceSession.create(bytes, options.sessionOptions ?? {})
  } catch (error) {
    throw new VitestMlError('onnxModel', 'a valid ONNX model', `bytes that onnxruntime could not load (${(error as Error).message.split('\n')[0]})`, `Re-export "${name}"; the file may be truncated or not an ONNX model.`, { cause: error })
  }
  const axes = options.batchAxes ?? {}
  const inputs = metadataLayouts(session.inputMetadata, axes)
  const outputs = metadataLayouts(session.outputMetadata, axes)
  const wanted = options.output ?? outputs[0]?.name ?? ''
  const selected = (typeof wanted === 'string' ? [wanted] : wanted).map((outputName) => {
    const layout = outputs.find((output) => output.name === outputName)
    if (layout === undefined) throw new VitestMlError('onnxModel', `an output named one of [${outputs.map((o) => o.name).join(', ')}]`, `"${outputName}"`, 'Pick an output the model declares with `output`.')
    return layout
  })
  const identity: ModelIdentity = {
    name,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    ...(options.version === undefined ? {} : { version: options.version }),
  }
  const timeoutMs = options.timeoutMs ?? 30_000
  let released = false

  async function runChunk(rows: readonly OnnxRow[]): Promise<O[]> {
    const feeds = buildFeeds(inputs, rows, options, name)
    let results: ort.InferenceSession.OnnxValueMapType
    try {
      results = await withTimeout(session.run(feeds, selected.map((layout) => layout.name)), timeoutMs, name)
    } catch (error) {
      if (error instanceof VitestMlError) throw error
      throw new VitestMlError(name, 'the model to run on the batch', `an onnxruntime error: ${(error as Error).message.split('\n')[0]}`, 'Check the input shapes and types against the model metadata (model.inputs).', { cause: error })
    }
    const perOutput = selected.map((layout) => {
      const tensor = results[layout.name] as ort.Tensor
      const axisLayout = layout.batchAxis >= 0 ? layout : { ...layout, batchAxis: 0 }
      const split = splitRows(axisLayout, tensor.data as ArrayLike<number | bigint>, rows.length)
      return layout.rowShape.length === 0 ? split.map((row) => row[0] as number) : split
    })
    return rows.map((_, index) => {
      if (perOutput.length === 1) return perOutput[0]?.[index] as O
      return Object.fromEntries(selected.map((layout, k) => [layout.name, perOutput[k]?.[index]])) as O
    })
  }

  const model: OnnxModel<O> = {
    identity,
    inputs,
    outputs,
    async predict(batch) {
      if (released) throw new VitestMlError(name, 'a model that has not been released', 'a call after release()', 'Create the model again, or release it only after the last predict.')
      const answers: O[] = []
      for (let start = 0; start < batch.length; start += batchSize) answers.push(...(await runChunk(batch.slice(start, start + batchSize))))
      return answers
    },
    async release() {
      if (released) return
      released = true
      await session.release()
    },
    fresh: () => onnxModel<O>(bytes, { ...options, name }),
  }
  return model
}
