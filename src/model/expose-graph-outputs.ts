import type onnxProtoModule from 'onnx-proto'
import { lazyRequire } from '../util/lazy-require.js'

/** onnx-proto, loaded when a ZipMap model is opened. */
const onnxProto = lazyRequire<typeof onnxProtoModule>('onnx-proto')

/**
 * The model bytes with some intermediate float tensors added to the graph's outputs, so that a session can return
 * them (vitest-ml uses it to read the probability tensor a ZipMap zips, since onnxruntime-node cannot return the
 * ZipMap's sequence of maps).
 *
 * The original bytes are not decoded and re-encoded: a second, tiny `ModelProto` holding only
 * `graph { output: [...] }` is encoded with `onnx-proto` and appended. Protobuf parsers merge a message's repeated
 * occurrences (repeated fields are concatenated, embedded messages merged), so onnxruntime reads the original graph
 * with the extra outputs, and every byte of the original (including fields newer than the schema `onnx-proto`
 * compiles) is kept as it was. The nodes that run are the original's; only which tensors are returned changes.
 * (protobufjs's own decoder replaces a repeated embedded message instead of merging it, so read the result with
 * onnxruntime, not with `onnx-proto`.)
 *
 * @param bytes - the original model
 * @param tensors - names of the float tensors to expose (each becomes a graph output of element type float)
 * @returns new bytes; the original array is left untouched
 * @example
 * ```ts
 * const bytes = exposeGraphOutputs(readFileSync('penguins-logreg-zipmap.onnx'), ['probabilities'])
 * const session = await ort.InferenceSession.create(bytes)
 * session.outputNames // ['output_label', 'output_probability', 'probabilities']
 * ```
 */
export function exposeGraphOutputs(bytes: Uint8Array, tensors: readonly string[]): Uint8Array {
  const { onnx } = onnxProto()
  const extra = onnx.ModelProto.encode({
    graph: { output: tensors.map((name) => ({ name, type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT } } })) },
  }).finish()
  const merged = new Uint8Array(bytes.length + extra.length)
  merged.set(bytes)
  merged.set(extra, bytes.length)
  return merged
}
