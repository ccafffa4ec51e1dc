import type fc from 'fast-check'
import type { MatcherState } from 'vitest'
import { checkInvariance, type InvarianceOptions, type InvarianceTransform } from '../src/relations/check-invariance.js'
import { describeCases, isStatistical } from '../src/arbitraries/cases-distribution.js'
import { relationSummary } from '../src/relations/relation-summary.js'
import { roundingHint } from '../src/relations/rounding-hint.js'
import { outputNumbers } from '../src/model/output-numbers.js'
import { isRowOrderTransform, permutationFromCodes } from '../src/relations/transforms/row-order.js'
import { toJsonSafe } from '../src/util/json-safe.js'
import { checkId, heldHint, modelRef, replayLine, requireModel, resolveSeed, show, type MatcherOutcome } from './matcher-context.js'
import { asyncMatcher } from './async-matcher.js'
import { recordCheck } from './record-check.js'

/** Options of `toBeInvariantUnder`. */
export interface InvariantUnderOptions<I = unknown> extends Omit<InvarianceOptions<I>, 'seed' | 'source'> {
  /** Seed. @defaultValue derived from the test name */
  readonly seed?: number
  /** Severity in the report. @defaultValue 'high' */
  readonly severity?: 'high' | 'medium' | 'low'
}

const NAME = 'toBeInvariantUnder'

function describeTransform(transform: unknown): string {
  if (isRowOrderTransform(transform)) return `row order within a batch (${transform.minRows}-${transform.maxRows} rows)`
  if (typeof transform === 'function') {
    const label = (transform as { label?: unknown }).label
    return typeof label === 'string' ? label : transform.name === '' ? 'the given transform' : transform.name
  }
  return 'generated transforms'
}

function transformLabel(transform: unknown): string {
  const label = (transform as { label?: unknown } | undefined)?.label
  if (typeof label === 'string') return label
  return typeof transform === 'function' && transform.name !== '' ? transform.name : String(transform).slice(0, 120)
}

/**
 * The model's output is unchanged (within `tolerance`, or the same predicted class with `label: true`) when its input
 * is transformed (CheckList's INV). The transform is a row function, an arbitrary of row functions (generated and
 * shrunk with the row) or `rowOrder()` (each batch predicted in both orders). A failure shows the shrunk base and
 * transformed inputs with both outputs, and the seed.
 *
 * @example
 * ```ts
 * await expect(model).toBeInvariantUnder((row: number[]) => row.map((v, j) => (j === 0 ? v + 0.05 : v)), { inputs: rows, tolerance: 1e-3 })
 * await expect(penguins).toBeInvariantUnder(anyValueOf(4, [0, 1, 2]), { inputs: rows, label: true })
 * ```
 */
export const toBeInvariantUnder = asyncMatcher(NAME, checkBeInvariantUnder)

async function checkBeInvariantUnder(this: MatcherState, received: unknown, transform: InvarianceTransform<unknown> | fc.Arbitrary<(row: never) => unknown>, options: InvariantUnderOptions): Promise<MatcherOutcome> {
  const model = requireModel(received, NAME)
  const seed = resolveSeed(this, NAME, options?.seed)
  const { seed: _seed, severity, ...rest } = options ?? ({} as InvariantUnderOptions)
  const result = await checkInvariance(model, transform as InvarianceTransform<unknown>, { ...rest, seed, source: NAME })
  const cases = describeCases(options.inputs, { statistical: isStatistical(options.maxViolationRate), seed })
  const summary = relationSummary(result as never, cases.distribution)
  const what = describeTransform(transform)
  const criterion = options.label === true ? 'the predicted class' : `outputs within ${options.tolerance ?? 0}`
  let counterexample: Record<string, unknown> | undefined
  if (result.counterexample !== undefined) {
    if (result.transformKind === 'row-order') {
      const { testCase: [rows, codes], outputs, violation } = result.counterexample
      counterexample = { batch: rows, order: permutationFromCodes(codes, rows.length), outputs: outputs[0], permutedOutputs: outputs[1], violation: violation.detail }
    } else {
      const { testCase: [, rowTransform], inputs, outputs, violation } = result.counterexample
      counterexample = { transform: transformLabel(rowTransform), base: inputs[0], transformed: inputs[1], baseOutput: outputs[0], transformedOutput: outputs[1], violation: violation.detail }
    }
  }
  await recordCheck(this, {
    id: checkId(this, 'metamorphic'),
    kind: 'metamorphic',
    title: `${model.identity.name} is invariant under ${what} (${criterion})`,
    passed: result.passed,
    severity: severity ?? 'high',
    model: modelRef(model),
    metrics: summary.metrics,
    distribution: cases.distribution,
    ...(cases.warnings.length > 0 ? { warnings: cases.warnings } : {}),
    ...(counterexample && { counterexample: toJsonSafe(counterexample) }),
    replay: { seed, numRuns: result.plannedRuns, ...(result.path === undefined ? {} : { path: result.path }) },
  })
  const hint = this.utils.matcherHint(`.${NAME}`, 'model', 'transform', { isNot: this.isNot, promise: this.promise })
  const roundingLines = (): string[] => {
    if (options.label === true || counterexample === undefined || !('baseOutput' in counterexample)) return []
    const before = outputNumbers(counterexample['baseOutput'])
    const after = outputNumbers(counterexample['transformedOutput'])
    const worst = before.reduce((best, value, j) => (Math.abs((after[j] ?? value) - value) > Math.abs((after[best] ?? 0) - (before[best] ?? 0)) ? j : best), 0)
    const line = roundingHint(before[worst] ?? 0, after[worst] ?? 0)
    return line === undefined ? [] : [line]
  }
  const replay = replayLine(seed, result.plannedRuns, result.path)
  const example = counterexample === undefined ? [] : [
    `${result.passed ? 'Example violation' : Array.isArray(options.inputs) ? 'First failing row (real rows are used as given, not shrunk)' : `Shrunk counterexample (${result.numShrinks} shrinks)`}: ${String(counterexample['violation'])}`,
    ...Object.entries(counterexample).filter(([key]) => key !== 'violation').map(([key, value]) => `  ${`${key}:`.padEnd(19)} ${key === 'transform' ? String(value) : show(value)}`),
  ]
  return {
    pass: result.passed,
    message: () =>
      result.passed
        ? [hint, '', `Expected ${model.identity.name} not to be invariant under ${what} (${criterion}), but it was: ${summary.sentence}.`, summary.design, ...cases.warnings, ...example,
            heldHint(isStatistical(options.maxViolationRate), result.numRuns, 'be invariant'), replay].join('\n')
        : [hint, '', `${model.identity.name} is not invariant under ${what} (${criterion}): ${summary.sentence}.`, summary.design, ...cases.warnings,
            `Reasons: ${Object.entries(result.reasons).map(([reason, count]) => `${reason} ${count}`).join(', ')}`, ...example, ...roundingLines(), replay].join('\n'),
    actual: toJsonSafe(counterexample?.['transformedOutput'] ?? counterexample?.['permutedOutputs']),
    expected: toJsonSafe(counterexample?.['baseOutput'] ?? counterexample?.['outputs']),
  }
}
