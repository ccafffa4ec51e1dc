import fc from 'fast-check'
import { OutputCountError } from '../util/errors.js'

/** Options of {@link shrinkCase}. */
export interface ShrinkCaseOptions<C> {
  /** The arbitrary the failing case was generated from. */
  readonly arbitrary: fc.Arbitrary<C>
  /** The seed it was generated with. */
  readonly seed: number
  /** numRuns of the original generation. */
  readonly numRuns: number
  /** Index of the failing case in the generated sequence. */
  readonly index: number
  /** A replay path (`index:shrink:...`) to start from instead of the case at `index`. */
  readonly path?: string
  /**
   * Resolves to true when the case still fails. Errors count as "does not fail", so shrinking follows real failures;
   * only a broken batch contract ({@link OutputCountError}) stops shrinking and is rethrown.
   */
  readonly fails: (testCase: C) => Promise<boolean>
}

/** The outcome of {@link shrinkCase}. */
export interface ShrinkCaseResult {
  /** fast-check replay path of the minimal case (`index:shrink:...`). */
  readonly path: string
  /** Successful shrink steps. */
  readonly numShrinks: number
  /** Candidates that threw while being evaluated. */
  readonly errors: number
}

/**
 * Shrinks the `index`-th case generated from `seed` with fast-check's own runner and shrinkers: the case is replayed
 * through `fc.check` with `path`, so the reported path also replays in a plain `fc.assert(..., { seed, path })`.
 * Callers observe the minimal case through their `fails` callback (the last case it reported failing).
 *
 * @param options - arbitrary, seed, index and the failure predicate
 * @returns the replay path and shrink counts
 */
export async function shrinkCase<C>(options: ShrinkCaseOptions<C>): Promise<ShrinkCaseResult> {
  let errors = 0
  let contractError: OutputCountError | undefined
  const details = await fc.check(
    fc.asyncProperty(options.arbitrary, async (testCase) => {
      try {
        return !(await options.fails(testCase))
      } catch (error) {
        if (error instanceof OutputCountError) contractError ??= error
        else errors++
        return true
      }
    }),
    { seed: options.seed, numRuns: options.numRuns, path: options.path ?? String(options.index) },
  )
  if (contractError !== undefined) throw contractError
  return { path: details.counterexamplePath ?? options.path ?? String(options.index), numShrinks: details.numShrinks, errors }
}
