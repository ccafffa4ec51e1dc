import { describe, expect, it } from 'vitest'
import { CHECKLIST, CHECKLIST_ITEMS, checklistItem } from '../../../src/checklist/checklist-items.js'

describe('CHECKLIST_ITEMS', () => {
  it('has the 13 items, 7 before and 6 after deployment, with stable unique ids', () => {
    expect(CHECKLIST_ITEMS.map((item) => item.id)).toEqual([
      'baseline-improvement',
      'held-out-test',
      'training-serving-identical',
      'fallback-strategy',
      'monitoring-alerting',
      'ab-test-plan',
      'rollback-procedure',
      'monitor-accuracy-daily',
      'data-drift-weekly',
      'review-false-positives-negatives',
      'retrain-on-drift',
      'update-documentation',
      'business-impact',
    ])
    expect(CHECKLIST_ITEMS.filter((item) => item.phase === 'before-deployment')).toHaveLength(7)
    expect(Object.values(CHECKLIST).sort()).toEqual(CHECKLIST_ITEMS.map((item) => item.id).sort())
  })

  it('marks the items no test can prove as attestation-only', () => {
    expect(CHECKLIST_ITEMS.filter((item) => item.provedBy === 'attestation').map((item) => item.id)).toEqual([
      'ab-test-plan',
      'rollback-procedure',
      'update-documentation',
      'business-impact',
    ])
  })

  it('gives every item its own label and a one-sentence description, as the report shows them', () => {
    for (const item of CHECKLIST_ITEMS) {
      expect(item.label, item.id).toMatch(/^[A-Z]\S* .{3,}[^.]$/)
      expect(item.description, item.id).toMatch(/^[A-Z].{30,}\.$/)
    }
    expect(new Set(CHECKLIST_ITEMS.map((item) => item.label)).size).toBe(13)
    expect(new Set(CHECKLIST_ITEMS.map((item) => item.description)).size).toBe(13)
  })

  it('proves the before-deployment items that a test can show by tests, and lets monitoring be shown either way', () => {
    expect(CHECKLIST_ITEMS.filter((item) => item.provedBy === 'test').map((item) => item.id)).toEqual([
      'baseline-improvement',
      'held-out-test',
      'training-serving-identical',
      'fallback-strategy',
    ])
    expect(CHECKLIST_ITEMS.filter((item) => item.provedBy === 'either').map((item) => item.id)).toEqual([
      'monitoring-alerting',
      'monitor-accuracy-daily',
      'data-drift-weekly',
      'review-false-positives-negatives',
      'retrain-on-drift',
    ])
    expect(CHECKLIST_ITEMS.filter((item) => item.phase === 'after-deployment').map((item) => item.id)).toEqual([
      'monitor-accuracy-daily',
      'data-drift-weekly',
      'review-false-positives-negatives',
      'retrain-on-drift',
      'update-documentation',
      'business-impact',
    ])
  })

  it('looks items up by id', () => {
    expect(checklistItem(CHECKLIST.heldOutTest)?.label).toBe('Evaluated on held-out data')
    expect(checklistItem('nope')).toBeUndefined()
  })
})
