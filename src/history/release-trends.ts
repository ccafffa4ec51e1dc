import { compareMetric, type MetricJudgement } from '../compare/compare-metric.js'
import type { CheckSummary, ReportSnapshot } from '../compare/report-snapshot.js'
import type { PlotSpec } from '../record/check-record.js'
import { intervalText } from '../report/diff-text.js'
import { formatNumber as num } from '../util/format-number.js'
import { type CheckTrack, trackChecks } from './track-checks.js'

/** The metrics drawn, by section; metrics the newest gate names (thresholds, `noRegression`) are drawn too. */
const SECTIONS: readonly { readonly section: TrendSection; readonly metrics: readonly string[] }[] = [
  {
    section: 'quality',
    metrics: [
      'accuracy',
      'balancedAccuracy',
      'precision',
      'recall',
      'f1',
      'f1Weighted',
      'rocAuc',
      'averagePrecision',
      'r2',
      'logLoss',
      'brier',
      'ece',
      'rmse',
      'mae',
      'mape',
      'agreement',
    ],
  },
  { section: 'latency', metrics: ['p50Ms', 'p95Ms', 'p99Ms', 'throughputPerSec', 'errorRate'] },
  { section: 'drift', metrics: ['driftShare'] },
  { section: 'rates', metrics: ['violationRate', 'mismatchRate', 'fallbackRate'] },
]

/** Where a trend plot belongs on the page. */
export type TrendSection = 'quality' | 'latency' | 'drift' | 'rates' | 'checklist'

/** A release at which a plotted value moved. */
export interface TrendMove {
  /** Index of the release (x position). */
  readonly release: number
  /** The series (a check's title, or a checklist count). */
  readonly series: string
  /** The metric. */
  readonly metric: string
  /** Value before (the previous release that had it) and after. */
  readonly from: number
  readonly to: number
  /** How the change was judged: by its interval where the reports allow one, else by `minChange`. */
  readonly judgement: MetricJudgement
  /** The interval of the change, as text. */
  readonly interval: string
}

/** One trend plot and the moves marked on it. */
export interface TrendPlot {
  /** Page section. */
  readonly section: TrendSection
  /** The plot (x: release index; categories: release labels). */
  readonly plot: PlotSpec
  /** Moves marked on it. */
  readonly moves: readonly TrendMove[]
  /** Series not drawn (the plot keeps the ones that changed most). */
  readonly omittedSeries: number
}

/** The trends of a history. */
export interface ReleaseTrends {
  /** Plots, by section. */
  readonly plots: readonly TrendPlot[]
  /** Metrics that kept one value in every release (not drawn): the plot's title and the value. */
  readonly unchanged: readonly { readonly title: string; readonly value: string }[]
}

/** Options of {@link releaseTrends}. */
export interface ReleaseTrendsOptions {
  /** Release labels for the x axis, oldest first. */
  readonly labels: readonly string[]
  /** A change of a metric with no interval is marked when it is at least this share of the earlier value. @defaultValue 0.1 */
  readonly minChange?: number
  /** Most series per plot. @defaultValue 8 */
  readonly maxSeries?: number
  /** Extra metrics to draw (for example the gate's threshold and no-regression metrics). */
  readonly metrics?: readonly string[]
}

interface Series {
  readonly name: string
  readonly metric: string
  readonly values: readonly (number | undefined)[]
  readonly checks?: readonly (CheckSummary | undefined)[]
}

/**
 * The trends of a series of releases: for each metric drawn, one line per check (followed across renames, see
 * `trackChecks`; only evidence values), drift statistics per drift check, checklist coverage and the ML Test Score.
 * A release is marked where a value moved: a change whose interval lies on one side of zero (`improved` /
 * `regressed`), or, for a metric with no interval but a known better direction, a change of at least `minChange` of
 * the earlier value (`better` / `worse`); counts of the checklist are marked at every change. Metrics whose better
 * direction is unknown (drift statistics) are drawn but not marked.
 *
 * @param snapshots - the releases' snapshots, oldest first
 * @param options - labels, thresholds and limits
 * @returns plots with their moves, and the metrics that never changed (not drawn)
 * @example
 * ```ts
 * releaseTrends(releases.map((release) => snapshotReport(release.report)), { labels }).plots.flatMap((plot) => plot.moves)
 * ```
 */
export function releaseTrends(snapshots: readonly ReportSnapshot[], options: ReleaseTrendsOptions): ReleaseTrends {
  const tracks = trackChecks(snapshots)
  const plots: TrendPlot[] = []
  const unchanged: { title: string; value: string }[] = []
  const add = (section: TrendSection, title: string, yLabel: string, series: readonly Series[]): void => {
    const values = new Set(series.flatMap((entry) => entry.values.filter((value) => value !== undefined)))
    if (values.size === 1 && section !== 'checklist') unchanged.push({ title, value: num([...values][0]!) })
    else if (series.length > 0) plots.push(trendPlot(section, title, yLabel, series, options))
  }
  const drawn = new Set<string>()
  const sections = [
    ...SECTIONS,
    { section: 'quality' as const, metrics: (options.metrics ?? []).filter((metric) => !SECTIONS.some((entry) => entry.metrics.includes(metric))) },
  ]
  for (const { section, metrics } of sections) {
    for (const metric of metrics) {
      if (drawn.has(metric)) continue
      drawn.add(metric)
      const series = mergeIdentical(tracks.flatMap((track) => metricSeries(track, metric)))
      add(section, `${metric} by release`, metric, series)
    }
  }
  for (const track of tracks.filter((candidate) => candidate.kind === 'drift' || candidate.kind === 'skew')) {
    const features = [...new Set(track.checks.flatMap((check) => Object.keys(check?.metrics ?? {}).filter((name) => name.endsWith('.statistic'))))]
    const series = features.flatMap((metric) => metricSeries(track, metric).map((entry) => ({ ...entry, name: metric.replace(/\.statistic$/, '') })))
    add('drift', `drift statistics: ${short(track.title)}`, 'statistic', series)
  }
  const count = (snapshot: ReportSnapshot, keep: (status: string) => boolean): number => snapshot.checklist.filter((item) => keep(item.status)).length
  add('checklist', 'checklist coverage by release', 'items', [
    {
      name: 'passed or attested',
      metric: 'items',
      values: snapshots.map((snapshot) => count(snapshot, (status) => status === 'passed' || status === 'attested')),
    },
    { name: 'failed', metric: 'items', values: snapshots.map((snapshot) => count(snapshot, (status) => status === 'failed')) },
    { name: 'not covered', metric: 'items', values: snapshots.map((snapshot) => count(snapshot, (status) => status === 'not-covered')) },
  ])
  add('checklist', 'ML Test Score by release', 'score', [
    { name: 'final score', metric: 'score', values: snapshots.map((snapshot) => snapshot.mlTestScore.score) },
  ])
  return { plots, unchanged }
}

function metricSeries(track: CheckTrack, metric: string): Series[] {
  const values = track.checks.map((check) => (check?.evidence === true && Number.isFinite(check.metrics[metric]) ? check.metrics[metric] : undefined))
  return values.some((value) => value !== undefined) ? [{ name: short(track.title), metric, values, checks: track.checks }] : []
}

/** Checks that recorded the very same values (accuracy measured beside two baselines) share one line. */
function mergeIdentical(series: readonly Series[]): Series[] {
  const merged = new Map<string, { series: Series; count: number }>()
  for (const entry of series) {
    const key = JSON.stringify(entry.values)
    const found = merged.get(key)
    if (found === undefined) merged.set(key, { series: entry, count: 1 })
    else found.count++
  }
  return [...merged.values()].map(({ series: entry, count }) =>
    count === 1 ? entry : { ...entry, name: `${entry.name} (+${count - 1} with the same values)` },
  )
}

function trendPlot(section: TrendSection, title: string, yLabel: string, all: readonly Series[], options: ReleaseTrendsOptions): TrendPlot {
  const spread = (entry: Series): number => {
    const present = entry.values.filter((value): value is number => value !== undefined)
    return Math.max(...present) - Math.min(...present)
  }
  const kept = [...all].sort((left, right) => spread(right) - spread(left)).slice(0, options.maxSeries ?? 8)
  const names = unique(kept.map((entry) => entry.name))
  const series = kept.map((entry, index) => ({ ...entry, name: names[index]! }))
  const moves = series.flatMap((entry) => movesOf(entry, options.minChange ?? 0.1))
  return {
    section,
    plot: {
      type: 'line',
      title,
      xLabel: 'release',
      yLabel,
      categories: options.labels,
      series: series.map((entry) => ({
        name: entry.name,
        points: entry.values.flatMap((value, release) => (value === undefined ? [] : [[release, value] as const])),
      })),
      markers: moves.map((move) => ({
        x: move.release,
        label: `${series.length > 1 ? `${short(move.series, 30)} ` : ''}${num(move.from)} → ${num(move.to)} (${move.judgement})`,
      })),
    },
    moves,
    omittedSeries: all.length - kept.length,
  }
}

function movesOf(series: Series, minChange: number): TrendMove[] {
  const moves: TrendMove[] = []
  let previous: number | undefined
  series.values.forEach((value, release) => {
    if (value === undefined) return
    const before = previous === undefined ? undefined : series.values[previous]
    const beforeCheck = previous === undefined ? undefined : series.checks?.[previous]
    const afterCheck = series.checks?.[release]
    previous = release
    if (before === undefined || before === value) return
    if (beforeCheck === undefined || afterCheck === undefined) {
      // A count (checklist items, the score): every change is a move.
      moves.push({ release, series: series.name, metric: series.metric, from: before, to: value, judgement: 'changed', interval: 'a count' })
      return
    }
    const change = compareMetric(series.metric, beforeCheck, afterCheck)!
    // A metric whose better direction is unknown (a drift statistic) is drawn, never marked: only a judged change moves.
    const moved =
      change.interval === undefined
        ? change.direction !== undefined && Math.abs(change.delta) >= minChange * Math.abs(before)
        : change.judgement === 'improved' || change.judgement === 'regressed'
    if (moved)
      moves.push({ release, series: series.name, metric: series.metric, from: before, to: value, judgement: change.judgement, interval: intervalText(change) })
  })
  return moves
}

function short(text: string, limit = 60): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text
}

function unique(names: readonly string[]): string[] {
  const seen = new Map<string, number>()
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1
    seen.set(name, count)
    return count === 1 ? name : `${name} #${count}`
  })
}
