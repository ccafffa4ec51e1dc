import { formatNumber as format } from '../util/format-number.js'
import type { RelationResult } from './run-relation.js'
import { violationUpperBound } from './violation-bound.js'

/** The parts of a relation result every matcher prints and records. */
export interface RelationSummary {
  /** One sentence with the numbers: the rate, the bound and the verdict rule. */
  readonly sentence: string
  /** How many cases the verdict took, and how they were planned. */
  readonly design: string
  /** Record metrics: violationRate, violations, numRuns, upperBound, maxViolationRate, confidence, plannedRuns, numShrinks. */
  readonly metrics: Readonly<Record<string, number>>
}

/** What {@link relationSummary} reads of a result: the counts, the bound and how the verdict was designed. */
export type RelationCounts = Pick<
  RelationResult<unknown, unknown, unknown>,
  'mode' | 'numRuns' | 'plannedRuns' | 'violations' | 'violationRate' | 'upperBound' | 'confidence' | 'maxViolationRate' | 'looks' | 'numShrinks'
>

/**
 * Summarises a relation result for messages and records: `violation rate 0.012 (12 of 1000 cases under uniform rows of
 * the schema (a, b)); 95% upper bound 0.0189, expected < 0.01`, and how many cases the decision took (fixed n, or the
 * look a sequential check stopped at). A rate is a rate under the distribution its cases were drawn from, so the
 * sentence names it.
 *
 * @param result - what `runRelation` (or a check built on it) returned, or the same counts of an exact property run
 * @param distribution - what the cases were drawn from (see `casesDistribution`)
 * @returns sentence, design line and metrics
 * @example
 * ```ts
 * relationSummary(result, 'the 86 given rows, each once').sentence // 'violation rate 0 (0 of 86 cases under the 86 given rows, each once), expected 0'
 * ```
 */
export function relationSummary(result: RelationCounts, distribution?: string): RelationSummary {
  const under = distribution === undefined ? '' : ` under ${distribution}`
  const rate = `violation rate ${format(result.violationRate)} (${result.violations} of ${result.numRuns} cases${under})`
  const percent = `${format(result.confidence * 100)}%`
  const sentence =
    result.mode === 'exact' || result.mode === 'replay'
      ? `${rate}, expected 0`
      : `${rate}; ${percent} upper bound ${format(result.upperBound)}, expected < ${format(result.maxViolationRate)}`
  const look = result.looks.length
  const design =
    result.mode === 'replay'
      ? `replay: the one case at the given path (and its shrinks), any violation fails`
      : result.mode === 'exact'
        ? `exact mode: ${result.numRuns} cases, any violation fails`
        : result.mode === 'fixed-n'
          ? `fixed n: ${result.numRuns} cases, one-sided Clopper-Pearson bound at ${percent}`
          : `sequential: ${result.numRuns} of ${result.plannedRuns} planned cases, stopped at look ${look} (alpha spent there ${format(result.looks[look - 1]?.alpha ?? 0)}, Clopper-Pearson bound, union bound over looks)`
  return {
    sentence,
    design,
    metrics: {
      violationRate: result.violationRate,
      violations: result.violations,
      numRuns: result.numRuns,
      upperBound: result.upperBound,
      maxViolationRate: result.maxViolationRate,
      confidence: result.confidence,
      plannedRuns: result.plannedRuns,
      numShrinks: result.numShrinks,
    },
  }
}

/**
 * The counts of an exact property run (any violation fails) in the form {@link relationSummary} reads, for checks that
 * run the property engine directly rather than through `runRelation`: the bound is the one-sided 95% Clopper-Pearson
 * bound the counts support, and the limit 0.
 *
 * @param result - violations, cases judged and shrinks of the run
 * @param replay - whether the run replayed one reported case (a `path` was given)
 * @returns counts for {@link relationSummary}
 * @example
 * ```ts
 * relationSummary(exactRunCounts({ numRuns: 500, violations: 0, violationRate: 0, numShrinks: 0 }, false)).design // 'exact mode: 500 cases, any violation fails'
 * ```
 */
export function exactRunCounts(result: Pick<RelationCounts, 'numRuns' | 'violations' | 'violationRate' | 'numShrinks'>, replay: boolean): RelationCounts {
  return {
    mode: replay ? 'replay' : 'exact',
    numRuns: result.numRuns,
    plannedRuns: result.numRuns,
    violations: result.violations,
    violationRate: result.violationRate,
    upperBound: violationUpperBound(result.violations, result.numRuns, 0.95),
    confidence: 0.95,
    maxViolationRate: 0,
    looks: [],
    numShrinks: result.numShrinks,
  }
}
