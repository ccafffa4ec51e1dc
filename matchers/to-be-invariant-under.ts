import type { MatcherState } from 'vitest'
import { casesDistribution } from '../src/arbitraries/cases-distribution.js'
import { outputNumbers } from '../src/model/output-numbers.js'
import { transformedCasesDistribution } from '../src/relations/changed-cases.js'
import { checkInvariance, type InvarianceOptions, type InvarianceResult, type InvarianceTransform } from '../src/relations/check-invariance.js'
import { roundingHint } from '../src/relations/rounding-hint.js'
import { textChange } from '../src/relations/text-change.js'
import { isRowOrderTransform, permutationFromCodes } from '../src/relations/transforms/row-order.js'
import { toJsonSafe } from '../src/util/json-safe.js'
import { asyncMatcher } from './async-matcher.js'
import { type MatcherOutcome, requireModel, requireOptions } from './matcher-context.js'
import { checkProperty, listedCounterexample } from './property-check.js'

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

async function checkBeInvariantUnder(
  this: MatcherState,
  received: unknown,
  transform: InvarianceTransform<unknown>,
  givenOptions: InvariantUnderOptions,
): Promise<MatcherOutcome> {
  const model = requireModel(received, NAME)
  const options = requireOptions(givenOptions, NAME, '{ inputs: rows, tolerance: 1e-6 }')
  const { seed: _seed, severity: _severity, ...rest } = options
  const name = model.identity.name
  const what = describeTransform(transform)
  const criterion = options.label === true ? 'the predicted class' : `outputs within ${options.tolerance ?? 0}`
  return checkProperty(this, {
    name: NAME,
    kind: 'metamorphic',
    hintArguments: 'transform',
    model,
    options,
    severity: 'high',
    // Real rows under one plain transform are each judged once; a generated transform or a row order is drawn and shrunk.
    givenRows: Array.isArray(options.inputs) && typeof transform === 'function' && !isRowOrderTransform(transform),
    run: (seed) => checkInvariance(model, transform, { ...rest, seed, source: NAME }),
    ...(isRowOrderTransform(transform)
      ? {}
      : {
          distribution: (result: InvarianceResult<unknown, unknown>) =>
            transformedCasesDistribution(options.inputs, transform, casesDistribution, result.transformKind === 'row' ? result.skip : undefined),
        }),
    report: (result) => {
      const counterexample = invarianceCounterexample(result)
      return {
        title: `${name} is invariant under ${what} (${criterion})`,
        failed: (rate) => `${name} is not invariant under ${what} (${criterion}): ${rate}.`,
        held: (rate) => `Expected ${name} not to be invariant under ${what} (${criterion}), but it was: ${rate}.`,
        claim: 'be invariant',
        ...(counterexample && {
          counterexample: listedCounterexample(String(counterexample['violation']), withoutViolation(counterexample), 19, ['transform', 'change']),
        }),
        lines: options.label === true ? [] : roundingLines(counterexample),
        actual: toJsonSafe(counterexample?.['transformedOutput'] ?? counterexample?.['permutedOutputs']),
        expected: toJsonSafe(counterexample?.['baseOutput'] ?? counterexample?.['outputs']),
      }
    },
  })
}

/** The failing case as the message lists it: a transformed row with both outputs, or a batch in both orders. */
function invarianceCounterexample(result: InvarianceResult<unknown, unknown>): Record<string, unknown> | undefined {
  if (result.counterexample === undefined) return undefined
  if (result.transformKind === 'row-order') {
    const {
      testCase: [rows, codes],
      outputs,
      violation,
    } = result.counterexample
    return { batch: rows, order: permutationFromCodes(codes, rows.length), outputs: outputs[0], permutedOutputs: outputs[1], violation: violation.detail }
  }
  const {
    testCase: [, rowTransform],
    inputs,
    outputs,
    violation,
  } = result.counterexample
  return {
    transform: transformLabel(rowTransform),
    ...textChange(rowTransform, inputs[0], inputs[1]),
    base: inputs[0],
    transformed: inputs[1],
    baseOutput: outputs[0],
    transformedOutput: outputs[1],
    violation: violation.detail,
  }
}

/** The rounding hint (see `roundingHint`) for the output that moved most, when it moved by a few float32 steps only. */
function roundingLines(counterexample: Record<string, unknown> | undefined): string[] {
  if (counterexample === undefined || !('baseOutput' in counterexample)) return []
  const before = outputNumbers(counterexample['baseOutput'])
  const after = outputNumbers(counterexample['transformedOutput'])
  const worst = before.reduce((best, value, j) => (Math.abs((after[j] ?? value) - value) > Math.abs((after[best] ?? 0) - (before[best] ?? 0)) ? j : best), 0)
  const line = roundingHint(before[worst] ?? 0, after[worst] ?? 0)
  return line === undefined ? [] : [line]
}

/** The fields a counterexample lists; its violation heads the block instead. */
function withoutViolation(counterexample: Record<string, unknown>): Record<string, unknown> {
  const { violation: _violation, ...fields } = counterexample
  return fields
}
