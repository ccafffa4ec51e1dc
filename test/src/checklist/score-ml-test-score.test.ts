import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ML_TEST_SCORE_RUBRIC, mlTestScoreBand } from '../../../src/checklist/ml-test-score-rubric.js'
import { scoreChecklist } from '../../../src/checklist/score-checklist.js'
import { scoreMlTestScore } from '../../../src/checklist/score-ml-test-score.js'
import type { EvidenceCheck } from '../../../src/checklist/evidence-check.js'

const check = (anchor: string, kind: string, outcome: 'passed' | 'failed' = 'passed', checklist: string[] = []): EvidenceCheck =>
  ({ anchor, kind, title: anchor, checklist, outcome, evidence: true })

describe('ML Test Score', () => {
  it('has 28 tests, seven per section, with unique ids', () => {
    expect(ML_TEST_SCORE_RUBRIC).toHaveLength(28)
    expect(new Set(ML_TEST_SCORE_RUBRIC.map((item) => item.id)).size).toBe(28)
    for (const section of ['data', 'model', 'infrastructure', 'monitoring']) {
      expect(ML_TEST_SCORE_RUBRIC.filter((item) => item.section === section)).toHaveLength(7)
    }
  })

  it('scores 1 for automated, 0.5 for attested, 0 otherwise; the final score is the lowest section', () => {
    const root = mkdtempSync(join(tmpdir(), 'vitest-ml-score-'))
    writeFileSync(join(root, 'rollback.md'), 'ok')
    const checks = [check('c1', 'range'), check('c2', 'baseline'), check('c3', 'skew'), check('c4', 'latency', 'failed'), check('c5', 'x', 'passed', ['data-5'])]
    const checklist = scoreChecklist(checks, { root, attestations: { 'rollback-procedure': { file: 'rollback.md', owner: 'ops', date: '2026-01-01' } } })
    const result = scoreMlTestScore(checks, checklist, { 'data-6': { file: 'rollback.md', owner: 'ops', date: '2026-01-01' } }, root)
    const score = (id: string) => result.items.find((item) => item.id === id)!
    expect(score('data-1')).toMatchObject({ score: 1, basis: 'automated', checks: ['c1'] })
    expect(score('data-5')).toMatchObject({ score: 1, checks: ['c5'] })
    expect(score('data-6')).toMatchObject({ score: 0.5, basis: 'manual' })
    expect(score('infra-7')).toMatchObject({ score: 0.5, basis: 'manual' })
    expect(score('monitor-6')).toMatchObject({ score: 0, basis: 'none', checks: ['c4'] })
    expect(result.sections.map((section) => [section.id, section.score])).toEqual([['data', 2.5], ['model', 1], ['infrastructure', 2.5], ['monitoring', 2]])
    expect(result.score).toBe(1)
    expect(result.band).toBe('Barely tested: expect gaps in reliability')
  })

  it('maps scores to the paper\'s bands', () => {
    expect([0, 0.5, 1, 1.5, 2, 3, 4, 5, 5.5].map(mlTestScoreBand).map((band) => band.split(/[ :]/).slice(0, band.startsWith('A ') ? 2 : 1).join(' '))).toEqual(
      ['A research', 'Barely', 'Barely', 'A first', 'A first', 'Reasonably', 'Well', 'Well', 'Exceptional'],
    )
  })
})
