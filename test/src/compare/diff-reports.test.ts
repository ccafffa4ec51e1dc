import { describe, expect, it } from 'vitest'
import { classifyCheckChange, isNewFailure } from '../../../src/compare/classify-check-change.js'
import { diffReports } from '../../../src/compare/diff-reports.js'
import type { CheckSummary, ReportSnapshot } from '../../../src/compare/report-snapshot.js'
import { snapshotReport } from '../../../src/report/snapshot-report.js'
import { releaseReport } from '../../support/release-reports.js'
import { sampleReport } from '../report/sample-report.js'

const summary = (overrides: Partial<CheckSummary> & Pick<CheckSummary, 'id'>): CheckSummary => ({
  kind: 'baseline',
  title: overrides.id,
  file: 'a.test.ts',
  test: 't',
  severity: 'high',
  outcome: 'passed',
  evidence: true,
  metrics: {},
  ...overrides,
})

const snapshot = (checks: CheckSummary[], overrides: Partial<ReportSnapshot> = {}): ReportSnapshot => ({
  runId: 'run-base',
  digest: 'a'.repeat(64),
  title: 'model',
  finishedAt: '2026-01-01T00:00:00.000Z',
  passed: true,
  checks,
  checklist: [{ id: 'held-out-test', status: 'passed' }],
  mlTestScore: { score: 1, sections: [{ id: 'model', score: 1 }] },
  models: [],
  data: [],
  ...overrides,
})

describe('diffReports', () => {
  it('finds nothing between a report and itself', () => {
    const report = snapshotReport(sampleReport())
    const diff = diffReports(report, report)
    expect(diff.regressions).toEqual([])
    expect(diff.checks.map((check) => [check.change, check.metrics])).toEqual(
      report.checks.map((check) => [check.evidence && check.outcome === 'failed' ? 'still-failing' : check.evidence ? 'unchanged' : 'not-evidence', []]),
    )
    expect(diff.checklist).toEqual([])
    expect(diff.artifacts).toEqual([])
    expect(diff.mlTestScore.sections).toEqual([])
  })

  it('names a planted accuracy regression with its interval', () => {
    const base = snapshotReport(releaseReport(0, { count: 2 }))
    const head = snapshotReport(releaseReport(1, { count: 2, regressionAt: 1, drop: 0.08 }))
    const diff = diffReports(base, head)
    expect(diff.regressions).toHaveLength(1)
    const [regression] = diff.regressions
    expect(regression!.reason).toBe('metric')
    expect(regression!.check.head!.title).toBe('credit.onnx beats majority on accuracy')
    expect(regression!.metric).toMatchObject({ metric: 'accuracy', judgement: 'regressed', interval: { basis: 'newcombe', level: 0.9 } })
    expect(regression!.metric!.interval!.high).toBeLessThan(0)
    expect(diff.artifacts.map((change) => `${change.artifact} ${change.name}`)).toEqual(['model credit.onnx'])
  })

  it('keeps the check of a renamed test matched, so nothing is added or removed', () => {
    const base = snapshotReport(releaseReport(0, { count: 2 }))
    const head = snapshotReport(releaseReport(1, { count: 2, renameAt: 1 }))
    const diff = diffReports(base, head)
    const accuracy = diff.checks.find((check) => check.head?.kind === 'baseline')!
    expect(accuracy).toMatchObject({ change: 'unchanged', matchedBy: 'fingerprint' })
    expect(accuracy.base!.test).toBe('credit model > beats the majority class')
    expect(accuracy.head!.test).toBe('credit model > outperforms the majority-class predictor')
    expect(diff.counts).toMatchObject({ added: 0, removed: 0, unchanged: 3 })
  })

  it('counts a new failing evidence check, added or newly failing, as a regression; never a demonstration or an expected failure', () => {
    const base = snapshot([summary({ id: 'a' }), summary({ id: 'b' }), summary({ id: 'c', evidence: false, outcome: 'demonstration' })])
    const head = snapshot([
      summary({ id: 'a', outcome: 'failed' }),
      summary({ id: 'b', evidence: false, outcome: 'expected-failure' }),
      summary({ id: 'c', evidence: false, outcome: 'expected-failure' }),
      summary({ id: 'd', outcome: 'failed' }),
      summary({ id: 'e', evidence: false, outcome: 'expected-failure' }),
    ])
    const diff = diffReports(base, head)
    expect(diff.checks.map((check) => `${check.head?.id}:${check.change}`)).toEqual([
      'a:newly-failing',
      'b:evidence-lost',
      'c:not-evidence',
      'd:added',
      'e:added',
    ])
    expect(diff.regressions.map((regression) => `${regression.reason}:${regression.check.head!.id}`)).toEqual(['new-failing-check:a', 'new-failing-check:d'])
  })

  it('judges metrics only between evidence: a demonstration whose metric collapsed is listed, not a regression', () => {
    const base = snapshot([summary({ id: 'a', evidence: false, outcome: 'demonstration', metrics: { accuracy: 0.9 }, data: { name: 'd', rows: 100 } })])
    const head = snapshot([summary({ id: 'a', evidence: false, outcome: 'demonstration', metrics: { accuracy: 0.5 }, data: { name: 'd', rows: 100 } })])
    const diff = diffReports(base, head)
    expect(diff.checks[0]!.metrics[0]).toMatchObject({ metric: 'accuracy', judgement: 'regressed' })
    expect(diff.regressions).toEqual([])
  })

  it('lists removed checks, checklist, score and artifact changes', () => {
    const base = snapshot([summary({ id: 'a' }), summary({ id: 'gone' })], {
      models: [{ name: 'm', sha256: '11' }],
      data: [{ name: 'd', rows: 10, sha256: '22' }],
    })
    const head = snapshot([summary({ id: 'a' })], {
      checklist: [
        { id: 'held-out-test', status: 'failed' },
        { id: 'baseline-improvement', status: 'passed' },
      ],
      mlTestScore: {
        score: 0.5,
        sections: [
          { id: 'model', score: 0.5 },
          { id: 'data', score: 1 },
        ],
      },
      models: [{ name: 'm', sha256: '33' }, { name: 'n' }],
      data: [{ name: 'd', rows: 12, sha256: '22' }],
    })
    const diff = diffReports(base, head)
    expect(diff.checks.at(-1)).toMatchObject({ change: 'removed', base: { id: 'gone' } })
    expect(diff.checklist).toEqual([
      { id: 'held-out-test', base: 'passed', head: 'failed' },
      { id: 'baseline-improvement', head: 'passed' },
    ])
    expect(diff.mlTestScore).toEqual({
      base: 1,
      head: 0.5,
      sections: [
        { id: 'model', base: 1, head: 0.5 },
        { id: 'data', head: 1 },
      ],
    })
    expect(diff.artifacts).toEqual([
      { artifact: 'model', name: 'm', base: { sha256: '11' }, head: { sha256: '33' } },
      { artifact: 'model', name: 'n', head: {} },
      { artifact: 'data', name: 'd', base: { sha256: '22', rows: 10 }, head: { sha256: '22', rows: 12 } },
    ])
  })
})

describe('classifyCheckChange', () => {
  const passed = { evidence: true, outcome: 'passed' } as const
  const failed = { evidence: true, outcome: 'failed' } as const
  const demo = { evidence: false, outcome: 'demonstration' } as const
  it.each([
    [passed, failed, 'newly-failing'],
    [failed, failed, 'still-failing'],
    [failed, passed, 'newly-passing'],
    [passed, passed, 'unchanged'],
    [passed, demo, 'evidence-lost'],
    [demo, passed, 'evidence-gained'],
    [demo, failed, 'newly-failing'],
    [demo, demo, 'not-evidence'],
    [failed, demo, 'evidence-lost'],
    [undefined, passed, 'added'],
    [passed, undefined, 'removed'],
  ] as const)('%o -> %o is %s', (base, head, expected) => {
    expect(classifyCheckChange(base, head)).toBe(expected)
  })

  it('calls only failing evidence that is new a new failure', () => {
    expect(isNewFailure('newly-failing', failed)).toBe(true)
    expect(isNewFailure('added', failed)).toBe(true)
    expect(isNewFailure('added', { evidence: false, outcome: 'failed' })).toBe(false)
    expect(isNewFailure('added', passed)).toBe(false)
    expect(isNewFailure('added', undefined)).toBe(false)
    expect(isNewFailure('still-failing', failed)).toBe(false)
  })
})
