import type { MatcherState } from 'vitest'
import { checkGoldenCases, type GoldenCasesOptions } from '../src/relations/check-golden-cases.js'
import type { GoldenCase } from '../src/relations/golden-case.js'
import { violationUpperBound } from '../src/relations/violation-bound.js'
import { toJsonSafe } from '../src/util/json-safe.js'
import { asyncMatcher } from './async-matcher.js'
import { checkId, type MatcherOutcome, modelRef, moreLine, num, requireModel, show } from './matcher-context.js'
import { recordCheck } from './record-check.js'

/** Options of `toPassGoldenCases`. */
export interface PassGoldenCasesOptions extends Omit<GoldenCasesOptions, 'source'> {
  /** Failures listed in the message (all are in the record). @defaultValue 20 */
  readonly maxListed?: number
  /** Severity in the report. @defaultValue 'high' */
  readonly severity?: 'high' | 'medium' | 'low'
}

const NAME = 'toPassGoldenCases'

/**
 * Every golden case passes (CheckList's MFT): a table of inputs with the expected label, value (within tolerance) or
 * range, inline or read from a CSV / JSON file, predicted in one batch. A failure lists every failing case.
 *
 * @example
 * ```ts
 * await expect(model).toPassGoldenCases([{ name: 'heavy V8', input: [8, 350, 165, 4200, 12, 1972], max: 16 }])
 * await expect(penguins).toPassGoldenCases('test/golden/penguins.csv', { classes: ['Adelie', 'Chinstrap', 'Gentoo'] })
 * ```
 */
export const toPassGoldenCases = asyncMatcher(NAME, checkPassGoldenCases)

async function checkPassGoldenCases(
  this: MatcherState,
  received: unknown,
  cases: readonly GoldenCase[] | string,
  options: PassGoldenCasesOptions = {},
): Promise<MatcherOutcome> {
  const model = requireModel(received, NAME)
  const { maxListed = 20, severity, ...rest } = options
  const result = await checkGoldenCases(model, cases, { ...rest, source: NAME })
  const name = model.identity.name
  const failed = result.failures.length
  await recordCheck(this, {
    id: checkId(this, 'golden'),
    kind: 'golden',
    title: `${name} passes ${result.numCases} golden cases${typeof cases === 'string' ? ` from ${cases}` : ''}`,
    passed: result.passed,
    severity: severity ?? 'high',
    model: modelRef(model),
    metrics: {
      violationRate: result.violationRate,
      violations: failed,
      numRuns: result.numCases,
      upperBound: violationUpperBound(failed, result.numCases, 0.95),
      maxViolationRate: 0,
    },
    ...(failed > 0 && {
      counterexample: toJsonSafe(
        result.failures.map((failure) => ({ name: failure.name, input: failure.input, output: failure.output, violation: failure.violation.detail })),
      ),
    }),
  })
  const hint = this.utils.matcherHint(`.${NAME}`, 'model', 'cases', { isNot: this.isNot, promise: this.promise })
  const listed = result.failures
    .slice(0, maxListed)
    .map((failure) => `  ${failure.name}: ${failure.violation.detail}\n    input: ${show(failure.input)}  output: ${show(failure.output)}`)
  return {
    pass: result.passed,
    message: () =>
      result.passed
        ? `${hint}\n\nExpected ${name} to fail some golden case, but all ${result.numCases} passed.`
        : [
            hint,
            '',
            `${name} failed ${failed} of ${result.numCases} golden cases (failure rate ${num(result.violationRate)}):`,
            ...listed,
            ...moreLine(failed - listed.length, 'failing case', 'all are in the report'),
          ].join('\n'),
    actual: failed,
    expected: 0,
  }
}
