import { type CheckChangeKind, classifyCheckChange, isNewFailure } from './classify-check-change.js'
import { type CompareMetricOptions, compareMetric, type MetricChange } from './compare-metric.js'
import { type MatchedBy, matchChecks } from './match-checks.js'
import type { CheckSummary, ReportSnapshot } from './report-snapshot.js'

/** One check across the two reports. */
export interface CheckChange {
  /** What happened to it. */
  readonly change: CheckChangeKind
  /** The check in the base, unless it was added. */
  readonly base?: CheckSummary
  /** The check in the head, unless it was removed. */
  readonly head?: CheckSummary
  /** How the two were matched. */
  readonly matchedBy?: MatchedBy
  /** Every metric both recorded that changed (`same` ones left out). */
  readonly metrics: readonly MetricChange[]
}

/** One reason the head is worse than the base. */
export interface Regression {
  /** A failing evidence check the base did not have failing, or an evidence metric whose interval lies on the worse side. */
  readonly reason: 'new-failing-check' | 'metric'
  /** The check concerned. */
  readonly check: CheckChange
  /** The metric, for `metric` regressions. */
  readonly metric?: MetricChange
}

/** A model or data file whose hash or row count differs. */
export interface ArtifactChange {
  /** `model` or `data`. */
  readonly artifact: 'model' | 'data'
  /** Its name. */
  readonly name: string
  /** In the base (absent: new in the head). */
  readonly base?: { readonly sha256?: string; readonly rows?: number }
  /** In the head (absent: gone from the head). */
  readonly head?: { readonly sha256?: string; readonly rows?: number }
}

/** Everything that changed from one report to the next. */
export interface ReportDiff {
  /** The base run. */
  readonly base: Omit<ReportSnapshot, 'checks' | 'checklist' | 'mlTestScore' | 'models' | 'data'>
  /** The head run. */
  readonly head: Omit<ReportSnapshot, 'checks' | 'checklist' | 'mlTestScore' | 'models' | 'data'>
  /** Every check of either report, in the head's order, removed ones last. */
  readonly checks: readonly CheckChange[]
  /** Checks by kind of change. */
  readonly counts: Readonly<Record<CheckChangeKind, number>>
  /** What makes the head worse: new failing evidence checks and evidence metrics that regressed. */
  readonly regressions: readonly Regression[]
  /** Checklist items whose status changed. */
  readonly checklist: readonly { readonly id: string; readonly base?: string; readonly head?: string }[]
  /** ML Test Score, final and per section, when any changed. */
  readonly mlTestScore: {
    readonly base: number
    readonly head: number
    readonly sections: readonly { readonly id: string; readonly base?: number; readonly head?: number }[]
  }
  /** Models and data whose hash or rows changed. */
  readonly artifacts: readonly ArtifactChange[]
}

/**
 * Compares two reports check by check: matches their checks (see `matchChecks`), classifies each (newly failing,
 * newly passing, added, removed, evidence lost ...), compares every metric both recorded (with an interval where the
 * summaries allow one, see `compareMetric`), and lists checklist, ML Test Score and artifact-hash changes. A
 * regression is a failing evidence check the base did not have failing, or a metric of two evidence checks judged
 * `regressed`; demonstrations and expected failures are listed but never make one.
 *
 * @param base - the base report (the release shipped today)
 * @param head - the head report (the candidate)
 * @param options - confidence of the intervals, directions of metrics of the user's own
 * @returns the diff; identical reports give no regression and every check `unchanged`
 * @example
 * ```ts
 * diffReports(snapshotReport(release), snapshotReport(candidate)).regressions.map((r) => r.check.head?.title)
 * ```
 */
export function diffReports(base: ReportSnapshot, head: ReportSnapshot, options: CompareMetricOptions = {}): ReportDiff {
  const matching = matchChecks(base.checks, head.checks)
  const checks: CheckChange[] = [
    ...matching.pairs.map((pair) => ({
      change: classifyCheckChange(pair.base, pair.head),
      base: pair.base,
      head: pair.head,
      matchedBy: pair.matchedBy,
      metrics: metricChanges(pair.base, pair.head, options),
    })),
    ...matching.added.map((check) => ({ change: 'added' as const, head: check, metrics: [] })),
    ...matching.removed.map((check) => ({ change: 'removed' as const, base: check, metrics: [] })),
  ]
  const counts = Object.fromEntries(KINDS.map((kind) => [kind, checks.filter((check) => check.change === kind).length])) as Record<CheckChangeKind, number>
  const regressions: Regression[] = []
  for (const check of checks) {
    if (isNewFailure(check.change, check.head)) regressions.push({ reason: 'new-failing-check', check })
    if (check.base?.evidence !== true || check.head?.evidence !== true) continue
    for (const metric of check.metrics) if (metric.judgement === 'regressed') regressions.push({ reason: 'metric', check, metric })
  }
  return {
    base: header(base),
    head: header(head),
    checks,
    counts,
    regressions,
    checklist: changedStatuses(base.checklist, head.checklist),
    mlTestScore: {
      base: base.mlTestScore.score,
      head: head.mlTestScore.score,
      sections: union(
        base.mlTestScore.sections.map((s) => s.id),
        head.mlTestScore.sections.map((s) => s.id),
      ).flatMap((id) => {
        const before = base.mlTestScore.sections.find((s) => s.id === id)?.score
        const after = head.mlTestScore.sections.find((s) => s.id === id)?.score
        return before === after ? [] : [{ id, ...(before === undefined ? {} : { base: before }), ...(after === undefined ? {} : { head: after }) }]
      }),
    },
    artifacts: [...artifactChanges('model', base.models, head.models), ...artifactChanges('data', base.data, head.data)],
  }
}

const KINDS: readonly CheckChangeKind[] = [
  'newly-failing',
  'newly-passing',
  'still-failing',
  'unchanged',
  'evidence-lost',
  'evidence-gained',
  'not-evidence',
  'added',
  'removed',
]

function header(snapshot: ReportSnapshot): ReportDiff['base'] {
  const { checks: _checks, checklist: _checklist, mlTestScore: _score, models: _models, data: _data, ...rest } = snapshot
  return rest
}

function metricChanges(base: CheckSummary, head: CheckSummary, options: CompareMetricOptions): MetricChange[] {
  return Object.keys(head.metrics).flatMap((metric) => {
    const change = compareMetric(metric, base, head, options)
    return change === undefined || change.judgement === 'same' ? [] : [change]
  })
}

function changedStatuses(base: ReportSnapshot['checklist'], head: ReportSnapshot['checklist']): ReportDiff['checklist'] {
  return union(
    base.map((item) => item.id),
    head.map((item) => item.id),
  ).flatMap((id) => {
    const before = base.find((item) => item.id === id)?.status
    const after = head.find((item) => item.id === id)?.status
    return before === after ? [] : [{ id, ...(before === undefined ? {} : { base: before }), ...(after === undefined ? {} : { head: after }) }]
  })
}

function artifactChanges(
  artifact: 'model' | 'data',
  base: readonly { name: string; sha256?: string; rows?: number }[],
  head: readonly { name: string; sha256?: string; rows?: number }[],
): ArtifactChange[] {
  const key = (entry: { sha256?: string; rows?: number }): string => `${entry.sha256 ?? ''}/${entry.rows ?? ''}`
  return union(
    base.map((entry) => entry.name),
    head.map((entry) => entry.name),
  ).flatMap((name) => {
    const before = base.filter((entry) => entry.name === name)
    const after = head.filter((entry) => entry.name === name)
    const same = before.length === after.length && before.every((entry, index) => key(entry) === key(after[index]!))
    if (same) return []
    const pick = (entry: { sha256?: string; rows?: number } | undefined): { sha256?: string; rows?: number } | undefined =>
      entry === undefined
        ? undefined
        : { ...(entry.sha256 === undefined ? {} : { sha256: entry.sha256 }), ...(entry.rows === undefined ? {} : { rows: entry.rows }) }
    const from = pick(before[before.length - 1])
    const to = pick(after[after.length - 1])
    return [{ artifact, name, ...(from === undefined ? {} : { base: from }), ...(to === undefined ? {} : { head: to }) }]
  })
}

function union(left: readonly string[], right: readonly string[]): string[] {
  return [...new Set([...left, ...right])]
}
