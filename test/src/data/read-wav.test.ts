import { describe, expect, test } from 'vitest'
import { audioWindows, readWav } from '../../../src/data/read-wav.js'

describe('readWav', () => {
  test('reads the example clip as 16 kHz mono floats', async () => {
    const clip = await readWav('examples/data/speech-16k.wav')
    expect(clip.sampleRate).toBe(16000)
    expect(clip.samples.length).toBe(202134) // soxi: 00:00:12.63 = 202134 samples
    // One second of silence first (sox dithers it to within one 16-bit step of zero).
    expect(Math.max(...clip.samples.subarray(0, 16000).map(Math.abs))).toBeLessThanOrEqual(2 / 32768)
    expect(clip.samples.every((sample) => Math.abs(sample) <= 1)).toBe(true)
  })

  test('resamples on request', async () => {
    const clip = await readWav('examples/data/speech-16k.wav', { sampleRate: 8000 })
    expect(clip.sampleRate).toBe(8000)
    expect(Math.abs(clip.samples.length - 101067)).toBeLessThanOrEqual(1)
  })

  test('missing and non-WAV files are clear errors', async () => {
    await expect(readWav('examples/data/nope.wav')).rejects.toThrow(/readWav: expected a readable \.wav file, received "examples\/data\/nope\.wav" \(ENOENT\)/)
    await expect(readWav('package.json')).rejects.toThrow(/readWav: expected a PCM or float WAV file, received "package\.json"/)
  })
})

describe('audioWindows', () => {
  test('cuts whole windows and drops the tail', () => {
    const windows = audioWindows(
      Float32Array.from({ length: 1100 }, (_, i) => i),
      512,
    )
    expect(windows.map((window) => window.length)).toEqual([512, 512])
    expect(windows[1]?.[0]).toBe(512)
    expect(audioWindows(new Float32Array(1024), 512, 256)).toHaveLength(3)
    expect(() => audioWindows(new Float32Array(10), 0)).toThrow(/audioWindows: expected whole-number size and hop of at least 1, received size 0/)
  })
})
