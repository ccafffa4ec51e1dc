/**
 * The shared shape of the example models, as an ONNX graph and as the matching JS forward pass:
 * `features` -> optional column selection (Gather, axis 1) -> standardize (Sub, Div) -> dense net ->
 * classifier head (Softmax -> `probabilities`, ArgMax -> `label`) or regressor head (Mul, Add -> `prediction`).
 */
import { type DenseNet, denseNetForward } from './dense-net.js'
import { floatTensor, int64Tensor, node, serializeModel, valueInfo } from './onnx-graph.js'

/** Per-column mean and standard deviation, stored as float32. */
export interface Standardizer {
  readonly means: readonly number[]
  readonly stds: readonly number[]
}

/** A complete tabular model: what the ONNX graph computes. */
export interface TabularModel {
  /** Graph name. */
  readonly name: string
  /** One-line description stored in the graph. */
  readonly description: string
  /** Width of the `features` input. */
  readonly featureCount: number
  /** Columns of `features` the model reads (a Gather); undefined to read all of them. */
  readonly columns?: readonly number[]
  readonly standardizer: Standardizer
  readonly net: DenseNet
  /** Regressor only: the net predicts `(y - mean) / std`; the graph maps it back. */
  readonly target?: { readonly mean: number; readonly std: number }
}

/**
 * Fits a standardizer on training rows (population standard deviation), rounded to float32.
 * @param rows - training rows, already restricted to the columns the model reads
 * @example fitStandardizer([[1], [3]]) // { means: [2], stds: [1] }
 */
export function fitStandardizer(rows: readonly (readonly number[])[]): Standardizer {
  const width = rows[0]?.length ?? 0
  const means: number[] = []
  const stds: number[] = []
  for (let column = 0; column < width; column += 1) {
    const values = rows.map((row) => row[column] ?? 0)
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length
    means.push(Math.fround(mean))
    stds.push(Math.fround(Math.sqrt(variance) || 1))
  }
  return { means, stds }
}

/**
 * Selects the model's columns and standardizes them, exactly as the graph does before the dense net.
 * @param model - the model (its `net` is not used)
 * @param rows - raw `features` rows
 */
export function prepareInputs(model: Omit<TabularModel, 'net'>, rows: readonly (readonly number[])[]): number[][] {
  const columns = model.columns ?? Array.from({ length: model.featureCount }, (_, index) => index)
  return rows.map((row) =>
    columns.map((column, index) => (Math.fround(row[column] ?? Number.NaN) - (model.standardizer.means[index] ?? 0)) / (model.standardizer.stds[index] ?? 1)),
  )
}

/**
 * The JS forward pass of the whole model on raw `features` rows: probabilities for a classifier, `[prediction]` for a
 * regressor. This is the reference the exported ONNX file is checked against.
 * @param model - the model
 * @param rows - raw `features` rows
 */
export function tabularForward(model: TabularModel, rows: readonly (readonly number[])[]): number[][] {
  const outputs = denseNetForward(model.net, prepareInputs(model, rows))
  if (model.target === undefined) return outputs
  const std = Math.fround(model.target.std)
  const mean = Math.fround(model.target.mean)
  return outputs.map((row) => row.map((value) => value * std + mean))
}

/**
 * Builds and serializes the ONNX graph of a tabular model.
 * @param model - the model, with float32-rounded parameters
 * @returns the encoded ONNX model
 */
export function tabularGraph(model: TabularModel): Uint8Array {
  const nodes = []
  const initializers = []
  let current = 'features'
  if (model.columns !== undefined) {
    initializers.push(int64Tensor('selected_columns', [model.columns.length], model.columns))
    nodes.push(node('Gather', [current, 'selected_columns'], ['selected'], { axis: { int: 1 } }))
    current = 'selected'
  }
  const width = model.standardizer.means.length
  initializers.push(floatTensor('feature_means', [width], model.standardizer.means))
  initializers.push(floatTensor('feature_stds', [width], model.standardizer.stds))
  nodes.push(node('Sub', [current, 'feature_means'], ['centered']))
  nodes.push(node('Div', ['centered', 'feature_stds'], ['standardized']))
  current = 'standardized'
  model.net.layers.forEach((layer, index) => {
    const last = index === model.net.layers.length - 1
    initializers.push(floatTensor(`dense${index}_weights`, [layer.inputs, layer.outputs], layer.weights))
    initializers.push(floatTensor(`dense${index}_bias`, [layer.outputs], layer.bias))
    const output = last ? 'scores' : `dense${index}`
    nodes.push(node('Gemm', [current, `dense${index}_weights`, `dense${index}_bias`], [output]))
    current = output
    if (!last) {
      nodes.push(node('Tanh', [current], [`hidden${index}`]))
      current = `hidden${index}`
    }
  })
  const outputWidth = model.net.layers.at(-1)?.outputs ?? 0
  const outputs = []
  if (model.target === undefined) {
    nodes.push(node('Softmax', ['scores'], ['probabilities'], { axis: { int: 1 } }))
    nodes.push(node('ArgMax', ['probabilities'], ['label'], { axis: { int: 1 }, keepdims: { int: 0 } }))
    outputs.push(valueInfo('probabilities', 'float', ['N', outputWidth]), valueInfo('label', 'int64', ['N']))
  } else {
    initializers.push(floatTensor('target_std', [1], [model.target.std]))
    initializers.push(floatTensor('target_mean', [1], [model.target.mean]))
    nodes.push(node('Mul', ['scores', 'target_std'], ['scaled']))
    nodes.push(node('Add', ['scaled', 'target_mean'], ['prediction']))
    outputs.push(valueInfo('prediction', 'float', ['N', outputWidth]))
  }
  return serializeModel({
    name: model.name,
    description: model.description,
    nodes,
    initializers,
    inputs: [valueInfo('features', 'float', ['N', model.featureCount])],
    outputs,
  })
}
