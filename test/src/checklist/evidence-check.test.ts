import { describe, expect, it } from 'vitest'
import { CHECK_KINDS, checkKindRule } from '../../../src/checklist/check-kinds.js'
import { CHECKLIST_ITEMS } from '../../../src/checklist/checklist-items.js'
import {
  checklistItemsOf,
  checkOutcome,
  healthyFormOf,
  isEvidence,
  isHealthyForm,
  type OutcomeInput,
  rubricItemsOf,
  type TestState,
} from '../../../src/checklist/evidence-check.js'
import { RUBRIC_IDS } from '../../../src/checklist/ml-test-score-rubric.js'

describe('the kind table', () => {
  it('maps every built-in kind to real checklist items and rubric ids, and only drift and skew are healthy under .not', () => {
    const items = new Set(CHECKLIST_ITEMS.map((item) => item.id))
    for (const [kind, rule] of Object.entries(CHECK_KINDS)) {
      for (const id of rule.checklist) expect(items.has(id), `${kind} -> ${id}`).toBe(true)
      for (const id of rule.mlTestScore) expect((RUBRIC_IDS as readonly string[]).includes(id), `${kind} -> ${id}`).toBe(true)
    }
    expect(
      Object.entries(CHECK_KINDS)
        .filter(([, rule]) => rule.healthyForm === 'negated')
        .map(([kind]) => kind)
        .sort(),
    ).toEqual(['drift', 'skew'])
  })

  it('knows built-in kinds only, not inherited properties', () => {
    expect(checkKindRule('baseline')).toBe(CHECK_KINDS.baseline)
    expect(checkKindRule('my-check')).toBeUndefined()
    expect(checkKindRule('toString')).toBeUndefined()
    expect(checkKindRule('constructor')).toBeUndefined()
  })
})

describe('healthy form', () => {
  it('comes from the table for built-in kinds, whatever a record declares', () => {
    expect(healthyFormOf({ kind: 'drift' })).toBe('negated')
    expect(healthyFormOf({ kind: 'drift', healthyForm: 'positive' })).toBe('negated')
    expect(healthyFormOf({ kind: 'baseline', healthyForm: 'negated' })).toBe('positive')
  })

  it('is what a user-defined kind declares, positive when it declares nothing', () => {
    expect(healthyFormOf({ kind: 'my-check', healthyForm: 'negated' })).toBe('negated')
    expect(healthyFormOf({ kind: 'my-check' })).toBe('positive')
  })

  it('holds when .not is used exactly for negated kinds', () => {
    expect(isHealthyForm({ kind: 'drift', passed: false, negated: true })).toBe(true)
    expect(isHealthyForm({ kind: 'drift', passed: true })).toBe(false)
    expect(isHealthyForm({ kind: 'baseline', passed: true })).toBe(true)
    expect(isHealthyForm({ kind: 'baseline', passed: true, negated: false })).toBe(true)
    expect(isHealthyForm({ kind: 'baseline', passed: false, negated: true })).toBe(false)
  })
})

describe('checkOutcome and isEvidence', () => {
  const cases: [string, OutcomeInput, TestState, string, boolean][] = [
    ['positive check held', { kind: 'baseline', passed: true }, 'passed', 'passed', true],
    ['positive check failed in a failed test', { kind: 'baseline', passed: false }, 'failed', 'failed', true],
    ['positive check failed, test consumed it (.rejects)', { kind: 'baseline', passed: false }, 'passed', 'expected-failure', false],
    [
      '.not on a positive kind held: a demonstration (weak model does not beat baseline)',
      { kind: 'baseline', passed: false, negated: true },
      'passed',
      'demonstration',
      false,
    ],
    ['.not on a positive kind failed: a failure, not evidence', { kind: 'baseline', passed: true, negated: true }, 'failed', 'failed', false],
    ['.not.toHaveDriftedFrom, no drift', { kind: 'drift', passed: false, negated: true }, 'passed', 'passed', true],
    ['.not.toHaveDriftedFrom, drifted', { kind: 'drift', passed: true, negated: true }, 'failed', 'failed', true],
    ['toHaveDriftedFrom on drifted data: a demonstration', { kind: 'drift', passed: true }, 'passed', 'demonstration', false],
    ['.not drift failure consumed', { kind: 'drift', passed: true, negated: true }, 'passed', 'expected-failure', false],
    ['user kind declared negated, held under .not', { kind: 'leak', passed: false, negated: true, healthyForm: 'negated' }, 'passed', 'passed', true],
    ['a failed assertion in a pending test is a failure', { kind: 'range', passed: false }, 'pending', 'failed', true],
    ['a failed assertion in a skipped test is a failure', { kind: 'range', passed: false }, 'skipped', 'failed', true],
  ]
  it.each(cases)('%s', (_name, record, testState, outcome, evidence) => {
    expect(checkOutcome(record, testState)).toBe(outcome)
    expect(isEvidence(record, checkOutcome(record, testState))).toBe(evidence)
  })
})

describe('what a check is evidence for', () => {
  it('built-in kinds use the table and ignore their tags; user kinds use their tags', () => {
    expect(checklistItemsOf({ kind: 'drift', checklist: ['retrain-on-drift'] })).toEqual(['data-drift-weekly'])
    expect(checklistItemsOf({ kind: 'my-check', checklist: ['held-out-test'] })).toEqual(['held-out-test'])
    expect(rubricItemsOf({ kind: 'baseline', checklist: ['data-5'] })).toEqual(['model-5', 'infra-4'])
    expect(rubricItemsOf({ kind: 'my-check', checklist: ['data-5', 'held-out-test', 'nonsense'] })).toEqual(['data-5'])
  })
})
