import { describe, expect, it } from 'vitest'
import type { CheckSummary, ReportSnapshot } from '../../../src/compare/report-snapshot.js'
import { releaseTrends } from '../../../src/history/release-trends.js'
import { trackChecks } from '../../../src/history/track-checks.js'
import { snapshotReport } from '../../../src/report/snapshot-report.js'
import { releaseReport } from '../../support/release-reports.js'

const series = (count: number, options: Parameters<typeof releaseReport>[1]): ReportSnapshot[] =>
  Array.from({ length: count }, (_, index) => snapshotReport(releaseReport(index, options)))

const summary = (id: string, metrics: Record<string, number>, overrides: Partial<CheckSummary> = {}): CheckSummary => ({
  id,
  kind: 'baseline',
  title: id,
  file: 'a.test.ts',
  test: 't',
  severity: 'high',
  outcome: 'passed',
  evidence: true,
  metrics,
  ...overrides,
})
const snapshot = (checks: CheckSummary[]): ReportSnapshot => ({
  runId: 'r',
  digest: 'd'.repeat(64),
  title: 't',
  finishedAt: '2026-01-01T00:00:00.000Z',
  passed: true,
  checks,
  checklist: [],
  mlTestScore: { score: 0, sections: [] },
  models: [],
  data: [],
})

describe('trackChecks', () => {
  it('follows a check through a renamed test, and one that skips a release', () => {
    const tracks = trackChecks([
      snapshot([summary('a', { accuracy: 0.9 }), summary('b', {})]),
      snapshot([summary('a2', { accuracy: 0.91 }, { title: 'a' })]),
      snapshot([summary('a2', { accuracy: 0.92 }, { title: 'a' }), summary('b', {}), summary('c', {})]),
    ])
    expect(tracks.map((track) => [track.title, track.checks.map((check) => check?.id)])).toEqual([
      ['a', ['a', 'a2', 'a2']],
      ['b', ['b', undefined, 'b']],
      ['c', [undefined, undefined, 'c']],
    ])
  })
})

describe('releaseTrends', () => {
  const labels = Array.from({ length: 12 }, (_, index) => `v${index}`)

  it('draws accuracy across a renamed test and marks the release whose change moved it, with its interval', () => {
    const { plots } = releaseTrends(series(12, { count: 12, regressionAt: 7, renameAt: 4 }), { labels })
    const accuracy = plots.find((plot) => plot.plot.title === 'accuracy by release')!
    expect(accuracy.section).toBe('quality')
    expect(accuracy.plot.series).toHaveLength(1)
    expect(accuracy.plot.series[0]!.points.map(([x]) => x)).toEqual(labels.map((_, index) => index))
    expect(accuracy.plot.categories).toEqual(labels)
    expect(accuracy.moves).toEqual([
      expect.objectContaining({
        release: 7,
        metric: 'accuracy',
        judgement: 'regressed',
        interval: expect.stringMatching(/^90% interval \[-0\.\d+, -0\.\d+\] \(Newcombe, 500 vs 500\)$/),
      }),
    ])
    expect(accuracy.plot.markers).toEqual([{ x: 7, label: expect.stringMatching(/^0\.\d+ → 0\.\d+ \(regressed\)$/) }])
  })

  it('marks a latency jump beyond the minimum change, and not the wobble below it', () => {
    const { plots } = releaseTrends(series(12, { count: 12, latencyJumpAt: 9 }), { labels })
    const p99 = plots.find((plot) => plot.plot.title === 'p99Ms by release')!
    expect(p99.section).toBe('latency')
    expect(p99.moves.map((move) => [move.release, move.judgement])).toEqual([[9, 'worse']])
    expect(
      releaseTrends(series(12, { count: 12, latencyJumpAt: 9 }), { labels, minChange: 0.6 }).plots.find((plot) => plot.plot.title === 'p99Ms by release')!
        .moves,
    ).toEqual([])
  })

  it('draws drift statistics per drift check without marking them, and lists metrics that never changed', () => {
    const { plots, unchanged } = releaseTrends(series(6, { count: 6 }), { labels: labels.slice(0, 6) })
    const drift = plots.find((plot) => plot.plot.title.startsWith('drift statistics'))!
    expect(drift.plot.series.map((entry) => entry.name).sort()).toEqual(['age', 'income'])
    expect(drift.moves).toEqual([])
    expect(unchanged).toEqual(
      expect.arrayContaining([
        { title: 'errorRate by release', value: '0' },
        { title: 'driftShare by release', value: '0' },
      ]),
    )
    expect(plots.filter((plot) => plot.section === 'checklist').map((plot) => plot.plot.title)).toEqual([
      'checklist coverage by release',
      'ML Test Score by release',
    ])
  })

  it("merges checks with identical values into one line, keeps the series that changed most, and draws the gate's own metrics", () => {
    const releases = [0, 1, 2].map((release) =>
      snapshot([
        summary('majority', { accuracy: 0.9 + release / 100 }),
        summary('stratified', { accuracy: 0.9 + release / 100 }),
        ...Array.from({ length: 9 }, (_, index) => summary(`m${index}`, { accuracy: 0.5 + (index * release) / 100, custom: release })),
      ]),
    )
    const { plots } = releaseTrends(releases, { labels: ['a', 'b', 'c'], maxSeries: 3, metrics: ['custom'] })
    const accuracy = plots.find((plot) => plot.plot.title === 'accuracy by release')!
    expect(accuracy.plot.series.map((entry) => entry.name)).toEqual(['m8', 'm7', 'm6'])
    expect(accuracy.omittedSeries).toBe(7) // 10 lines: the merged pair and m0..m8
    const all = releaseTrends(releases, { labels: ['a', 'b', 'c'], maxSeries: 20 }).plots.find((plot) => plot.plot.title === 'accuracy by release')!
    expect(all.plot.series.map((entry) => entry.name)).toContain('majority (+1 with the same values)')
    expect(plots.find((plot) => plot.plot.title === 'custom by release')!.plot.series).toHaveLength(1)
  })

  it("draws only evidence: a demonstration's values are left out", () => {
    const releases = [
      snapshot([summary('a', { accuracy: 0.9 }, { evidence: false, outcome: 'demonstration' })]),
      snapshot([summary('a', { accuracy: 0.5 }, { evidence: false, outcome: 'demonstration' })]),
    ]
    expect(releaseTrends(releases, { labels: ['a', 'b'] }).plots.map((plot) => plot.plot.title)).toEqual([
      'checklist coverage by release',
      'ML Test Score by release',
    ])
  })
})
