import type { ImagePixels } from './image-layout.js'

/**
 * Rotates every channel about the image centre by `degrees` with bilinear interpolation, as
 * `scipy.ndimage.rotate(image, degrees, reshape=False, order=1, mode='grid-constant', cval=fill)` does on each
 * `[H, W]` plane (positive angles turn the picture counter-clockwise as displayed, rows downward). The image is
 * extended with `fill` beyond its edges, so corners that come from outside take `fill` and the border blends into it.
 *
 * @param image - the image
 * @param degrees - the angle
 * @param fill - value of pixels from outside
 * @returns new `[C, H, W]` pixels
 * @example
 * ```ts
 * rotatePixels(readImage([[0, 1], [0, 0]], {}, 'x'), 90, 0) // [1, 0, 0, 0]... a quarter turn
 * ```
 */
export function rotatePixels(image: ImagePixels, degrees: number, fill: number): Float64Array {
  const { channels, height, width, pixels } = image
  const radians = (degrees * Math.PI) / 180
  // scipy's special.cosdg / sindg are exact at multiples of 90 degrees; so are these for the quarter turns.
  const quarter = degrees % 90 === 0
  const cos = quarter ? Math.round(Math.cos(radians)) : Math.cos(radians)
  const sin = quarter ? Math.round(Math.sin(radians)) : Math.sin(radians)
  const centreRow = (height - 1) / 2
  const centreCol = (width - 1) / 2
  const out = new Float64Array(pixels.length)
  const plane = height * width
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const row = cos * (r - centreRow) + sin * (c - centreCol) + centreRow
      const col = -sin * (r - centreRow) + cos * (c - centreCol) + centreCol
      for (let channel = 0; channel < channels; channel++)
        out[channel * plane + r * width + c] = bilinear(pixels, channel * plane, height, width, row, col, fill)
    }
  }
  return out
}

/**
 * Bilinear sample of one plane at (row, col), the plane extended with `fill` beyond its edges and interpolated there
 * too (scipy's 'grid-constant' mode): a point just outside blends the edge pixel with `fill`, so a rotation changes
 * the image continuously with its angle and a tiny angle changes it only a little.
 */
function bilinear(pixels: Float64Array, offset: number, height: number, width: number, row: number, col: number, fill: number): number {
  const r0 = Math.floor(row)
  const c0 = Math.floor(col)
  const dr = row - r0
  const dc = col - c0
  const at = (r: number, c: number): number => (r >= 0 && r < height && c >= 0 && c < width ? (pixels[offset + r * width + c] as number) : fill)
  return (1 - dr) * ((1 - dc) * at(r0, c0) + dc * at(r0, c0 + 1)) + dr * ((1 - dc) * at(r0 + 1, c0) + dc * at(r0 + 1, c0 + 1))
}

/**
 * Shifts every channel by whole pixels (`rows` down, `cols` right), filling the uncovered border with `fill`, as
 * `scipy.ndimage.shift(image, (rows, cols), order=0, mode='constant', cval=fill)`.
 *
 * @param image - the image
 * @param rows - pixels down (negative: up)
 * @param cols - pixels right (negative: left)
 * @param fill - value of the uncovered pixels
 * @returns new `[C, H, W]` pixels
 * @example
 * ```ts
 * shiftPixels(readImage([[1, 2], [3, 4]], {}, 'x'), 0, 1, 0) // [0, 1, 0, 3]
 * ```
 */
export function shiftPixels(image: ImagePixels, rows: number, cols: number, fill: number): Float64Array {
  const { channels, height, width, pixels } = image
  const out = new Float64Array(pixels.length)
  const plane = height * width
  for (let channel = 0; channel < channels; channel++) {
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        const from = [r - rows, c - cols] as const
        out[channel * plane + r * width + c] =
          from[0] >= 0 && from[0] < height && from[1] >= 0 && from[1] < width ? (pixels[channel * plane + from[0] * width + from[1]] as number) : fill
      }
    }
  }
  return out
}

/**
 * Gaussian blur of every channel (not across channels), as `scipy.ndimage.gaussian_filter(plane, sigma,
 * mode='reflect', truncate=4.0)`: a separable kernel of radius `round(4 sigma)`, edges mirrored (`d c b a | a b c d`).
 *
 * @param image - the image
 * @param sigma - standard deviation in pixels (0: a copy)
 * @returns new `[C, H, W]` pixels
 * @example
 * ```ts
 * blurPixels(image, 1) // smoothed pixels, same size
 * ```
 */
export function blurPixels(image: ImagePixels, sigma: number): Float64Array {
  const { channels, height, width } = image
  if (!(sigma > 0)) return image.pixels.slice()
  const radius = Math.floor(4 * sigma + 0.5)
  const weights = Array.from({ length: 2 * radius + 1 }, (_, k) => Math.exp(-0.5 * ((k - radius) / sigma) ** 2))
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  const kernel = weights.map((weight) => weight / total)
  const reflect = (index: number, size: number): number => {
    let i = index
    const period = 2 * size
    i = ((i % period) + period) % period
    return i < size ? i : period - i - 1
  }
  const plane = height * width
  const along = new Float64Array(image.pixels.length)
  const out = new Float64Array(image.pixels.length)
  for (let channel = 0; channel < channels; channel++) {
    const base = channel * plane
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        let sum = 0
        for (let k = -radius; k <= radius; k++) sum += (kernel[k + radius] as number) * (image.pixels[base + reflect(r + k, height) * width + c] as number)
        along[base + r * width + c] = sum
      }
    }
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        let sum = 0
        for (let k = -radius; k <= radius; k++) sum += (kernel[k + radius] as number) * (along[base + r * width + reflect(c + k, width)] as number)
        out[base + r * width + c] = sum
      }
    }
  }
  return out
}
