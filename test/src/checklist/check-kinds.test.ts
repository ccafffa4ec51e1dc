import { describe, expect, it } from 'vitest'
import { CHECK_KINDS, checkKindRule } from '../../../src/checklist/check-kinds.js'

/**
 * What each built-in kind proves, reviewed row by row against the production checklist and the ML Test Score (Breck et
 * al., 2017): a row that silently loses an item would stop crediting evidence, so any change here must be deliberate.
 * [kind, healthy form, checklist items, rubric tests]
 */
const EXPECTED: [string, 'positive' | 'negated', string[], string[]][] = [
  ['range', 'positive', [], ['data-1', 'infra-2', 'monitor-5']], // outputs within the schema; numerically stable
  ['consistency', 'positive', [], ['infra-1']], // same input, same output: reproducible
  ['metamorphic', 'positive', [], ['model-7', 'infra-2']], // invariance (e.g. to a protected attribute)
  ['monotonicity', 'positive', [], ['infra-2']],
  ['golden', 'positive', [], ['infra-2', 'infra-4']],
  ['baseline', 'positive', ['baseline-improvement'], ['model-5', 'infra-4']], // a simpler model does no better
  ['held-out', 'positive', ['held-out-test'], ['infra-4']],
  ['slices', 'positive', ['held-out-test', 'review-false-positives-negatives'], ['model-6']],
  ['segments', 'positive', ['held-out-test', 'review-false-positives-negatives'], ['model-6']],
  ['fairness', 'positive', ['held-out-test', 'review-false-positives-negatives'], ['model-7']],
  ['calibration', 'positive', ['held-out-test'], ['infra-4']],
  ['review', 'positive', ['review-false-positives-negatives'], []],
  ['pipeline', 'positive', ['training-serving-identical'], ['data-7', 'infra-3', 'monitor-3']],
  ['skew', 'negated', ['training-serving-identical'], ['monitor-3']],
  ['drift', 'negated', ['data-drift-weekly'], ['monitor-2']],
  ['schema', 'positive', ['data-drift-weekly'], ['data-1', 'monitor-2']], // expectations written as a schema; invariants hold in serving
  ['hygiene', 'positive', [], ['data-2']], // no feature that cannot earn its place (leakage stays with held-out)
  ['fallback', 'positive', ['fallback-strategy'], ['infra-3']],
  ['shadow', 'positive', [], ['model-2', 'infra-6']], // offline and online agree; canary
  ['ensemble', 'positive', [], ['infra-3']],
  ['cache', 'positive', [], ['infra-3', 'monitor-6']],
  ['feedback', 'positive', ['monitor-accuracy-daily', 'review-false-positives-negatives'], ['model-2']],
  ['latency', 'positive', ['monitoring-alerting'], ['monitor-6']],
  ['logging', 'positive', ['monitoring-alerting'], ['infra-5']],
  ['alerting', 'positive', ['monitoring-alerting'], ['monitor-7']],
]

describe('CHECK_KINDS', () => {
  it('has exactly the reviewed kinds', () => {
    expect(Object.keys(CHECK_KINDS)).toEqual(EXPECTED.map(([kind]) => kind))
  })

  it.each(EXPECTED)('%s: healthy form %s, evidence for %j and rubric tests %j', (kind, healthyForm, checklist, mlTestScore) => {
    expect(checkKindRule(kind)).toEqual({ healthyForm, checklist, mlTestScore })
  })
})
