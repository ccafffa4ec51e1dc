import type { MatcherState } from 'vitest'
import type { EvaluationData } from '../src/evaluation/evaluation-data.js'
import type { Label } from '../src/evaluation/labels.js'
import type { MetricDefinition, MetricName } from '../src/evaluation/metric.js'
import { isEnsembleModel } from '../src/patterns/ensemble.js'
import { evaluateEnsemble } from '../src/patterns/evaluate-ensemble.js'
import { VitestMlError } from '../src/util/errors.js'
import { asyncMatcher } from './async-matcher.js'
import { checkId, type MatcherOutcome, modelRef, num } from './matcher-context.js'
import { recordCheck } from './record-check.js'

/** Options of `toBeAtLeastAsGoodAsBestMember`. */
export interface AtLeastAsGoodAsBestMemberOptions<I = unknown> {
  /** Held-out inputs and labels. */
  readonly data: EvaluationData<I>
  /** Metric to compare on. @defaultValue accuracy for class labels, rmse otherwise */
  readonly metric?: MetricName | MetricDefinition
  /** Class of each probability column, when the labels are names. */
  readonly classes?: readonly Label[]
  /** How many metric points below the best member the ensemble may be and still pass. @defaultValue 0 */
  readonly margin?: number
  /** Name of the data set in the report. @defaultValue 'data' */
  readonly dataName?: string
  /** Severity in the report. @defaultValue 'medium' */
  readonly severity?: 'high' | 'medium' | 'low'
}

const NAME = 'toBeAtLeastAsGoodAsBestMember'

/**
 * An ensemble scores at least as well as its best member on held-out data (otherwise serve the best member: the
 * ensemble costs latency and complexity for nothing).
 *
 * @example
 * ```ts
 * await expect(ensemble([mlp, logreg, weak])).toBeAtLeastAsGoodAsBestMember({ data: { inputs, labels }, metric: 'accuracy', classes })
 * ```
 */
export const toBeAtLeastAsGoodAsBestMember = asyncMatcher(NAME, checkBeAtLeastAsGoodAsBestMember)

async function checkBeAtLeastAsGoodAsBestMember(this: MatcherState, received: unknown, options: AtLeastAsGoodAsBestMemberOptions): Promise<MatcherOutcome> {
  if (!isEnsembleModel(received)) {
    throw new VitestMlError(
      NAME,
      'a model built with ensemble([...models])',
      typeof received,
      'Combine the members first: `expect(ensemble([a, b, c])).toBeAtLeastAsGoodAsBestMember({ data })`.',
    )
  }
  if (typeof options !== 'object' || options === null)
    throw new VitestMlError(NAME, 'an options object', String(options), "Pass `{ data: { inputs, labels }, metric: 'accuracy' }`.")
  const result = await evaluateEnsemble(received, options?.data, {
    ...(options.metric === undefined ? {} : { metric: options.metric }),
    ...(options.classes === undefined ? {} : { classes: options.classes }),
  })
  const margin = options.margin ?? 0
  const passed = result.gain >= -margin
  const name = received.identity.name
  await recordCheck(this, {
    id: checkId(this, 'ensemble'),
    kind: 'ensemble',
    title: `${name} at least as good as its best member (${result.metric})`,
    passed,
    severity: options.severity ?? 'medium',
    model: modelRef(received),
    data: { name: options.dataName ?? 'data', rows: result.rows },
    metrics: {
      ensembleScore: result.ensembleScore,
      bestMemberScore: result.best.score,
      gain: result.gain,
      ...Object.fromEntries(result.members.map((member) => [`member:${member.name}`, member.score])),
    },
  })
  const direction = result.higherIsBetter ? 'higher is better' : 'lower is better'
  const scores = result.members.map((member) => `  ${member.name}: ${num(member.score)}${member === result.best ? ' (best)' : ''}`)
  const hint = this.utils.matcherHint(`.${NAME}`, 'ensemble', 'options', { isNot: this.isNot, promise: this.promise })
  const summary = `${result.metric} ${num(result.ensembleScore)} vs best member ${result.best.name} ${num(result.best.score)} (gain ${num(result.gain)}, margin ${num(margin)}; ${direction}; ${result.rows} rows)`
  return {
    pass: passed,
    message: () =>
      passed
        ? `${hint}\n\nExpected ${name} to be worse than its best member, but it is not: ${summary}.`
        : [
            hint,
            '',
            `${name} is worse than its best member: ${summary}.`,
            'Member scores:',
            ...scores,
            'Hint: serve the best member alone, or change the voting or the weights.',
          ].join('\n'),
    actual: result.ensembleScore,
    expected: result.best.score,
  }
}
