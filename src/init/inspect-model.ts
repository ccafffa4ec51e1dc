import type { Dataset } from '../data/dataset.js'
import { type OnnxModel, onnxModel } from '../model/onnx-model.js'
import type { OnnxOutputLayout } from '../model/onnx-outputs.js'
import { VitestMlError } from '../util/errors.js'

/** What `vitest-ml init` learned about a model: how to feed it from data columns and how to read its answers. */
export interface ModelFacts {
  /** Its inputs as declared (name, element type, shape). */
  readonly inputs: readonly { readonly name: string; readonly type: string; readonly shape: readonly (number | string)[] }[]
  /** Its outputs as declared, and how vitest-ml reads each. */
  readonly outputs: readonly { readonly name: string; readonly kind: OnnxOutputLayout['kind'] }[]
  /** `records`: one input per column, fed `{ input: value }`; `array`: one tensor input fed a row of the feature columns in order. */
  readonly feeding: 'records' | 'array'
  /** The data columns fed to the model, in order. */
  readonly features: readonly string[]
  /** The output the suite selects (`onnxModel(path, { output })`). */
  readonly output: string
  /** Whether that output is a probability row per input (a ZipMap, or a float tensor of width >= 2). */
  readonly probabilities: boolean
  /** The class labels of the probability columns, from the model when it declares them. */
  readonly classes?: readonly (string | number)[]
}

/**
 * Loads an ONNX model and works out how to test it on a table: models with one input per column take records keyed by
 * input name (every input must be a column of the data); a model with one batched tensor input takes the feature
 * columns in order (`features`, or every column but the label, the time and the ids, which must match its width). The
 * output read is a ZipMap or a float tensor of width >= 2 (probabilities) when there is one, else the first readable one.
 *
 * @param path - the `.onnx` file
 * @param data - the training data (its columns)
 * @param options - the label, columns to leave out, and explicit features for a single-tensor model
 * @returns the facts and the loaded model (release it when done)
 * @example
 * ```ts
 * const { facts } = await inspectModel('model.onnx', train, { label: 'species' })
 * facts.feeding // 'records'
 * facts.output // 'output_probability'
 * ```
 */
export async function inspectModel(
  path: string,
  data: Dataset,
  options: { readonly label: string; readonly ignore?: readonly string[]; readonly features?: readonly string[] },
): Promise<{ facts: ModelFacts; model: OnnxModel }> {
  const probe = await onnxModel(path)
  const inputs = probe.inputs.map((input) => ({ name: input.name, type: input.type, shape: input.shape }))
  const outputs = probe.outputs.map((output) => ({ name: output.name, kind: output.kind }))
  await probe.release()
  const batched = probe.inputs.filter((input) => input.batchAxis >= 0)
  const columns = data.columnNames
  let feeding: ModelFacts['feeding']
  let features: string[]
  const width = (batched[0]?.rowShape ?? []).reduce<number>((product, dim) => product * (typeof dim === 'number' ? dim : Number.NaN), 1)
  if (batched.length === 1 && width > 1 && !columns.includes(batched[0]!.name)) {
    feeding = 'array'
    const skip = new Set([options.label, ...(options.ignore ?? [])])
    features = [...(options.features ?? columns.filter((name) => !skip.has(name)))]
    if (features.length !== width) {
      throw new VitestMlError(
        'vitest-ml init',
        `${width} feature columns for the model's one input "${batched[0]!.name}" (shape ${JSON.stringify(batched[0]!.shape)})`,
        `${features.length} (${features.join(', ')})`,
        'Name them in order with `--features a,b,c` (the order the model was trained on).',
      )
    }
  } else {
    feeding = 'records'
    features = batched.map((input) => input.name)
    const absent = features.filter((name) => !columns.includes(name))
    if (absent.length > 0) {
      throw new VitestMlError(
        'vitest-ml init',
        `a data column for every model input (${features.join(', ')})`,
        `none for ${absent.map((name) => `"${name}"`).join(', ')} (columns: ${columns.join(', ')})`,
        'Rename the columns of the data to the model input names, or export the model with input names that match.',
      )
    }
  }
  const readable = probe.outputs.filter((output) => output.kind !== 'unsupported')
  const zipMap = readable.find((output) => output.kind === 'zipmap')
  const probabilityTensor = readable.find(
    (output) => output.kind === 'tensor' && output.type.startsWith('float') && Number(output.rowShape.at(-1)) >= 2 && output.rowShape.length === 1,
  )
  const chosen = zipMap ?? probabilityTensor ?? readable[0]
  if (chosen === undefined)
    throw new VitestMlError('vitest-ml init', 'a model with an output vitest-ml can read', 'none', 'Export the model with a tensor output.')
  const model = await onnxModel(path, { output: chosen.name })
  const facts: ModelFacts = {
    inputs,
    outputs,
    feeding,
    features,
    output: chosen.name,
    probabilities: chosen === zipMap || chosen === probabilityTensor,
    ...(model.classes === undefined ? {} : { classes: model.classes }),
  }
  return { facts, model }
}
