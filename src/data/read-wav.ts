import { readFile } from 'node:fs/promises'
import type wavefileModule from 'wavefile'
import { lazyRequire } from '../util/lazy-require.js'

/** wavefile, loaded when the first WAV file is read. */
const wavefile = lazyRequire<typeof wavefileModule>('wavefile')

import { VitestMlError } from '../util/errors.js'

/** Mono audio as float samples in [-1, 1]. */
export interface AudioClip {
  /** Samples per second. */
  readonly sampleRate: number
  /** The samples (channels are averaged to mono). */
  readonly samples: Float32Array
  /** Where the audio came from. */
  readonly name: string
}

/**
 * Reads a WAV file (any PCM or float bit depth, any channel count) into mono float samples, resampled to
 * `sampleRate` when given. Decoding is done by the `wavefile` package.
 *
 * @param path - the .wav file
 * @param options - target sample rate
 * @returns the clip
 * @example
 * ```ts
 * const clip = await readWav('examples/data/speech-16k.wav', { sampleRate: 16000 })
 * clip.samples.length / clip.sampleRate // seconds
 * ```
 */
export async function readWav(path: string, options: { readonly sampleRate?: number } = {}): Promise<AudioClip> {
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await readFile(path))
  } catch (error) {
    throw new VitestMlError(
      'readWav',
      'a readable .wav file',
      `"${path}" (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
      'Check the path; it resolves from the working directory.',
      { cause: error },
    )
  }
  const wav = new (wavefile().WaveFile)()
  try {
    wav.fromBuffer(bytes)
    if (options.sampleRate !== undefined) wav.toSampleRate(options.sampleRate)
    wav.toBitDepth('32f')
  } catch (error) {
    throw new VitestMlError(
      'readWav',
      'a PCM or float WAV file',
      `"${path}" (${(error as Error).message})`,
      'Convert it, e.g. `sox in.mp3 -r 16000 -c 1 out.wav`.',
      { cause: error },
    )
  }
  const format = wav.fmt as { numChannels: number; sampleRate: number }
  const raw = wav.getSamples(false, Float32Array) as unknown as Float32Array | Float32Array[]
  const channels = Array.isArray(raw) ? raw : [raw]
  const samples = new Float32Array(channels[0]?.length ?? 0)
  for (const channel of channels) for (let i = 0; i < samples.length; i++) samples[i] = (samples[i] as number) + (channel[i] as number) / channels.length
  return { sampleRate: format.sampleRate, samples, name: path.split(/[\\/]/).pop() ?? path }
}

/**
 * Cuts a clip into fixed-size windows (the unit a voice-activity model scores), dropping a short tail.
 *
 * @param samples - the audio
 * @param size - samples per window (Silero VAD at 16 kHz: 512)
 * @param hop - distance between window starts @defaultValue size (no overlap)
 * @returns the windows, each a copy
 * @example
 * ```ts
 * audioWindows(clip.samples, 512).length // Math.floor(clip.samples.length / 512)
 * ```
 */
export function audioWindows(samples: Float32Array, size: number, hop: number = size): Float32Array[] {
  if (!Number.isInteger(size) || size < 1 || !Number.isInteger(hop) || hop < 1) {
    throw new VitestMlError(
      'audioWindows',
      'whole-number size and hop of at least 1',
      `size ${size}, hop ${hop}`,
      'Silero VAD at 16 kHz takes 512-sample windows.',
    )
  }
  const windows: Float32Array[] = []
  for (let start = 0; start + size <= samples.length; start += hop) windows.push(samples.slice(start, start + size))
  return windows
}
