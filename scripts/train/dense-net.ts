/**
 * A tiny fully connected network trained full-batch with Adam: zero or one tanh hidden layer, then either softmax with
 * cross-entropy (classification) or identity with squared error (regression). With no hidden layer it is multinomial
 * logistic regression (or linear regression). Everything is seeded; float64 during training.
 */
import seedrandom from 'seedrandom'

/** One affine layer `x W + b`, `weights` row-major [inputs, outputs] as ONNX `Gemm` expects with `transB = 0`. */
export interface DenseLayer {
  readonly inputs: number
  readonly outputs: number
  readonly weights: Float64Array
  readonly bias: Float64Array
}

/** The network: layers joined by tanh; the last layer's output goes to softmax or straight out. */
export interface DenseNet {
  readonly layers: readonly DenseLayer[]
  readonly head: 'softmax' | 'identity'
}

/** Options of {@link trainDenseNet}. */
export interface TrainDenseNetOptions {
  /** Width of the tanh hidden layer; 0 for a linear model. */
  readonly hidden: number
  readonly head: 'softmax' | 'identity'
  readonly epochs: number
  /** Adam step size. @defaultValue 0.01 */
  readonly learningRate?: number
  /** L2 penalty on weights (not biases). @defaultValue 0.001 */
  readonly weightDecay?: number
  /** Seed of the weight initialisation. */
  readonly seed: string
}

type Matrix = readonly (readonly number[])[]

function affine(layer: DenseLayer, input: readonly number[]): number[] {
  const output = Array.from(layer.bias)
  for (let row = 0; row < layer.inputs; row += 1) {
    const value = input[row] ?? 0
    for (let column = 0; column < layer.outputs; column += 1) {
      output[column] = (output[column] ?? 0) + value * (layer.weights[row * layer.outputs + column] ?? 0)
    }
  }
  return output
}

/**
 * Softmax of one row, shifted by its maximum for stability.
 * @param logits - one row of scores
 */
export function softmax(logits: readonly number[]): number[] {
  const max = Math.max(...logits)
  const exps = logits.map((logit) => Math.exp(logit - max))
  const total = exps.reduce((sum, value) => sum + value, 0)
  return exps.map((value) => value / total)
}

/** Activations of every layer for one row: `[input, hidden..., output]` (output after the head). */
function activations(net: DenseNet, input: readonly number[]): number[][] {
  const trace: number[][] = [[...input]]
  net.layers.forEach((layer, index) => {
    const z = affine(layer, trace[trace.length - 1] ?? [])
    const last = index === net.layers.length - 1
    trace.push(last ? (net.head === 'softmax' ? softmax(z) : z) : z.map(Math.tanh))
  })
  return trace
}

/**
 * The forward pass for a batch of (already standardized) rows.
 * @param net - the network
 * @param inputs - rows of features
 * @returns one output row per input row (probabilities for a softmax head)
 * @example denseNetForward(net, [[0.1, -1.2, 0.3, 0.8]]) // [[0.97, 0.02, 0.01]]
 */
export function denseNetForward(net: DenseNet, inputs: Matrix): number[][] {
  return inputs.map((input) => activations(net, input).at(-1) ?? [])
}

function initialLayer(inputs: number, outputs: number, random: () => number): DenseLayer {
  const limit = Math.sqrt(6 / (inputs + outputs))
  const weights = Float64Array.from({ length: inputs * outputs }, () => (2 * random() - 1) * limit)
  return { inputs, outputs, weights, bias: new Float64Array(outputs) }
}

/**
 * Trains a network full-batch with Adam on softmax cross-entropy (one-hot targets) or half mean squared error.
 * @param inputs - standardized feature rows
 * @param targets - one-hot rows (softmax head) or target rows (identity head)
 * @param options - architecture, schedule and seed
 * @returns the trained network (float64)
 * @example trainDenseNet(x, oneHot, { hidden: 16, head: 'softmax', epochs: 2000, seed: 'penguins' })
 */
export function trainDenseNet(inputs: Matrix, targets: Matrix, options: TrainDenseNetOptions): DenseNet {
  const random = seedrandom(options.seed)
  const widths = [inputs[0]?.length ?? 0, ...(options.hidden > 0 ? [options.hidden] : []), targets[0]?.length ?? 0]
  const layers = widths.slice(1).map((width, index) => initialLayer(widths[index] ?? 0, width, random))
  const net: DenseNet = { layers, head: options.head }
  const parameters = layers.flatMap((layer) => [layer.weights, layer.bias])
  const firstMoment = parameters.map((values) => new Float64Array(values.length))
  const secondMoment = parameters.map((values) => new Float64Array(values.length))
  const learningRate = options.learningRate ?? 0.01
  const weightDecay = options.weightDecay ?? 0.001
  const rows = inputs.length
  for (let epoch = 1; epoch <= options.epochs; epoch += 1) {
    const gradients = parameters.map((values) => new Float64Array(values.length))
    inputs.forEach((input, rowIndex) => {
      const trace = activations(net, input)
      const target = targets[rowIndex] ?? []
      // Both heads give d(loss)/d(z_last) = output - target (softmax + cross-entropy, identity + half squared error).
      let delta = (trace.at(-1) ?? []).map((value, column) => (value - (target[column] ?? 0)) / rows)
      for (let index = layers.length - 1; index >= 0; index -= 1) {
        const layer = layers[index] as DenseLayer
        const below = trace[index] ?? []
        const weightGradient = gradients[2 * index] as Float64Array
        const biasGradient = gradients[2 * index + 1] as Float64Array
        const next = new Array<number>(layer.inputs).fill(0)
        for (let row = 0; row < layer.inputs; row += 1) {
          for (let column = 0; column < layer.outputs; column += 1) {
            const at = row * layer.outputs + column
            weightGradient[at] = (weightGradient[at] ?? 0) + (below[row] ?? 0) * (delta[column] ?? 0)
            next[row] = (next[row] ?? 0) + (layer.weights[at] ?? 0) * (delta[column] ?? 0)
          }
        }
        delta.forEach((value, column) => {
          biasGradient[column] = (biasGradient[column] ?? 0) + value
        })
        delta = next.map((value, row) => value * (1 - (below[row] ?? 0) ** 2))
      }
    })
    parameters.forEach((values, index) => {
      const gradient = gradients[index] as Float64Array
      const m = firstMoment[index] as Float64Array
      const v = secondMoment[index] as Float64Array
      const isWeight = index % 2 === 0
      for (let at = 0; at < values.length; at += 1) {
        const g = (gradient[at] ?? 0) + (isWeight ? weightDecay * (values[at] ?? 0) : 0)
        m[at] = 0.9 * (m[at] ?? 0) + 0.1 * g
        v[at] = 0.999 * (v[at] ?? 0) + 0.001 * g * g
        const step = (m[at] ?? 0) / (1 - 0.9 ** epoch) / (Math.sqrt((v[at] ?? 0) / (1 - 0.999 ** epoch)) + 1e-8)
        values[at] = (values[at] ?? 0) - learningRate * step
      }
    })
  }
  return net
}

/**
 * Rounds every parameter to float32, the precision the ONNX file stores, so the JS forward pass of the rounded net is
 * the reference the exported model is compared with.
 * @param net - a trained network
 */
export function roundToFloat32(net: DenseNet): DenseNet {
  const layers = net.layers.map((layer) => ({
    ...layer,
    weights: layer.weights.map(Math.fround),
    bias: layer.bias.map(Math.fround),
  }))
  return { layers, head: net.head }
}
