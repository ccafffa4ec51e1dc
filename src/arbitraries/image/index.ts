/**
 * Image perturbations over rows shaped `[C, H, W]` or `[H, W, C]` (flat, typed or nested): brightness, contrast,
 * gaussian noise, translations, rotations, occlusion patches, blur — each bounded, seeded, described and shrinking
 * toward the identity — and fixed flips and rotations for demonstrations.
 */

export { flipImage } from './flip-image.js'
export type { ImageBlurConstraints } from './image-blur.js'
export { imageBlur } from './image-blur.js'
export type { ImageBrightnessConstraints } from './image-brightness.js'
export { imageBrightness } from './image-brightness.js'
export type { ImageContrastConstraints } from './image-contrast.js'
export { imageContrast } from './image-contrast.js'
export type { ImageConstraints, ImageLayout, ImagePixels } from './image-layout.js'
export type { ImageNoiseConstraints } from './image-noise.js'
export { imageNoise } from './image-noise.js'
export type { ImageOcclusionConstraints } from './image-occlusion.js'
export { imageOcclusion } from './image-occlusion.js'
export { imagePerturbation } from './image-perturbation.js'
export type { ImageRotationConstraints } from './image-rotation.js'
export { imageRotation, rotateImage } from './image-rotation.js'
export type { ImageTranslationConstraints } from './image-translation.js'
export { imageTranslation } from './image-translation.js'
