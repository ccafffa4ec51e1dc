import { VitestMlError } from '../../util/errors.js'

/** How an image row is laid out: channels first (`[C, H, W]`, torch) or last (`[H, W, C]`, TensorFlow / PIL). */
export type ImageLayout = 'chw' | 'hwc'

/** Where an image row's pixels are and which values they may take. Nested rows tell their own sizes. */
export interface ImageConstraints {
  /** Channels first or last. @defaultValue 'chw' */
  readonly layout?: ImageLayout
  /** Height in pixels (flat rows). @defaultValue worked out from a nested row, or the side of a square one-channel row */
  readonly height?: number
  /** Width in pixels (flat rows). @defaultValue as `height` */
  readonly width?: number
  /** Channels (flat rows). @defaultValue the row length / (height * width) */
  readonly channels?: number
  /** The pixel range: perturbed values are clipped to it, amounts are shares of it, fills default to its `min`. @defaultValue { min: 0, max: 1 } */
  readonly range?: { readonly min: number; readonly max: number }
}

/** An image read from a row: its pixels channel by channel (`[C, H, W]`, row-major) and a writer back to the row's form. */
export interface ImagePixels {
  readonly channels: number
  readonly height: number
  readonly width: number
  /** `[C, H, W]` pixels, row-major. */
  readonly pixels: Float64Array
  /** The pixel range. */
  readonly min: number
  readonly max: number
  /** Writes pixels (`[C, H, W]`) back in the row's own form: flat array, typed array of the same type, or nested arrays, in its layout. */
  readonly write: (pixels: Float64Array) => unknown
}

function nestedDims(row: unknown): number[] {
  const dims: number[] = []
  let level: unknown = row
  while (Array.isArray(level)) {
    dims.push(level.length)
    level = level[0]
  }
  return dims
}

function flatten(row: unknown, into: number[]): void {
  if (Array.isArray(row)) for (const item of row) flatten(item, into)
  else into.push(typeof row === 'number' ? row : Number.NaN)
}

function nest(values: ArrayLike<number>, dims: readonly number[], offset = 0): unknown {
  if (dims.length === 1) return Array.from({ length: dims[0] as number }, (_, index) => values[offset + index] as number)
  const inner = dims.slice(1).reduce((product, dim) => product * dim, 1)
  return Array.from({ length: dims[0] as number }, (_, index) => nest(values, dims.slice(1), offset + index * inner))
}

const INTEGER_LIMITS: Readonly<Record<string, readonly [number, number]>> = {
  Uint8Array: [0, 255],
  Uint8ClampedArray: [0, 255],
  Int8Array: [-128, 127],
  Uint16Array: [0, 65535],
  Int16Array: [-32768, 32767],
  Uint32Array: [0, 4294967295],
  Int32Array: [-2147483648, 2147483647],
}

/**
 * Reads an image row — flat (`number[]`, `Float32Array`, `Uint8Array` ...) or nested (`[C][H][W]`, `[H][W][C]`,
 * `[H][W]`) — into `[C, H, W]` pixels, with a writer that puts perturbed pixels back in the same form (integer typed
 * arrays rounded and clamped to their type). Sizes that do not add up are a clear error.
 *
 * @param row - the image row
 * @param constraints - layout, sizes (flat rows), range
 * @param source - public name for errors
 * @returns the pixels and the writer
 * @example
 * ```ts
 * const image = readImage(new Float32Array(64), { height: 8, width: 8 })
 * image.channels // 1
 * image.write(image.pixels) // a Float32Array of 64 values again
 * ```
 */
export function readImage(row: unknown, constraints: ImageConstraints, source: string): ImagePixels {
  const layout = constraints.layout ?? 'chw'
  const min = constraints.range?.min ?? 0
  const max = constraints.range?.max ?? 1
  if (!(Number.isFinite(min) && Number.isFinite(max) && min < max))
    throw new VitestMlError(source, 'a pixel `range` with min < max', `min ${min}, max ${max}`, 'Pass `range: { min: 0, max: 255 }` for 8-bit pixels.')
  const nested = Array.isArray(row) && Array.isArray(row[0])
  let values: number[]
  let channels: number
  let height: number
  let width: number
  if (nested) {
    const dims = nestedDims(row)
    values = []
    flatten(row, values)
    if (dims.length === 2) [channels, height, width] = [1, dims[0] as number, dims[1] as number]
    else if (dims.length === 3)
      [channels, height, width] = layout === 'chw' ? (dims as [number, number, number]) : [dims[2] as number, dims[0] as number, dims[1] as number]
    else
      throw new VitestMlError(
        source,
        'an image row of 2 or 3 nested dimensions',
        `${dims.length} (${dims.join(' x ')})`,
        'Pass one image per row: [C][H][W], [H][W][C] or [H][W].',
      )
  } else if (Array.isArray(row) || (ArrayBuffer.isView(row) && !(row instanceof DataView))) {
    values = Array.from(row as ArrayLike<number>, Number)
    const side = Math.round(Math.sqrt(values.length))
    height = constraints.height ?? constraints.width ?? side
    width = constraints.width ?? height
    channels = constraints.channels ?? values.length / (height * width)
  } else
    throw new VitestMlError(
      source,
      'an image row: a flat or typed array of pixels, or nested arrays',
      row === null ? 'null' : typeof row,
      'Image perturbations take one image per row.',
    )
  if (!(Number.isInteger(channels) && channels >= 1 && channels * height * width === values.length && height >= 1 && width >= 1)) {
    throw new VitestMlError(
      source,
      `sizes that match the row: channels x height x width = ${values.length}`,
      `${channels} x ${height} x ${width}`,
      'Pass `height`, `width` (and `channels`) for flat rows, for example `{ height: 28, width: 28 }`.',
    )
  }
  const pixels = new Float64Array(values.length)
  const plane = height * width
  for (let c = 0; c < channels; c++) {
    for (let p = 0; p < plane; p++)
      pixels[c * plane + p] = (layout === 'chw' || (nested && nestedDims(row).length === 2) ? values[c * plane + p] : values[p * channels + c]) as number
  }
  const write = (next: Float64Array): unknown => {
    const out = new Array<number>(next.length)
    for (let c = 0; c < channels; c++) {
      for (let p = 0; p < plane; p++) out[layout === 'chw' || channels === 1 ? c * plane + p : p * channels + c] = next[c * plane + p] as number
    }
    if (nested) return nest(out, nestedDims(row))
    if (Array.isArray(row)) return out
    const limits = INTEGER_LIMITS[(row as object).constructor.name]
    const Typed = (row as object).constructor as new (values: number[]) => unknown
    return new Typed(limits === undefined ? out : out.map((value) => Math.min(limits[1], Math.max(limits[0], Math.round(value)))))
  }
  return { channels, height, width, pixels, min, max, write }
}

/**
 * Clips pixels to `[min, max]` in place.
 *
 * @param pixels - the pixels
 * @param min - lower end
 * @param max - upper end
 * @returns the same array
 * @example
 * ```ts
 * clipPixels(Float64Array.of(-0.2, 0.5, 1.3), 0, 1) // [0, 0.5, 1]
 * ```
 */
export function clipPixels(pixels: Float64Array, min: number, max: number): Float64Array {
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.min(max, Math.max(min, pixels[i] as number))
  return pixels
}
