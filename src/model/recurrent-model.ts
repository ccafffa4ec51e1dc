import { VitestMlError } from '../util/errors.js'
import { checkedPredict } from './checked-predict.js'
import type { Model } from './model.js'
import type { OnnxModel } from './onnx-model.js'

/** Options of {@link recurrentModel}. */
export interface RecurrentModelOptions {
  /** The step model's per-frame input. */
  readonly input: string
  /** State carried between steps: state input name to the output that feeds it next step (e.g. `{ h: 'hn', c: 'cn' }`). */
  readonly state: Readonly<Record<string, string>>
  /** The step output that is the answer. */
  readonly output: string
  /** What a row's answer is: the last step's output, the element-wise max over steps, or every step's output. @defaultValue 'last' */
  readonly reduce?: 'last' | 'max' | 'all'
  /** Name shown in reports. @defaultValue the step model's name */
  readonly name?: string
}

/** A sequence of frames, one per step (e.g. consecutive 512-sample audio windows). */
export type FrameSequence = readonly ArrayLike<number>[]

/**
 * Runs a stateful step model (an RNN exported to ONNX with explicit state inputs and outputs, such as Silero VAD) over
 * whole sequences: a batch of sequences is stepped together, frame by frame, the state outputs of each step fed back
 * as the next step's state inputs, starting from zeros. One model call per step for the whole batch.
 *
 * @param step - the step model; load it with every needed output, e.g. `onnxModel(path, { output: ['output', 'hn', 'cn'], constants: { sr: 16000n } })`
 * @param options - which inputs and outputs form the state, and how a row's answer is formed
 * @returns a model from frame sequences to the answer (a number array)
 * @example
 * ```ts
 * const vad = recurrentModel(step, { input: 'input', state: { h: 'hn', c: 'cn' }, output: 'output' })
 * await vad.predict([eightWindows]) // [[0.93]]: speech probability after the last window
 * ```
 */
export function recurrentModel(step: OnnxModel<Readonly<Record<string, number[] | number>>>, options: RecurrentModelOptions): Model<FrameSequence, number[]> {
  const name = options.name ?? step.identity.name
  const stateNames = Object.keys(options.state)
  const stateSizes = stateNames.map((stateName) => {
    const layout = step.inputs.find((input) => input.name === stateName)
    if (layout === undefined)
      throw new VitestMlError(
        'recurrentModel',
        `a state input named one of [${step.inputs.map((i) => i.name).join(', ')}]`,
        `"${stateName}"`,
        'Name the state inputs of the step model.',
      )
    return layout.rowShape.reduce<number>((product, dim) => product * (typeof dim === 'number' ? dim : 1), 1)
  })
  const declared = step.outputs.map((output) => output.name)
  for (const wanted of [options.output, ...Object.values(options.state)]) {
    if (!declared.includes(wanted)) {
      throw new VitestMlError(
        'recurrentModel',
        `an output named one of [${declared.join(', ')}]`,
        `"${wanted}"`,
        'Name the answer and state outputs of the step model, and load it with all of them: `onnxModel(path, { output: [...] })`.',
      )
    }
  }
  const reduce = options.reduce ?? 'last'
  return {
    identity: { ...step.identity, name },
    async predict(batch) {
      if (batch.length === 0) return []
      const steps = batch[0]?.length ?? 0
      const ragged = batch.findIndex((sequence) => sequence.length !== steps)
      if (steps === 0 || ragged >= 0) {
        throw new VitestMlError(
          name,
          `sequences of equal, non-zero length (${steps} frames)`,
          ragged >= 0 ? `${batch[ragged]?.length} frames at row ${ragged}` : 'empty sequences',
          'Cut inputs into sequences of the same number of frames.',
        )
      }
      let state = batch.map(() => Object.fromEntries(stateNames.map((stateName, k) => [stateName, new Array<number>(stateSizes[k] as number).fill(0)])))
      const answers: number[][][] = batch.map(() => [])
      for (let t = 0; t < steps; t++) {
        const outputs = await checkedPredict(
          step,
          batch.map((sequence, row) => ({ [options.input]: sequence[t] as ArrayLike<number>, ...state[row] })),
          name,
        )
        outputs.forEach((output, row) => {
          for (const wanted of [options.output, ...Object.values(options.state)]) {
            if (output?.[wanted] === undefined) {
              throw new VitestMlError(
                name,
                `the step output "${wanted}" for every row`,
                `a record without it at row ${row}, step ${t} (keys ${Object.keys(output ?? {}).join(', ')})`,
                'Load the step model with every output the recurrence reads: `onnxModel(path, { output: [answer, ...state outputs] })`.',
              )
            }
          }
        })
        state = outputs.map((output) => Object.fromEntries(stateNames.map((stateName) => [stateName, output[options.state[stateName] as string] as number[]])))
        outputs.forEach((output, row) => {
          const value = output[options.output]
          answers[row]?.push(typeof value === 'number' ? [value] : (value as number[]))
        })
      }
      return answers.map((perStep) => {
        if (reduce === 'all') return perStep.flat()
        if (reduce === 'last') return perStep[perStep.length - 1] as number[]
        return (perStep[0] as number[]).map((_, j) => Math.max(...perStep.map((values) => values[j] as number)))
      })
    },
    release: () => step.release(),
    fresh: async () => recurrentModel(await step.fresh(), options),
  }
}
