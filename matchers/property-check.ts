import type { MatcherState } from 'vitest'
import { type CasesDescription, describeCases, isStatistical } from '../src/arbitraries/cases-distribution.js'
import type { Model } from '../src/model/model.js'
import type { CheckKind, PlotSpec } from '../src/record/check-record.js'
import { type RelationCounts, type RelationSummary, relationSummary } from '../src/relations/relation-summary.js'
import { toJsonSafe } from '../src/util/json-safe.js'
import { checkId, heldHint, type MatcherOutcome, modelRef, replayLine, resolveSeed, show } from './matcher-context.js'
import { recordCheck } from './record-check.js'

/** The options every property-based matcher reads here: what the cases are drawn from, the seed, the verdict rule, the severity. */
export interface PropertyOptions {
  /** Model inputs: a fast-check arbitrary (shrunk on failure) or real rows (judged as given). */
  readonly inputs: unknown
  /** Seed. @defaultValue derived from the test name and the matcher */
  readonly seed?: number
  /** Statistical mode's rate limit. @defaultValue exact mode: any violation fails */
  readonly maxViolationRate?: number
  /** Severity in the report. @defaultValue the matcher's */
  readonly severity?: 'high' | 'medium' | 'low'
}

/**
 * What a property run found, as the shared sequence reads it: the counts and verdict design `relationSummary` prints
 * (a `RelationResult` is one; an exact run is one through `exactRunCounts`), the verdict, the reasons and the path of
 * the shrunk case.
 */
export interface PropertyRun extends RelationCounts {
  readonly passed: boolean
  readonly reasons: Readonly<Record<string, number>>
  readonly path?: string
}

/** The failing (or, under `.not`, an example) case, as the message lists it and the report records it. */
export interface PropertyCounterexample {
  /** Why it fails, one line. */
  readonly violation: string
  /** The fields under the heading, label first, value already formatted (see `show`). */
  readonly fields: readonly (readonly [label: string, text: string])[]
  /** Width of the label column, colon included. */
  readonly labelWidth: number
  /** What the record keeps (made JSON-safe here). */
  readonly record: unknown
  /** Index of the first failing row, when real rows were judged and the run knows it. */
  readonly row?: number
}

/** How a matcher words and records its run: the claim in its forms, the counterexample, and what it adds. */
export interface PropertyReport {
  /** The record's title: the claim in the positive form. */
  readonly title: string
  /** The headline when the check fails, given the summary sentence (`doubled produced outputs outside [0, 1]: …`). */
  readonly failed: (sentence: string) => string
  /** The headline when the check held but `.not` was asserted. */
  readonly held: (sentence: string) => string
  /** What the model is meant to do, for the `.not` hint (`'be deterministic'`). @defaultValue 'hold it' */
  readonly claim?: string
  /** Name of the line that counts violations by reason. @defaultValue 'Reasons' */
  readonly reasonsLabel?: string
  readonly counterexample?: PropertyCounterexample
  /** Lines a failure prints after the counterexample (a localized step, a sweep, a rounding hint). */
  readonly lines?: readonly string[]
  /** The record's metrics. @defaultValue the summary's */
  readonly metrics?: Readonly<Record<string, number>>
  readonly plots?: readonly PlotSpec[]
  /** `numRuns` on the replay line and in the record. @defaultValue the run's planned cases */
  readonly replayRuns?: number
  readonly actual?: unknown
  readonly expected?: unknown
}

/** One property-based check: which matcher, how to run it, and how to word what it found. */
export interface PropertyCheck<R extends PropertyRun> {
  /** The matcher's name, for the seed, the hint and errors. */
  readonly name: string
  readonly kind: CheckKind
  /** The arguments after `expect(model)` in the matcher hint (`'feature, direction'`). */
  readonly hintArguments: string
  readonly model: Model
  readonly options: PropertyOptions
  readonly severity: 'high' | 'medium' | 'low'
  /** Runs the property with the resolved seed. */
  readonly run: (seed: number) => Promise<R>
  /**
   * What the cases were drawn from, when the inputs alone do not say it (a transform relation: the rows, the
   * transform's distribution, the unchanged cases left out). @defaultValue `describeCases(options.inputs)`
   */
  readonly distribution?: (run: R) => string
  /**
   * Whether each given row was judged once, as given (nothing sampled, nothing to shrink), so the counterexample is the
   * first failing row. @defaultValue `Array.isArray(options.inputs)`
   */
  readonly givenRows?: boolean
  /** Words and records what the run found. */
  readonly report: (run: R, context: { readonly cases: CasesDescription; readonly summary: RelationSummary }) => PropertyReport
}

/**
 * The sequence every property-based matcher shares: resolve the seed, run the property, describe what the cases were
 * drawn from, summarise the exact or statistical verdict, record the check (metrics, distribution, warnings,
 * counterexample, replay) and build the message — headline with the rate, design line, warnings, reasons, the shrunk
 * counterexample (or first failing row, or an example violation under `.not`), what to do under `.not`, and the one
 * `Replay: { seed, numRuns, path }` line.
 *
 * @param state - the matcher's `this`
 * @param check - the matcher, its run and its wording
 * @returns what Vitest expects from a matcher
 * @example
 * ```ts
 * return checkProperty(this, {
 *   name: 'toBeMonotonicIn', kind: 'monotonicity', hintArguments: 'feature, direction', model, options, severity: 'high',
 *   run: (seed) => checkMonotonicity(model, feature, direction, { ...options, seed }),
 *   report: (result) => ({ title: 'm is increasing in feature 2', failed: (rate) => `m is not increasing in feature 2: ${rate}.`, held: (rate) => `Expected m not to be …: ${rate}.` }),
 * })
 * // fails with: "m is not increasing in feature 2: violation rate 0.0115 (23 of 2000 cases under …), expected 0.\nexact mode: …\nReasons: …\n…\nReplay: { seed: 7, numRuns: 2000, path: '40:0' }"
 * ```
 */
export async function checkProperty<R extends PropertyRun>(state: MatcherState, check: PropertyCheck<R>): Promise<MatcherOutcome> {
  const { name, model, options } = check
  const seed = resolveSeed(state, name, options.seed)
  const run = await check.run(seed)
  const statistical = isStatistical(options.maxViolationRate)
  const described = describeCases(options.inputs, { statistical, seed })
  const cases = check.distribution === undefined ? described : { ...described, distribution: check.distribution(run) }
  const summary = relationSummary(run, cases.distribution)
  const report = check.report(run, { cases, summary })
  const replayRuns = report.replayRuns ?? run.plannedRuns
  const ce = report.counterexample
  await recordCheck(state, {
    id: checkId(state, check.kind),
    kind: check.kind,
    title: report.title,
    passed: run.passed,
    severity: options.severity ?? check.severity,
    model: modelRef(model),
    metrics: report.metrics ?? summary.metrics,
    distribution: cases.distribution,
    ...(cases.warnings.length > 0 ? { warnings: cases.warnings } : {}),
    ...(ce && { counterexample: toJsonSafe(ce.record) }),
    replay: { seed, numRuns: replayRuns, ...(run.path === undefined ? {} : { path: run.path }) },
    ...(report.plots && { plots: report.plots }),
  })
  const hint = state.utils.matcherHint(`.${name}`, 'model', check.hintArguments, { isNot: state.isNot, promise: state.promise })
  const example =
    ce === undefined
      ? []
      : [
          `${exampleHeading(run, ce, check.givenRows ?? Array.isArray(options.inputs))}: ${ce.violation}`,
          ...ce.fields.map(([label, text]) => `  ${`${label}:`.padEnd(ce.labelWidth)} ${text}`),
        ]
  const reasons = `${report.reasonsLabel ?? 'Reasons'}: ${Object.entries(run.reasons)
    .map(([reason, count]) => `${reason} ${count}`)
    .join(', ')}`
  return {
    pass: run.passed,
    message: () =>
      (run.passed
        ? [
            hint,
            '',
            report.held(summary.sentence),
            summary.design,
            ...cases.warnings,
            ...example,
            heldHint(statistical, run.numRuns, report.claim),
            replayLine(seed, replayRuns),
          ]
        : [
            hint,
            '',
            report.failed(summary.sentence),
            summary.design,
            ...cases.warnings,
            reasons,
            ...example,
            ...(report.lines ?? []),
            replayLine(seed, replayRuns, run.path),
          ]
      ).join('\n'),
    ...('actual' in report ? { actual: report.actual } : {}),
    ...('expected' in report ? { expected: report.expected } : {}),
  }
}

/** An example violation under `.not`; the first failing row of real rows (never called shrunk); else the shrunk case. */
function exampleHeading(run: PropertyRun, ce: PropertyCounterexample, givenRows: boolean): string {
  if (run.passed) return 'Example violation'
  if (givenRows) return `First failing row (${ce.row === undefined ? '' : `row ${ce.row}; `}real rows are used as given, not shrunk)`
  return `Shrunk counterexample (${run.numShrinks} shrinks)`
}

/**
 * A counterexample listed field by field, as most property-based matchers list theirs: each value shown as data
 * (`show`), or as plain text for the fields named in `asText`; the record keeps the fields and the violation.
 *
 * @param violation - why the case fails, one line
 * @param fields - the case's parts in the order the message lists them
 * @param labelWidth - width of the label column, colon included
 * @param asText - fields that are already text to print as is (a transform's label, a highlighted change)
 * @returns the counterexample for a {@link PropertyReport}
 * @example
 * ```ts
 * listedCounterexample('output[0] = 2 > max 1', { input: [3], output: [2] }, 7)
 * // listed as "  input:  [3]" and "  output: [2]"; recorded as { input: [3], output: [2], violation: 'output[0] = 2 > max 1' }
 * ```
 */
export function listedCounterexample(
  violation: string,
  fields: Readonly<Record<string, unknown>>,
  labelWidth: number,
  asText: readonly string[] = [],
): PropertyCounterexample {
  return {
    violation,
    fields: Object.entries(fields).map(([key, value]) => [key, asText.includes(key) ? String(value) : show(value)] as const),
    labelWidth,
    record: { ...fields, violation },
  }
}
