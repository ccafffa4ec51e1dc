import fc from 'fast-check'
import { VitestMlError } from '../util/errors.js'

/**
 * The arbitrary of base rows a relation starts from: an arbitrary is used as is; a list of real rows is sampled
 * uniformly (every row equally likely, so violation rates estimate the rate over the data) and shrinks toward the
 * first row.
 *
 * @param inputs - an arbitrary of rows, or real rows
 * @param source - public name for errors
 * @returns an arbitrary of rows
 * @example
 * ```ts
 * fc.sample(baseRows([[1], [2], [3]], 'toBeMonotonicIn'), { seed: 1, numRuns: 2 }) // e.g. [[3], [1]]
 * ```
 */
export function baseRows<I>(inputs: fc.Arbitrary<I> | readonly I[], source: string): fc.Arbitrary<I> {
  if (inputs instanceof fc.Arbitrary) return inputs
  if (!Array.isArray(inputs)) {
    throw new VitestMlError(
      source,
      '`inputs`: a fast-check Arbitrary or an array of rows',
      inputs === undefined ? 'undefined' : typeof inputs,
      'Pass `inputs: rows` (real rows) or `inputs: fc.tuple(...)`.',
    )
  }
  if (inputs.length === 0) throw new VitestMlError(source, 'at least one input row', 'an empty list', 'Pass real rows or an arbitrary.')
  const rows = inputs as readonly I[]
  return fc.noBias(fc.nat({ max: rows.length - 1 })).map((index) => rows[index] as I)
}

/**
 * A few representative rows: the list itself, or a seeded sample of the arbitrary (used to validate features and to
 * infer feature bounds).
 *
 * @param inputs - an arbitrary of rows, or real rows
 * @param seed - sampling seed
 * @param count - rows sampled from an arbitrary @defaultValue 256
 * @example
 * ```ts
 * sampleRows(fc.tuple(fc.nat()), 1, 3).length // 3
 * ```
 */
export function sampleRows<I>(inputs: fc.Arbitrary<I> | readonly I[], seed: number, count = 256): readonly I[] {
  return inputs instanceof fc.Arbitrary ? fc.sample(inputs, { seed, numRuns: count }) : (inputs as readonly I[])
}
