import fc from 'fast-check'
import type { Model } from '../model/model.js'
import type { CaseProbe } from '../properties/case-probe.js'
import { type Counterexample, runBatchedProperty } from '../properties/run-batched-property.js'
import { shrinkCounterexample } from '../properties/shrink-counterexample.js'
import { VitestMlError } from '../util/errors.js'
import { type PlannedLook, type SequentialOptions, sequentialPlan } from './sequential-plan.js'
import { minimumRunsToPass, validateStatisticalOptions, violationUpperBound } from './violation-bound.js'

/** How often a relation may break, and how sure a pass must be. Leave `maxViolationRate` out to require none. */
export interface StatisticalOptions {
  /** Largest acceptable violation rate: passes only when the upper confidence bound is below it. @defaultValue exact mode (no violation allowed) */
  readonly maxViolationRate?: number
  /** One-sided confidence of that bound. @defaultValue 0.95 */
  readonly confidence?: number
  /** Stop early at pre-planned looks with alpha spending (`true` = 4 looks, rho 2), or judge all `numRuns` cases. @defaultValue false (fixed n) */
  readonly sequential?: boolean | SequentialOptions
  /** Replay one reported failure: the path from a failure's `Replay:` line (with the same `seed`). */
  readonly path?: string
}

/** Options of `runRelation`. */
export interface RunRelationOptions<C, I, O> extends StatisticalOptions {
  readonly model: Model<I, O>
  /** Generated cases (shrunk on failure), or a fixed list judged whole, each case once (not shrunk). */
  readonly cases: fc.Arbitrary<C> | readonly C[]
  readonly probe: CaseProbe<C, I, O>
  readonly numRuns: number
  readonly seed: number
  /** Public name for errors. */
  readonly source: string
}

/** A look actually taken, with its bound. */
export interface LookResult extends PlannedLook {
  readonly violations: number
  readonly upperBound: number
}

/** What `runRelation` found. */
export interface RelationResult<C, I, O> {
  /** `exact`: any violation fails; `fixed-n`: all cases, one bound; `sequential`: looks with alpha spending; `replay`: one reported case. */
  readonly mode: 'exact' | 'fixed-n' | 'sequential' | 'replay'
  readonly passed: boolean
  /** Cases judged (fewer than `plannedRuns` when a sequential check stopped early). */
  readonly numRuns: number
  readonly plannedRuns: number
  readonly violations: number
  readonly violationRate: number
  /** One-sided Clopper-Pearson upper bound on the violation rate (at the spent alpha for sequential checks). */
  readonly upperBound: number
  readonly confidence: number
  /** Epsilon; 0 in exact mode. */
  readonly maxViolationRate: number
  readonly looks: readonly LookResult[]
  readonly reasons: Readonly<Record<string, number>>
  readonly counterexample?: Counterexample<C, I, O>
  readonly path?: string
  readonly numShrinks: number
  readonly seed: number
  readonly modelCalls: number
}

function addReasons(into: Record<string, number>, from: Readonly<Record<string, number>>): void {
  for (const [reason, count] of Object.entries(from)) into[reason] = (into[reason] ?? 0) + count
}

/**
 * Runs a relation through the batched property engine. Exact mode (no `maxViolationRate`) generates `numRuns` cases,
 * fails on any violation and shrinks it. Statistical mode samples cases without fast-check's size bias (so the rate
 * is the rate under the case distribution), judges them in one go (`fixed-n`) or at pre-planned looks (`sequential`),
 * and passes only when the one-sided Clopper-Pearson bound falls below `maxViolationRate`; a sequential check stops at
 * the first look that passes, or as soon as passing has become impossible. A failure is shrunk with fast-check.
 *
 * Fixed n is the default: for a given budget it has the most power and reports the plain exact bound. `sequential`
 * trades a conservative (union-bound) alpha spend for stopping early when the model is clearly fine or clearly broken.
 *
 * @param options - model, cases, probe, runs, seed and the statistical options
 * @returns the verdict, counts, bound and the shrunk counterexample
 * @example
 * ```ts
 * const result = await runRelation({ model, cases, probe, numRuns: 2000, seed: 1, source: 'toBeMonotonicIn', maxViolationRate: 0.01 })
 * result.passed // true when the 95% upper bound on the violation rate is below 0.01
 * ```
 */
export async function runRelation<C, I, O>(options: RunRelationOptions<C, I, O>): Promise<RelationResult<C, I, O>> {
  const { model, probe, seed, source } = options
  const fixed = Array.isArray(options.cases) ? (options.cases as readonly C[]) : undefined
  if (fixed === undefined && !(options.cases instanceof fc.Arbitrary)) {
    throw new VitestMlError(
      source,
      '`inputs`: a fast-check Arbitrary or an array of rows',
      options.cases === null ? 'null' : typeof options.cases,
      'Pass `inputs: fc.tuple(...)`, a schema arbitrary, or real rows.',
    )
  }
  const numRuns = fixed?.length ?? options.numRuns
  const confidence = options.confidence ?? 0.95
  if (!Number.isInteger(numRuns) || numRuns < 1)
    throw new VitestMlError(
      source,
      fixed ? 'at least one case' : 'a positive whole `numRuns`',
      String(numRuns),
      fixed ? 'Pass at least one input row.' : 'Pass `numRuns: 1000` or similar.',
    )
  if (options.path !== undefined && fixed === undefined) {
    // Statistical mode draws (and so shrinks and reports paths) without fast-check's bias: replay the same way.
    const cases = options.maxViolationRate === undefined || options.maxViolationRate === 0 ? options.cases : fc.noBias(options.cases as fc.Arbitrary<C>)
    const result = await runBatchedProperty({ model, cases, probe, numRuns, seed, source, path: options.path })
    const { firstFailure: _first, shrinkErrors: _errors, ...rest } = result
    const look = { numRuns: 1, alpha: 1 - confidence, violations: result.violations, upperBound: result.violations }
    return {
      ...rest,
      mode: 'replay',
      passed: result.violations === 0,
      plannedRuns: 1,
      upperBound: result.violations,
      confidence,
      maxViolationRate: 0,
      looks: [look],
    }
  }
  if (options.maxViolationRate === undefined) {
    const result = await runBatchedProperty({ model, cases: options.cases, probe, numRuns, seed, source })
    const upperBound = violationUpperBound(result.violations, result.numRuns, confidence)
    const look = { numRuns: result.numRuns, alpha: 1 - confidence, violations: result.violations, upperBound }
    const { firstFailure: _first, shrinkErrors: _errors, ...rest } = result
    return { ...rest, mode: 'exact', passed: result.violations === 0, plannedRuns: numRuns, upperBound, confidence, maxViolationRate: 0, looks: [look] }
  }
  const epsilon = options.maxViolationRate
  validateStatisticalOptions(source, epsilon, confidence)
  const needed = minimumRunsToPass(epsilon, confidence)
  if (numRuns < needed) {
    throw new VitestMlError(
      source,
      `numRuns >= ${needed} (the fewest cases that can show a rate below ${epsilon} with ${confidence} confidence)`,
      String(numRuns),
      'Raise numRuns (10x the minimum gives the check power), or accept a larger maxViolationRate.',
    )
  }
  const sequential = options.sequential === undefined || options.sequential === false ? undefined : options.sequential === true ? {} : options.sequential
  const plan = sequential === undefined ? [{ numRuns, alpha: 1 - confidence }] : sequentialPlan(numRuns, 1 - confidence, sequential)
  const arbitrary = fixed === undefined ? fc.noBias(options.cases as fc.Arbitrary<C>) : undefined
  const cases = fixed ?? fc.sample(arbitrary as fc.Arbitrary<C>, { seed, numRuns })
  const reasons: Record<string, number> = {}
  const looks: LookResult[] = []
  let violations = 0
  let judged = 0
  let modelCalls = 0
  let firstFailure: number | undefined
  let counterexample: Counterexample<C, I, O> | undefined
  let passed = false
  for (const look of plan) {
    const slice = cases.slice(judged, look.numRuns)
    const result = await runBatchedProperty({ model, cases: slice, probe, numRuns: slice.length, seed, shrink: false, source })
    modelCalls += result.modelCalls
    if (firstFailure === undefined && result.firstFailure !== undefined) {
      firstFailure = judged + result.firstFailure
      counterexample = result.counterexample
    }
    violations += result.violations
    judged = look.numRuns
    addReasons(reasons, result.reasons)
    const upperBound = violationUpperBound(violations, judged, 1 - look.alpha)
    looks.push({ ...look, violations, upperBound })
    if (upperBound < epsilon) {
      passed = true
      break
    }
    // Futility: even with no further violation no later look could pass, so stop (this only ever fails sooner).
    const later = plan.filter((planned) => planned.numRuns > judged)
    if (later.every((planned) => violationUpperBound(violations, planned.numRuns, 1 - planned.alpha) >= epsilon)) break
  }
  const final = looks[looks.length - 1] as LookResult
  const base = {
    mode: sequential === undefined ? ('fixed-n' as const) : ('sequential' as const),
    passed,
    numRuns: judged,
    plannedRuns: numRuns,
    violations,
    violationRate: violations / judged,
    upperBound: final.upperBound,
    confidence,
    maxViolationRate: epsilon,
    looks,
    reasons,
    seed,
  }
  if (firstFailure === undefined || passed || arbitrary === undefined) {
    return {
      ...base,
      ...(counterexample && { counterexample }),
      ...(fixed === undefined && firstFailure !== undefined ? { path: String(firstFailure) } : {}),
      numShrinks: 0,
      modelCalls,
    }
  }
  const shrunk = await shrinkCounterexample({
    model,
    probe,
    arbitrary,
    seed,
    numRuns,
    index: firstFailure,
    source,
    ...(counterexample && { initial: counterexample }),
  })
  return {
    ...base,
    ...(shrunk.counterexample && { counterexample: shrunk.counterexample }),
    path: shrunk.path,
    numShrinks: shrunk.numShrinks,
    modelCalls: modelCalls + shrunk.modelCalls,
  }
}
