import type * as ort from 'onnxruntime-node'
import { VitestMlError } from '../util/errors.js'
import { readFloat16 } from './float16-bits.js'
import { describeShape } from './input-row-value.js'
import type { OnnxClassLabel, OnnxGraphInfo } from './read-onnx-graph.js'
import { splitRows, type TensorLayout, tensorLayout } from './tensor-layout.js'

/**
 * A declared output of an ONNX model as vitest-ml reads it:
 * - `tensor`: a tensor output, returned as it is (numbers, strings, booleans);
 * - `zipmap`: a ZipMap output (skl2onnx's `output_probability`, a sequence of maps onnxruntime-node cannot return),
 *   read as the probability row the ZipMap zips (tensor `tensor`), one number per class in `classes` order;
 * - `unsupported`: any other output (a sequence, a map, a tensor of a type with no JS form); the model loads and its
 *   other outputs can be tested, but selecting this one is an error that says `reason`.
 */
export type OnnxOutputLayout =
  | (TensorLayout & { readonly kind: 'tensor' })
  | (TensorLayout & { readonly kind: 'zipmap'; readonly tensor: string; readonly classes: readonly OnnxClassLabel[] })
  | { readonly kind: 'unsupported'; readonly name: string; readonly reason: string }

/** An output vitest-ml can read (a tensor or a ZipMap). */
export type ReadableOutput = Exclude<OnnxOutputLayout, { readonly kind: 'unsupported' }>

/**
 * Describes every declared output, without failing on the ones that cannot be read (only selecting them fails).
 *
 * @param metadata - onnxruntime's output metadata
 * @param graph - ZipMaps found in the graph (`undefined` when the graph could not be read)
 * @param axes - batch axis overrides by output name
 * @returns one layout per output, in declaration order
 * @example
 * ```ts
 * outputLayouts(session.outputMetadata, readOnnxGraph(bytes), {}).map((output) => output.kind) // ['tensor', 'zipmap']
 * ```
 */
export function outputLayouts(
  metadata: readonly ort.InferenceSession.ValueMetadata[],
  graph: OnnxGraphInfo | undefined,
  axes: Readonly<Record<string, number>>,
): OnnxOutputLayout[] {
  return metadata.map((value): OnnxOutputLayout => {
    if (!value.isTensor) {
      const zipMap = graph?.zipMaps.find((candidate) => candidate.output === value.name)
      if (zipMap === undefined) return { kind: 'unsupported', name: value.name, reason: 'a non-tensor value (a sequence or a map) that is not a ZipMap' }
      return {
        ...tensorLayout(value.name, 'float32', ['', zipMap.classes.length], axes[value.name] ?? 0),
        kind: 'zipmap',
        tensor: zipMap.tensor,
        classes: zipMap.classes,
      }
    }
    try {
      return { ...tensorLayout(value.name, value.type, value.shape, axes[value.name]), kind: 'tensor' }
    } catch {
      return { kind: 'unsupported', name: value.name, reason: `a tensor of type ${value.type}, which has no JS form here` }
    }
  })
}

/**
 * Resolves the `output` option to readable outputs: by default the first readable output; an unknown name or an
 * output that cannot be read is an error listing the outputs that can.
 *
 * @param layouts - every declared output
 * @param wanted - the `output` option
 * @param modelName - named in errors
 * @returns the selected outputs, in the order asked for
 * @example
 * ```ts
 * selectOutputs(layouts, 'output_probability', 'm.onnx')[0]?.kind // 'zipmap'
 * ```
 */
export function selectOutputs(layouts: readonly OnnxOutputLayout[], wanted: string | readonly string[] | undefined, modelName: string): ReadableOutput[] {
  const readable = layouts.filter((layout): layout is ReadableOutput => layout.kind !== 'unsupported')
  const names = readable.map((layout) => layout.name).join(', ')
  if (wanted === undefined) {
    const first = readable[0]
    if (first === undefined)
      throw new VitestMlError(
        'onnxModel',
        'a model with at least one tensor output',
        `"${modelName}" whose outputs are all non-tensor values`,
        'Export the model with a tensor output (skl2onnx: `options={id(model): {"zipmap": False}}`).',
      )
    return [first]
  }
  return (typeof wanted === 'string' ? [wanted] : wanted).map((outputName) => {
    const layout = layouts.find((candidate) => candidate.name === outputName)
    if (layout === undefined)
      throw new VitestMlError(
        'onnxModel',
        `an output named one of [${layouts.map((o) => o.name).join(', ')}]`,
        `"${outputName}"`,
        'Pick an output the model declares with `output`.',
      )
    if (layout.kind === 'unsupported') {
      throw new VitestMlError(
        'onnxModel',
        `an output vitest-ml can read (one of [${names}])`,
        `"${outputName}", ${layout.reason}`,
        'Select the outputs you test with `output`; the others are neither run nor read. To read this one, export it as a tensor.',
      )
    }
    return layout
  })
}

/**
 * The JS values of one output tensor, read as what they are: numbers (float16 bits decoded, int64 / uint64 as
 * numbers), booleans for bool, strings for string.
 *
 * @param tensor - an output tensor
 * @returns its values, row-major
 * @example
 * ```ts
 * tensorValues(new ort.Tensor('bool', new Uint8Array([1, 0]), [2])) // [true, false]
 * ```
 */
export function tensorValues(tensor: ort.Tensor): ArrayLike<number | string | boolean> {
  const data = tensor.data as ArrayLike<unknown>
  switch (tensor.type) {
    case 'float16':
      return readFloat16(data as ArrayLike<number>)
    case 'int64':
    case 'uint64':
      return Array.from(data as ArrayLike<bigint>, Number)
    case 'bool':
      return Array.from(data as ArrayLike<number>, (value) => value !== 0)
    default:
      return data as ArrayLike<number | string>
  }
}

/**
 * Splits the selected outputs of one `session.run` into one answer per row: the value itself when one output is
 * selected (a scalar for one value per row, else an array), a record by output name when several are.
 *
 * @param results - what `session.run` returned
 * @param selected - the selected outputs
 * @param rows - the batch size
 * @param modelName - named in errors
 * @returns one answer per row
 * @example
 * ```ts
 * readOutputs(results, [label, probability], 2, 'm.onnx')
 * // [{ output_label: 'Adelie', output_probability: [0.97, 0.02, 0.01] }, { ... }]
 * ```
 */
export function readOutputs<O>(results: ort.InferenceSession.OnnxValueMapType, selected: readonly ReadableOutput[], rows: number, modelName: string): O[] {
  const perOutput = selected.map((layout) => {
    const fetched = layout.kind === 'zipmap' ? layout.tensor : layout.name
    const tensor = results[fetched] as ort.Tensor | undefined
    if (tensor === undefined || typeof tensor !== 'object' || !('data' in tensor)) {
      throw new VitestMlError(
        modelName,
        `tensor "${fetched}" among the results`,
        'nothing under that name',
        'This is a bug in reading the model; please report it with the model.',
      )
    }
    const values = tensorValues(tensor)
    const outer = Math.max(layout.outer, 1)
    const perRow = rows === 0 ? 0 : values.length / rows / outer
    const width = perRow * outer
    if (rows > 0 && !Number.isInteger(perRow)) {
      throw new VitestMlError(
        modelName,
        `output "${layout.name}" to hold whole rows for the ${rows} input rows`,
        `${values.length} values (dims [${tensor.dims.join(', ')}], declared ${describeShape(layout.shape)})`,
        'The output has no batch dimension where vitest-ml looks for it; pass `batchAxes: { ... }` for it, or select another output.',
      )
    }
    if (layout.kind === 'zipmap' && width !== layout.classes.length) {
      throw new VitestMlError(
        modelName,
        `${layout.classes.length} probabilities per row from the ZipMap "${layout.name}" (one per class)`,
        `${width} (tensor "${layout.tensor}", dims [${tensor.dims.join(', ')}])`,
        'The ZipMap reads a tensor of another shape than its class labels; check the exported graph.',
      )
    }
    const scalar = layout.kind === 'tensor' && layout.rowShape.length === 0 && width === 1
    if (scalar) return Array.from(values)
    return splitRows({ ...layout, batchAxis: Math.max(layout.batchAxis, 0) }, values, rows)
  })
  const answers = new Array<O>(rows)
  for (let index = 0; index < rows; index++) {
    answers[index] = (
      perOutput.length === 1 ? perOutput[0]?.[index] : Object.fromEntries(selected.map((layout, k) => [layout.name, perOutput[k]?.[index]]))
    ) as O
  }
  return answers
}
