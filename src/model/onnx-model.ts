import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type * as ort from 'onnxruntime-node'
import { VitestMlError } from '../util/errors.js'
import { exposeGraphOutputs } from './expose-graph-outputs.js'
import type { Model, ModelIdentity } from './model.js'
import { buildFeeds, type FeedOptions, type OnnxRow } from './onnx-feeds.js'
import { type OnnxOutputLayout, outputLayouts, type ReadableOutput, readOutputs, selectOutputs } from './onnx-outputs.js'
import { onnxRuntime } from './onnx-runtime.js'
import { type OnnxClassLabel, readOnnxGraph } from './read-onnx-graph.js'
import { type TensorLayout, tensorLayout } from './tensor-layout.js'
import { withTimeout } from './with-timeout.js'

/**
 * What one ONNX output row becomes: a single value for outputs of one value per row (a score, an int64 class as a
 * number, a string label, a boolean), otherwise a flat array (a probability row, logits, a float16 output decoded).
 */
export type OnnxOutputValue = number | string | boolean | number[] | string[] | boolean[]

/** Options of {@link onnxModel}. */
export interface OnnxModelOptions extends FeedOptions {
  /**
   * Output(s) to return: one name gives values, several give a record per row. Only the selected outputs are run and
   * read, so a model whose other outputs are sequences or maps is testable on these. A ZipMap output (skl2onnx's
   * `output_probability`) is read as a probability row in `classes` order.
   * @defaultValue the first output vitest-ml can read
   */
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
  /** The input layouts read from the model's metadata (name, element type, shape, batch axis). */
  readonly inputs: readonly TensorLayout[]
  /** Every declared output: a tensor, a ZipMap read as its probability tensor, or one that cannot be read. */
  readonly outputs: readonly OnnxOutputLayout[]
  /** The selected outputs, in the order they are returned. */
  readonly selected: readonly ReadableOutput[]
  /**
   * The class labels of the classifier, in probability-column order: the selected ZipMap's, else the graph's one
   * ZipMap or `ai.onnx.ml` classifier's; `undefined` when the graph declares none (a torch export, say).
   */
  readonly classes?: readonly OnnxClassLabel[]
  /** A new model on the same bytes in a new session (for "same answer in a fresh session" checks). */
  fresh(): Promise<OnnxModel<O>>
}

async function loadBytes(pathOrBytes: string | Uint8Array): Promise<Uint8Array> {
  if (typeof pathOrBytes !== 'string') return pathOrBytes
  try {
    return new Uint8Array(await readFile(pathOrBytes))
  } catch (error) {
    throw new VitestMlError(
      'onnxModel',
      'a readable .onnx file',
      `"${pathOrBytes}" (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
      'Check the path; relative paths resolve from the current working directory (usually the project root).',
      { cause: error },
    )
  }
}

async function createSession(bytes: Uint8Array, options: OnnxModelOptions, name: string): Promise<ort.InferenceSession> {
  try {
    return await onnxRuntime().InferenceSession.create(bytes, options.sessionOptions ?? {})
  } catch (error) {
    const message = (error as Error).message
    const locale = /Failed to construct locale with name:\s*([^\s:]+)/.exec(message)
    if (locale !== null) {
      throw new VitestMlError(
        'onnxModel',
        `the locale ${locale[1]} that "${name}" asks for (a StringNormalizer without a \`locale\` attribute uses en_US.UTF-8)`,
        'a machine without it',
        `Export the text pipeline with skl2onnx's \`options={TfidfVectorizer: {'locale': 'C'}}\`, or install the locale (Debian: \`locales\`, then generate ${locale[1]}).`,
        { cause: error },
      )
    }
    throw new VitestMlError(
      'onnxModel',
      'a valid ONNX model',
      `bytes that onnxruntime could not load (${message.split('\n')[0]})`,
      `Re-export "${name}"; the file may be truncated or not an ONNX model.`,
      { cause: error },
    )
  }
}

function inputLayouts(metadata: readonly ort.InferenceSession.ValueMetadata[], axes: Readonly<Record<string, number>>): TensorLayout[] {
  return metadata.map((value) => {
    if (!value.isTensor)
      throw new VitestMlError('onnxModel', `tensor input "${value.name}"`, 'a non-tensor input (sequence or map)', 'Export the model with tensor inputs.')
    return tensorLayout(value.name, value.type, value.shape, axes[value.name])
  })
}

/**
 * Loads an ONNX model as a batch-first {@link Model}, as converters write them (torch, skl2onnx, tf2onnx,
 * transformers exports): rows are mapped to tensors from the model's own input metadata (named and unnamed
 * dimensions, several inputs by name, float16 / float32 / float64, int8 to int64, uint8 to uint64, bool and string
 * tensors, image-shaped rows given flat or nested), big batches are split, each call has a timeout, and the model's
 * identity carries the SHA-256 of the exact bytes served.
 *
 * Only the selected outputs are validated, run and read. A ZipMap output (skl2onnx's default `output_probability`,
 * a sequence of maps onnxruntime-node cannot return) is found by decoding the graph with `onnx-proto` at load time;
 * the session then runs the same bytes with the ZipMap's input tensor (the probability matrix it zips) appended to
 * the graph's outputs (see `exposeGraphOutputs`), and each row reads as its probability row, column k being
 * `model.classes[k]` (the ZipMap's class labels). The evaluation matchers take those classes from the model when no
 * `classes` option is given.
 *
 * @param pathOrBytes - path to a `.onnx` file or its bytes
 * @param options - output selection, batching, timeout, constants
 * @returns the model; call `release()` when done
 * @example
 * ```ts
 * const model = await onnxModel('models/converters/penguins-pipeline-zipmap.onnx', { output: ['output_label', 'output_probability'] })
 * model.classes // ['Adelie', 'Chinstrap', 'Gentoo']
 * await model.predict([{ island: 'Dream', sex: 'MALE', beak_length_mm: 49.5, beak_depth_mm: 19, flipper_length_mm: 200, body_mass_g: 3800 }])
 * // [{ output_label: 'Chinstrap', output_probability: [0.034, 0.96, 0.0057] }]
 * ```
 */
export async function onnxModel<O = OnnxOutputValue>(pathOrBytes: string | Uint8Array, options: OnnxModelOptions = {}): Promise<OnnxModel<O>> {
  const batchSize = options.batchSize ?? 8192
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new VitestMlError(
      'onnxModel',
      'a positive whole `batchSize`',
      String(batchSize),
      'Pass the largest batch to send in one call, for example `batchSize: 4096`.',
    )
  }
  const bytes = await loadBytes(pathOrBytes)
  const name = options.name ?? (typeof pathOrBytes === 'string' ? basename(pathOrBytes) : 'onnx-model')
  let session = await createSession(bytes, options, name)
  const axes = options.batchAxes ?? {}
  const graph = readOnnxGraph(bytes)
  let inputs: TensorLayout[]
  let selected: ReadableOutput[]
  let outputs: OnnxOutputLayout[]
  try {
    inputs = inputLayouts(session.inputMetadata, axes)
    outputs = outputLayouts(session.outputMetadata, graph, axes)
    selected = selectOutputs(outputs, options.output, name)
  } catch (error) {
    await session.release()
    throw error
  }
  // The tensors ZipMaps zip, unless the graph already outputs them.
  const zipTensors = [...new Set(selected.flatMap((layout) => (layout.kind === 'zipmap' ? [layout.tensor] : [])))].filter(
    (tensor) => !session.outputNames.includes(tensor),
  )
  if (zipTensors.length > 0) {
    await session.release()
    session = await createSession(exposeGraphOutputs(bytes, zipTensors), options, name)
  }
  const fetched = [...new Set(selected.map((layout) => (layout.kind === 'zipmap' ? layout.tensor : layout.name)))]
  const zipMap = selected.find((layout) => layout.kind === 'zipmap')
  const classes = zipMap?.kind === 'zipmap' ? zipMap.classes : graph?.classes
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
      results = await withTimeout(session.run(feeds, fetched), timeoutMs, name)
    } catch (error) {
      if (error instanceof VitestMlError) throw error
      throw new VitestMlError(
        name,
        'the model to run on the batch',
        `an onnxruntime error: ${(error as Error).message.split('\n')[0]}`,
        'Check the input shapes and types against the model metadata (model.inputs).',
        { cause: error },
      )
    }
    return readOutputs<O>(results, selected, rows.length, name)
  }

  const model: OnnxModel<O> = {
    identity,
    inputs,
    outputs,
    selected,
    ...(classes === undefined ? {} : { classes }),
    async predict(batch) {
      if (released)
        throw new VitestMlError(
          name,
          'a model that has not been released',
          'a call after release()',
          'Create the model again, or release it only after the last predict.',
        )
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
