import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { flipImage } from '../../../../src/arbitraries/image/flip-image.js'
import { imageBlur } from '../../../../src/arbitraries/image/image-blur.js'
import { imageBrightness } from '../../../../src/arbitraries/image/image-brightness.js'
import { imageContrast } from '../../../../src/arbitraries/image/image-contrast.js'
import { readImage } from '../../../../src/arbitraries/image/image-layout.js'
import { imageNoise } from '../../../../src/arbitraries/image/image-noise.js'
import { imageOcclusion } from '../../../../src/arbitraries/image/image-occlusion.js'
import { imageRotation, rotateImage } from '../../../../src/arbitraries/image/image-rotation.js'
import { imageTranslation } from '../../../../src/arbitraries/image/image-translation.js'
import { blurPixels, rotatePixels, shiftPixels } from '../../../../src/arbitraries/image/resample-image.js'
import type { PerturbFunction } from '../../../../src/arbitraries/perturb-function.js'
import { arbitraryDescription } from '../../../../src/util/described-arbitrary.js'

// scripts/reference/image_reference.py: scipy.ndimage on a fixed 2-channel 7 x 9 image.
const reference = JSON.parse(readFileSync('test/fixtures/reference/image-perturbations.json', 'utf8')) as {
  image: number[]
  rotate: Record<string, number[]>
  shift: Record<string, number[]>
  gaussian_filter: Record<string, number[]>
}
const image = readImage(reference.image, { channels: 2, height: 7, width: 9 }, 'test')
const maxDifference = (actual: ArrayLike<number>, expected: readonly number[]): number =>
  Math.max(...expected.map((value, i) => Math.abs(value - (actual[i] as number))))

describe('pixel operations agree with scipy.ndimage', () => {
  test.each(Object.keys(reference.rotate))('rotate %s degrees = scipy.ndimage.rotate(reshape=False, order=1, mode="grid-constant")', (angle) => {
    expect(maxDifference(rotatePixels(image, Number(angle), 0), reference.rotate[angle] as number[])).toBeLessThan(1e-12)
  })
  test('shift (1, -2) = scipy.ndimage.shift(order=0, mode="constant")', () => {
    expect(maxDifference(shiftPixels(image, 1, -2, 0), reference.shift['1,-2'] as number[])).toBe(0)
  })
  test.each(Object.keys(reference.gaussian_filter))('blur sigma %s = scipy.ndimage.gaussian_filter(mode="reflect", truncate=4)', (sigma) => {
    expect(maxDifference(blurPixels(image, Number(sigma)), reference.gaussian_filter[sigma] as number[])).toBeLessThan(1e-12)
  })
})

describe('image rows: flat, typed or nested, channels first or last', () => {
  test('a nested [H][W][C] row comes back nested, a Uint8Array row as a rounded Uint8Array', () => {
    const hwc = [
      [
        [0, 0.5],
        [1, 0.25],
      ],
    ] // H 1, W 2, C 2
    const flip = flipImage<number[][][]>('horizontal', { layout: 'hwc' })
    expect(flip(hwc)).toEqual([
      [
        [1, 0.25],
        [0, 0.5],
      ],
    ])
    const bytes = Uint8Array.of(10, 20, 30, 40)
    const brighter = fc.sample(imageBrightness<Uint8Array>({ maxDelta: 0.03, range: { min: 0, max: 255 } }), { seed: 3, numRuns: 5 })
    for (const p of brighter) {
      const out = p(bytes)
      expect(out).toBeInstanceOf(Uint8Array)
      expect(new Set(Array.from(out, (v, i) => v - (bytes[i] as number))).size).toBe(1)
    }
    expect(flipImage<number[]>('vertical', { height: 2, width: 2 })([1, 2, 3, 4])).toEqual([3, 4, 1, 2])
  })

  test('sizes that do not add up are a clear error', () => {
    expect(() => flipImage<number[]>('horizontal', { height: 3, width: 3 })([1, 2, 3, 4])).toThrow(
      /^flipImage: expected sizes that match the row: channels x height x width = 4, received 0\.444\d* x 3 x 3\.\nHint: Pass `height`, `width`/,
    )
    expect(() => imageBrightness({ maxDelta: 2 })).toThrow(/^imageBrightness: expected `maxDelta` in \[0, 1\]/)
  })
})

type Arb = fc.Arbitrary<PerturbFunction<number[]>>
const square = { height: 8, width: 8 } as const
const pixels = Array.from({ length: 64 }, (_, i) => ((i * 7) % 17) / 16)
const arbitraries: readonly (readonly [string, Arb, number])[] = [
  ['imageBrightness', imageBrightness<number[]>({ maxDelta: 0.1, ...square }), 0.1],
  ['imageContrast', imageContrast<number[]>({ minFactor: 0.8, maxFactor: 1.25, ...square }), 0.5],
  ['imageNoise', imageNoise<number[]>({ maxSigma: 0.05, ...square }), 1],
  ['imageTranslation', imageTranslation<number[]>({ maxPixels: 1, ...square }), 1],
  ['imageRotation', imageRotation<number[]>({ maxDegrees: 10, ...square }), 1],
  ['imageOcclusion', imageOcclusion<number[]>({ maxSize: 0.25, ...square }), 1],
  ['imageBlur', imageBlur<number[]>({ maxSigma: 1, ...square }), 1],
]

describe.each(arbitraries)('%s', (name, arbitrary, bound) => {
  test('bounded: pixels stay in the range and within the stated amount; the row is not modified', () => {
    const copy = pixels.slice()
    for (const p of fc.sample(arbitrary, { seed: 1, numRuns: 100 })) {
      const out = p(pixels)
      expect(out).toHaveLength(64)
      for (const [i, value] of out.entries()) {
        expect(value).toBeGreaterThanOrEqual(0)
        expect(value).toBeLessThanOrEqual(1)
        if (name === 'imageBrightness') expect(Math.abs(value - (pixels[i] as number))).toBeLessThanOrEqual(bound + 1e-12)
      }
    }
    expect(pixels).toEqual(copy)
  })

  test('shrinks toward the identity; the same seed gives the same perturbations', () => {
    const result = fc.check(
      fc.property(arbitrary, (p) => p.identity),
      { seed: 2, numRuns: 100 },
    )
    expect(result.failed).toBe(true)
    const [smallest] = result.counterexample as [PerturbFunction<number[]>]
    // the smallest failing perturbation is close to the identity: at most one pixel-sized step from it
    const change = maxDifference(smallest(pixels), pixels)
    expect(change).toBeLessThan(name === 'imageTranslation' || name === 'imageOcclusion' ? 1.01 : 0.05)
    const labels = (seed: number) => fc.sample(arbitrary, { seed, numRuns: 5 }).map((p) => [p.label, p(pixels)])
    expect(labels(9)).toEqual(labels(9))
    expect(arbitraryDescription(arbitrary)).toMatch(/uniform/)
  })
})

test('imageBrightness draws its shift uniformly over [-maxDelta, maxDelta] (statistical mode)', () => {
  const shifts = fc
    .sample(fc.noBias(imageBrightness<number[]>({ maxDelta: 0.2, height: 1, width: 1 })), { seed: 4, numRuns: 10_000 })
    .map((p) => (p([0.5])[0] as number) - 0.5)
  const tenths = Array.from(
    { length: 10 },
    (_, k) => shifts.filter((shift) => shift >= -0.2 + 0.04 * k && shift < -0.2 + 0.04 * (k + 1)).length / shifts.length,
  )
  for (const share of tenths) expect(Math.abs(share - 0.1)).toBeLessThan(0.012)
})

test('a quarter turn of a one-channel image matches the transpose-and-flip it is', () => {
  const grid = [
    [1, 2, 3],
    [4, 5, 6],
    [7, 8, 9],
  ]
  expect(rotateImage<number[][]>(90)(grid)).toEqual([
    [3, 6, 9],
    [2, 5, 8],
    [1, 4, 7],
  ])
})
