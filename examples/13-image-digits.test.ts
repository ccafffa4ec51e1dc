/**
 * Behavioural tests of an image classifier nobody here wrote by hand: the torch-exported CNN of the converter fixtures
 * (`models/converters/digits-cnn.onnx`, `torch.onnx.export` of a small Conv-ReLU-MaxPool network on scikit-learn's 8x8
 * digits; input `[batch, 1, 8, 8]` floats in [0, 1], output 10 logits). The 450 held-out digits are the cases.
 * Small brightness, noise and blur changes must rarely change the predicted digit (statistical mode, rates stated
 * under the distribution each arbitrary describes); a mirror image or a quarter turn is another picture, and the
 * checks show that it changes the answer.
 */
import { afterAll, describe, expect, test } from 'vitest'
import {
  chainPerturbations,
  flipImage,
  imageBlur,
  imageBrightness,
  imageNoise,
  imageOcclusion,
  imageRotation,
  imageTranslation,
  onnxModel,
  rotateImage,
} from 'vitest-ml'
import { converterRows } from './support/converter-rows.js'

// Flat rows of 64 pixels: the image perturbations need the picture's size (nested rows would tell it themselves).
const shape = { height: 8, width: 8, layout: 'chw', range: { min: 0, max: 1 } } as const

describe('digits-cnn.onnx (torch export): small changes keep the digit, mirror images do not', async () => {
  const cnn = await onnxModel<number[]>('models/converters/digits-cnn.onnx', { output: 'logits', name: 'digits-cnn.onnx' })
  const { rows: digits } = converterRows<number[]>('digits-cnn')
  afterAll(() => cnn.release())

  test('brightness within +-10% of the range changes fewer than 5% of digits (95% confidence)', async () => {
    await expect(cnn).toBeInvariantUnder(imageBrightness({ maxDelta: 0.1, ...shape }), {
      inputs: digits,
      label: true,
      numRuns: 1000,
      maxViolationRate: 0.05,
      seed: 13,
    })
  })

  test('gaussian noise (sigma up to 5% of the range) changes fewer than 5% of digits', async () => {
    await expect(cnn).toBeInvariantUnder(imageNoise({ maxSigma: 0.05, ...shape }), {
      inputs: digits,
      label: true,
      numRuns: 1000,
      maxViolationRate: 0.05,
      seed: 13,
    })
  })

  test('a light blur or a small patch (one or both): fewer than 15% of digits change', async () => {
    const mild = chainPerturbations([imageBlur({ maxSigma: 0.5, ...shape }), imageOcclusion({ maxSize: 0.25, ...shape })], { maxSteps: 2 })
    await expect(cnn).toBeInvariantUnder(mild, { inputs: digits, label: true, numRuns: 1000, maxViolationRate: 0.15, seed: 13 })
  })

  test('a one-pixel shift is not small on an 8 x 8 image: it changes more than 10% of the digits', async () => {
    await expect(cnn).not.toBeInvariantUnder(imageTranslation({ maxPixels: 1, ...shape }), {
      inputs: digits,
      label: true,
      numRuns: 1000,
      maxViolationRate: 0.1,
      seed: 13,
    })
  })

  test('but not every digit survives a rotation of up to 15 degrees: exact mode finds one and shrinks the angle', async () => {
    await expect(
      expect(cnn).toBeInvariantUnder(imageRotation({ maxDegrees: 15, ...shape }), { inputs: digits, label: true, numRuns: 500, seed: 13 }),
    ).rejects.toThrow(
      /digits-cnn\.onnx is not invariant under generated transforms \(the predicted class\)[\s\S]*predicted class changed from \d to \d[\s\S]*transform: +rotation -?[\d.]+ degrees[\s\S]*Replay: \{ seed: 13, numRuns: 500, path: /,
    )
  })

  test('a mirror image is another picture: a horizontal flip changes the digit on more than 20% of the images', async () => {
    await expect(cnn).not.toBeInvariantUnder(flipImage('horizontal', shape), { inputs: digits, label: true, maxViolationRate: 0.2 })
  })

  test('so is a quarter turn: a 90 degree rotation changes the digit on more than half of the images', async () => {
    await expect(cnn).not.toBeInvariantUnder(rotateImage(90, shape), { inputs: digits, label: true, maxViolationRate: 0.5 })
  })
})
