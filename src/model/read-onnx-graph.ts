import type onnxProtoModule from 'onnx-proto'
import type { onnx as Onnx } from 'onnx-proto'
import { lazyRequire } from '../util/lazy-require.js'

/** onnx-proto, loaded when a model's graph is first read. */
const onnxProto = lazyRequire<typeof onnxProtoModule>('onnx-proto')

/** A class label as an ONNX-ML classifier declares it: a string, or an integer (int64 labels). */
export type OnnxClassLabel = string | number

/**
 * A ZipMap at the end of a classifier (skl2onnx's default): its output is a sequence of maps, which onnxruntime-node
 * cannot return, so vitest-ml reads the float tensor the ZipMap zips instead.
 */
export interface ZipMapSource {
  /** The ZipMap's output: the graph output the user selects (`output_probability`). */
  readonly output: string
  /** The float tensor the ZipMap reads: one probability row per input row, one column per class (`probabilities`). */
  readonly tensor: string
  /** The class of each column, from the ZipMap's `classlabels_strings` or `classlabels_int64s`. */
  readonly classes: readonly OnnxClassLabel[]
}

/** What the graph says beyond onnxruntime's metadata: ZipMap outputs and the classifier's class labels. */
export interface OnnxGraphInfo {
  /** Every ZipMap whose output is a graph output, in graph-output order. */
  readonly zipMaps: readonly ZipMapSource[]
  /**
   * The class labels of the graph's classifier: its ZipMap's when it has exactly one, otherwise those of its one
   * `ai.onnx.ml` classifier node (LinearClassifier, TreeEnsembleClassifier, SVMClassifier).
   */
  readonly classes?: readonly OnnxClassLabel[]
}

const CLASSIFIERS = new Set(['LinearClassifier', 'TreeEnsembleClassifier', 'SVMClassifier'])
const decoder = new TextDecoder()

/** An int64 attribute value as protobufjs gives it: a number, or a Long object when the value is large. */
function toNumber(value: number | { toNumber(): number }): number {
  return typeof value === 'number' ? value : value.toNumber()
}

function classLabels(node: Onnx.INodeProto): OnnxClassLabel[] | undefined {
  for (const attribute of node.attribute ?? []) {
    if (attribute.name === 'classlabels_strings' && (attribute.strings?.length ?? 0) > 0) return (attribute.strings ?? []).map((bytes) => decoder.decode(bytes))
    if ((attribute.name === 'classlabels_int64s' || attribute.name === 'classlabels_ints') && (attribute.ints?.length ?? 0) > 0)
      return (attribute.ints ?? []).map(toNumber)
  }
  return undefined
}

/**
 * Reads the parts of an ONNX model's graph that onnxruntime-node does not report: which graph outputs are ZipMaps
 * (with the tensor each zips and its class labels) and the class labels of the classifier. The model is decoded with
 * `onnx-proto` (the ONNX protobuf schema compiled for protobufjs); tensor bytes are not copied, so this is quick even
 * for large models.
 *
 * @param bytes - the model bytes
 * @returns the graph facts, or `undefined` when the bytes are not an ONNX protobuf (an ORT-format model, say)
 * @example
 * ```ts
 * readOnnxGraph(readFileSync('models/converters/penguins-pipeline-zipmap.onnx'))
 * // { zipMaps: [{ output: 'output_probability', tensor: 'probabilities', classes: ['Adelie', 'Chinstrap', 'Gentoo'] }],
 * //   classes: ['Adelie', 'Chinstrap', 'Gentoo'] }
 * ```
 */
export function readOnnxGraph(bytes: Uint8Array): OnnxGraphInfo | undefined {
  let graph: Onnx.IGraphProto | null | undefined
  try {
    graph = onnxProto().onnx.ModelProto.decode(bytes).graph
  } catch {
    return undefined
  }
  if (graph === null || graph === undefined) return undefined
  const nodes = graph.node ?? []
  const outputs = (graph.output ?? []).map((output) => output.name ?? '')
  const zipMaps: ZipMapSource[] = []
  for (const output of outputs) {
    const node = nodes.find((candidate) => candidate.opType === 'ZipMap' && candidate.output?.[0] === output)
    const tensor = node?.input?.[0]
    const classes = node === undefined ? undefined : classLabels(node)
    if (tensor !== undefined && classes !== undefined) zipMaps.push({ output, tensor, classes })
  }
  const classifiers = nodes.filter((node) => node.domain === 'ai.onnx.ml' && CLASSIFIERS.has(node.opType ?? ''))
  const classes =
    zipMaps.length === 1 ? zipMaps[0]?.classes : classifiers.length === 1 && classifiers[0] !== undefined ? classLabels(classifiers[0]) : undefined
  return classes === undefined ? { zipMaps } : { zipMaps, classes }
}
