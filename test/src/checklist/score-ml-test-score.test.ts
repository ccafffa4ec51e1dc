import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { EvidenceCheck } from '../../../src/checklist/evidence-check.js'
import { ML_TEST_SCORE_RUBRIC, mlTestScoreBand, RUBRIC_IDS } from '../../../src/checklist/ml-test-score-rubric.js'
import { scoreChecklist } from '../../../src/checklist/score-checklist.js'
import { scoreMlTestScore } from '../../../src/checklist/score-ml-test-score.js'

const check = (anchor: string, kind: string, outcome: 'passed' | 'failed' = 'passed', checklist: string[] = []): EvidenceCheck => ({
  anchor,
  kind,
  title: anchor,
  checklist,
  outcome,
  evidence: true,
})

describe('ML Test Score', () => {
  it('has 28 tests, seven per section, with unique ids', () => {
    expect(ML_TEST_SCORE_RUBRIC).toHaveLength(28)
    expect(new Set(ML_TEST_SCORE_RUBRIC.map((item) => item.id)).size).toBe(28)
    for (const section of ['data', 'model', 'infrastructure', 'monitoring']) {
      expect(ML_TEST_SCORE_RUBRIC.filter((item) => item.section === section)).toHaveLength(7)
    }
    for (const item of ML_TEST_SCORE_RUBRIC) expect(item.name, item.id).toMatch(/^[A-Z]\S* \S.*[^.]$/)
    expect(new Set(ML_TEST_SCORE_RUBRIC.map((item) => item.name)).size).toBe(28)
    expect(ML_TEST_SCORE_RUBRIC.map((item) => item.id)).toEqual([...RUBRIC_IDS])
  })

  it('scores 1 for automated, 0.5 for attested, 0 otherwise; the final score is the lowest section', () => {
    const root = mkdtempSync(join(tmpdir(), 'vitest-ml-score-'))
    writeFileSync(join(root, 'rollback.md'), 'ok')
    const checks = [
      check('c1', 'range'),
      check('c2', 'baseline'),
      check('c3', 'skew'),
      check('c4', 'latency', 'failed'),
      check('c5', 'x', 'passed', ['data-5']),
    ]
    const checklist = scoreChecklist(checks, { root, attestations: { 'rollback-procedure': { file: 'rollback.md', owner: 'ops', date: '2026-01-01' } } })
    const result = scoreMlTestScore(checks, checklist, { 'data-6': { file: 'rollback.md', owner: 'ops', date: '2026-01-01' } }, root)
    const score = (id: string) => result.items.find((item) => item.id === id)!
    expect(score('data-1')).toMatchObject({ score: 1, basis: 'automated', checks: ['c1'] })
    expect(score('data-5')).toMatchObject({ score: 1, checks: ['c5'] })
    expect(score('data-6')).toMatchObject({ score: 0.5, basis: 'manual' })
    expect(score('infra-7')).toMatchObject({ score: 0.5, basis: 'manual' })
    expect(score('monitor-6')).toMatchObject({ score: 0, basis: 'none', checks: ['c4'] })
    expect(result.sections.map((section) => [section.id, section.score])).toEqual([
      ['data', 2.5],
      ['model', 1],
      ['infrastructure', 2.5],
      ['monitoring', 2],
    ])
    expect(result.score).toBe(1)
    expect(result.band).toBe('Barely tested: expect gaps in reliability')
  })

  it('scores an item 1 only when all of its evidence passed, and lists each check once', () => {
    const checks = [
      check('c1', 'latency'),
      check('c2', 'latency', 'failed'),
      check('c3', 'x', 'passed', ['data-5', 'data-5']),
      check('c4', 'x', 'failed', ['data-5']),
    ]
    const result = scoreMlTestScore(checks, [])
    expect(result.items.find((item) => item.id === 'monitor-6')).toMatchObject({ score: 0, basis: 'none', checks: ['c1', 'c2'] })
    expect(result.items.find((item) => item.id === 'data-5')).toMatchObject({ score: 0, basis: 'none', checks: ['c3', 'c4'] })
    const once = scoreMlTestScore([check('c3', 'x', 'passed', ['data-5', 'data-5'])], [])
    expect(once.items.find((item) => item.id === 'data-5')).toEqual({
      id: 'data-5',
      name: 'Privacy controls on the data pipeline',
      section: 'data',
      score: 1,
      basis: 'automated',
      checks: ['c3'],
    })
  })

  it('gives no credit for checks that are not evidence (demonstrations, expected failures)', () => {
    const demo: EvidenceCheck = { ...check('c1', 'baseline'), outcome: 'demonstration', evidence: false }
    expect(scoreMlTestScore([demo], []).items.find((item) => item.id === 'model-5')).toMatchObject({ score: 0, basis: 'none', checks: [] })
  })

  it('gives manual credit through every attested checklist item a rubric test maps to, and through a passed one', () => {
    const root = mkdtempSync(join(tmpdir(), 'vitest-ml-score-'))
    writeFileSync(join(root, 'plan.md'), 'ok')
    const attestation = { file: 'plan.md', owner: 'ops', date: '2026-01-01' }
    const ids = ['ab-test-plan', 'rollback-procedure', 'data-drift-weekly', 'retrain-on-drift', 'monitor-accuracy-daily']
    const checklist = scoreChecklist([], { root, attestations: Object.fromEntries(ids.map((id) => [id, attestation])) })
    const manual = scoreMlTestScore([], checklist, {}, root)
      .items.filter((item) => item.basis === 'manual')
      .map((item) => item.id)
    expect(manual).toEqual(['infra-6', 'infra-7', 'monitor-2', 'monitor-4', 'monitor-7'])
    const tagged = [check('c1', 'my-drift-job', 'passed', ['data-drift-weekly'])]
    expect(scoreMlTestScore(tagged, scoreChecklist(tagged, { root }), {}, root).items.find((item) => item.id === 'monitor-2')).toMatchObject({
      score: 0.5,
      basis: 'manual',
    })
    const failedItem = scoreChecklist([check('c1', 'drift', 'failed')], { root })
    expect(scoreMlTestScore([], failedItem, {}, root).items.find((item) => item.id === 'monitor-2')).toMatchObject({ score: 0, basis: 'none' })
  })

  it('gives no credit for a direct attestation that does not hold, judged at the given moment', () => {
    const root = mkdtempSync(join(tmpdir(), 'vitest-ml-score-'))
    writeFileSync(join(root, 'privacy.md'), 'ok')
    const score = (attestation: { file: string; owner: string; date: string }, options = {}) =>
      scoreMlTestScore([], [], { 'data-5': attestation }, root, options).items.find((item) => item.id === 'data-5')?.score
    expect(score({ file: 'privacy.md', owner: 'dpo', date: '2026-01-01' })).toBe(0.5)
    expect(score({ file: 'missing.md', owner: 'dpo', date: '2026-01-01' })).toBe(0)
    expect(score({ file: 'privacy.md', owner: 'dpo', date: '2026-01-01' }, { now: new Date('2026-03-01T00:00:00Z'), maxAgeDays: 30 })).toBe(0)
  })

  it('resolves direct attestations from the working directory by default', () => {
    const result = scoreMlTestScore([], [], { 'data-5': { file: 'package.json', owner: 'dpo', date: '2026-01-01' } })
    expect(result.items.find((item) => item.id === 'data-5')?.score).toBe(0.5)
  })

  it('names the four sections as the paper does', () => {
    expect(scoreMlTestScore([], []).sections).toEqual([
      { id: 'data', name: 'Data', score: 0 },
      { id: 'model', name: 'Model', score: 0 },
      { id: 'infrastructure', name: 'Infrastructure', score: 0 },
      { id: 'monitoring', name: 'Monitoring', score: 0 },
    ])
  })

  it("maps scores to the paper's bands", () => {
    expect(
      [0, 0.5, 1, 1.5, 2, 3, 4, 5, 5.5].map(mlTestScoreBand).map((band) =>
        band
          .split(/[ :]/)
          .slice(0, band.startsWith('A ') ? 2 : 1)
          .join(' '),
      ),
    ).toEqual(['A research', 'Barely', 'Barely', 'A first', 'A first', 'Reasonably', 'Well', 'Well', 'Exceptional'])
  })
})
