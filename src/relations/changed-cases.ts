import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import { VitestMlError } from '../util/errors.js'
import { type RowTransform, transformRow } from './invariance-probe.js'

/** A case of a transform relation: a base row and the transform applied to it. */
export type TransformCase<I> = readonly [row: I, transform: RowTransform<I>]

/** What `changedCases` kept. */
export interface ChangedCases<I> {
  /** The cases whose transform changes the row. */
  readonly cases: fc.Arbitrary<TransformCase<I>> | readonly TransformCase<I>[]
  /** Given rows left out because the transform did not change them (fixed lists only). */
  readonly skipped?: number
  /** Share of sampled cases the transform changed (generated cases only): how much of the distribution is left. */
  readonly changedShare?: number
}

const PROBE_SIZE = 200

/**
 * Keeps only the cases whose transform changes the input, as CheckList counts a perturbation test over the inputs it
 * applies to (a name swap on a sentence without a name is not a case). A fixed list is filtered (and the rows left out
 * counted); generated cases are drawn again until the transform changes the row (fast-check's `filter`), after a
 * seeded probe of 200 cases has shown that some do. A transform that changes nothing is a usage error.
 *
 * @param cases - generated cases or a fixed list
 * @param seed - seed of the probe
 * @param source - public name for errors
 * @returns the changed cases and how many were skipped (or the changed share of the probe)
 * @example
 * ```ts
 * changedCases(sentences.map((s) => [s, negate] as const), 1, 'toShiftOutputUnder').skipped // 3 sentences compromise could not negate
 * ```
 */
export function changedCases<I>(cases: fc.Arbitrary<TransformCase<I>> | readonly TransformCase<I>[], seed: number, source: string): ChangedCases<I> {
  const changes = ([row, transform]: TransformCase<I>): boolean => !isDeepStrictEqual(transformRow(transform, row, source), row)
  if (Array.isArray(cases)) {
    const kept = (cases as readonly TransformCase<I>[]).filter(changes)
    if (kept.length === 0) throw unchanged(source, `none of the ${cases.length} given rows`)
    return { cases: kept, skipped: cases.length - kept.length }
  }
  const arbitrary = cases as fc.Arbitrary<TransformCase<I>>
  const probe = fc.sample(fc.noBias(arbitrary), { seed, numRuns: PROBE_SIZE })
  const changed = probe.filter(changes).length
  if (changed === 0) throw unchanged(source, `none of ${PROBE_SIZE} sampled cases`)
  return { cases: arbitrary.filter(changes), changedShare: changed / PROBE_SIZE }
}

function unchanged(source: string, received: string): VitestMlError {
  return new VitestMlError(
    source,
    'a transform that changes at least some inputs',
    `a transform that changed ${received}`,
    'Check that the inputs contain what the transform edits (names for swapPeople, numbers for changeNumbers ...), or pass `skipUnchanged: false` to count unchanged inputs as cases.',
  )
}

/**
 * The phrase a relation's rate is "under": the base rows, how they were drawn, the transform's distribution, and
 * whether unchanged cases were left out.
 *
 * @param inputs - `inputs` of the check (real rows or an arbitrary)
 * @param transform - the transform (a function or an arbitrary of functions)
 * @param describe - how an arbitrary's distribution reads (`casesDistribution`)
 * @param skip - what `changedCases` found, when unchanged cases were left out
 * @example
 * ```ts
 * transformedCasesDistribution(rows, typos(), casesDistribution)
 * // 'the 200 given rows drawn uniformly, each perturbed by 1 typo, each adjacent-key / swap / drop / duplicate ...'
 * ```
 */
export function transformedCasesDistribution(
  inputs: unknown,
  transform: unknown,
  describe: (arbitrary: unknown) => string,
  skip?: ChangedCases<unknown>,
): string {
  const label =
    typeof transform === 'function' ? ((transform as { label?: unknown }).label ?? (transform.name === '' ? 'the given transform' : transform.name)) : undefined
  const fixed = Array.isArray(inputs) && typeof transform === 'function'
  const rows = Array.isArray(inputs)
    ? `the ${inputs.length} given ${inputs.length === 1 ? 'row' : 'rows'}${fixed ? ', each once' : ' drawn uniformly'}`
    : describe(inputs)
  const how = label !== undefined ? `transformed by ${String(label)}` : `perturbed by ${describe(transform)}`
  const left =
    skip === undefined
      ? ''
      : skip.skipped !== undefined
        ? ` (${skip.skipped} rows the transform leaves unchanged skipped)`
        : ` (only cases it changes: ${Math.round((skip.changedShare ?? 0) * 100)}% of ${PROBE_SIZE} sampled cases)`
  return `${rows}, each ${how}${left}`
}
