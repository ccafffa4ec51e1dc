import seedrandom from 'seedrandom'

/**
 * A correlation flip: `x` and `y` standard normal with correlation +rho in the reference and -rho in the current sample,
 * plus an unrelated `z` and a `segment` category. Every marginal distribution is the same in both samples, so no
 * per-feature test can see the change; only a test of the joint distribution can.
 *
 * @param rows - rows per sample
 * @param rho - the correlation (flipped in the current sample); 0 gives two samples of one distribution
 * @param seed - seed of the draws
 */
export function correlationFlip(rows: number, rho: number, seed: string): { reference: Record<string, unknown[]>; current: Record<string, unknown[]> } {
  const random = seedrandom(seed)
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  const make = (correlation: number) => {
    const x: number[] = []
    const y: number[] = []
    const z: number[] = []
    const segment: string[] = []
    for (let row = 0; row < rows; row++) {
      const a = normal()
      x.push(a)
      y.push(correlation * a + Math.sqrt(1 - correlation * correlation) * normal())
      z.push(normal())
      segment.push(random() < 0.4 ? 'retail' : 'business')
    }
    return { x, y, z, segment }
  }
  return { reference: make(rho), current: make(-rho) }
}

/**
 * Embedding columns: `dimension`-vectors of independent standard normals, the current ones moved by `shift` along
 * the first axis.
 *
 * @param rows - rows per sample
 * @param dimension - vector length
 * @param shift - the move of the current sample
 * @param seed - seed of the draws
 */
export function embeddings(rows: number, dimension: number, shift: number, seed: string): { reference: number[][]; current: number[][] } {
  const random = seedrandom(seed)
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  const make = (delta: number) => Array.from({ length: rows }, () => Array.from({ length: dimension }, (_, axis) => normal() + (axis === 0 ? delta : 0)))
  return { reference: make(0), current: make(shift) }
}
