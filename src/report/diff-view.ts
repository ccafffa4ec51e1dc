import type { RegressionResult } from '../checklist/evaluate-regressions.js'
import type { CheckChangeKind } from '../compare/classify-check-change.js'
import type { MetricChange } from '../compare/compare-metric.js'
import type { CheckChange, ReportDiff } from '../compare/diff-reports.js'
import type { CheckSummary } from '../compare/report-snapshot.js'
import { formatNumber as num } from '../util/format-number.js'
import { artifactText, intervalText, metricSentence, ruleText, signed } from './diff-text.js'

/** A run as the diff names it. */
export interface DiffRunView {
  /** Title and run id. */
  readonly label: string
  /** When it finished, ISO. */
  readonly finishedAt: string
  /** Whether its gate passed. */
  readonly passed: boolean
  /** First 12 hex digits of its digest. */
  readonly digest: string
  /** Git commit, when known. */
  readonly gitCommit?: string
}

/** One line of the diff, with an optional link into the report. */
export interface DiffLine {
  /** The text. */
  readonly text: string
  /** Anchor of the head check's card, when the diff is part of the head report. */
  readonly anchor?: string
}

/** A metric change as a table row. */
export interface MetricRowView {
  /** The check's title. */
  readonly title: string
  /** Anchor of the head check's card, when known. */
  readonly anchor?: string
  /** Metric name. */
  readonly metric: string
  /** Base, head and change, formatted. */
  readonly base: string
  readonly head: string
  readonly delta: string
  /** The interval of the change and what it rests on, or why there is none. */
  readonly interval: string
  /** The judgement (`regressed`, `improved`, `noise`, `worse`, `better`, `changed`). */
  readonly judgement: MetricChange['judgement']
}

/** Everything the diff section and the diff page draw, precomputed so templates stay logic-free. */
export interface DiffView {
  /** The base run. */
  readonly base: DiffRunView
  /** The head run. */
  readonly head: DiffRunView
  /** Whether the head regressed (a new failing check, a regressed metric, or a failed rule against the base). */
  readonly regressed: boolean
  /** One sentence for the top. */
  readonly headline: string
  /** Every regression the diff itself finds (new failing evidence checks, metrics whose interval lies on the worse side), one line each. */
  readonly regressions: readonly DiffLine[]
  /** Blocking reasons of the gate's rules against the base (`noRegression` with its margins, a metric not compared). */
  readonly ruleFailures: readonly DiffLine[]
  /** Counts of checks by change, for the tiles (kinds with none are left out). */
  readonly counts: readonly { readonly kind: CheckChangeKind; readonly label: string; readonly count: number }[]
  /** Checks that changed (everything but `unchanged` and `not-evidence` without an outcome change), and unchanged checks whose test was renamed or moved. */
  readonly checks: readonly (DiffLine & { readonly kind: CheckChangeKind; readonly label: string })[]
  /** Changed metrics of checks that are evidence on both sides, regressions first. */
  readonly metrics: readonly MetricRowView[]
  /** Changed metrics of demonstrations and expected failures: shown, never a regression. */
  readonly otherMetrics: readonly MetricRowView[]
  /** Rows left out of the metric tables (the JSON keeps all). */
  readonly metricsOmitted: number
  /** Drift and skew checks with every statistic side by side. */
  readonly drift: readonly {
    readonly title: string
    readonly anchor?: string
    readonly rows: readonly { readonly name: string; readonly base: string; readonly head: string; readonly delta: string }[]
  }[]
  /** Checklist items whose status changed. */
  readonly checklist: ReportDiff['checklist']
  /** The ML Test Score, when it changed. */
  readonly score?: {
    readonly base: string
    readonly head: string
    readonly sections: readonly { readonly id: string; readonly base: string; readonly head: string }[]
  }
  /** Models and data whose hash or rows changed. */
  readonly artifacts: readonly { readonly artifact: string; readonly name: string; readonly base: string; readonly head: string }[]
  /** The gate's `noRegression` comparisons, when the gate has the rule. */
  readonly rules: readonly (DiffLine & { readonly status: RegressionResult['status'] })[]
}

/** Options of {@link diffView}. */
export interface DiffViewOptions {
  /** The head checks' anchors, to link rows to their cards in the head report. */
  readonly anchors?: ReadonlyMap<CheckSummary, string>
  /** The gate's `noRegression` comparisons (`report.gate.regressions`). */
  readonly rules?: readonly RegressionResult[]
  /** Blocking reasons of the rules against the base, to count as regressions. */
  readonly ruleFailures?: readonly { readonly message: string; readonly anchor?: string }[]
  /** Most rows per metric table. @defaultValue 200 */
  readonly maxListed?: number
}

const LABELS: Readonly<Record<CheckChangeKind, string>> = {
  'newly-failing': 'newly failing',
  'newly-passing': 'newly passing',
  'still-failing': 'still failing',
  unchanged: 'unchanged',
  'evidence-lost': 'no longer evidence',
  'evidence-gained': 'now evidence',
  'not-evidence': 'not evidence',
  added: 'added',
  removed: 'removed',
}
const ORDER: readonly CheckChangeKind[] = [
  'newly-failing',
  'still-failing',
  'evidence-lost',
  'added',
  'removed',
  'newly-passing',
  'evidence-gained',
  'not-evidence',
  'unchanged',
]

/**
 * Turns a report diff into what the HTML diff (in the head report, or the page `vitest-ml diff --html` writes) and the
 * console diff print: headline, regressions, counts, changed checks, metric rows with intervals, drift statistics
 * side by side, checklist, score and hash changes.
 *
 * @param diff - the diff (see `diffReports`)
 * @param options - anchors, the gate's rule results, listing limit
 * @returns the view model
 * @example
 * ```ts
 * diffView(diffReports(report.baseline, snapshotReport(report))).headline // 'No regression since run 2026…'
 * ```
 */
export function diffView(diff: ReportDiff, options: DiffViewOptions = {}): DiffView {
  const anchor = (check: CheckSummary | undefined): { anchor?: string } => {
    const found = check === undefined ? undefined : options.anchors?.get(check)
    return found === undefined ? {} : { anchor: found }
  }
  const regressions: DiffLine[] = diff.regressions.map((regression) => ({
    text:
      regression.reason === 'metric'
        ? `${regression.metric!.metric} regressed: ${describeCheck(regression.check)}: ${metricSentence(regression.metric!)}`
        : `new failing check: ${describeCheck(regression.check)}`,
    ...anchor(regression.check.head),
  }))
  const ruleFailures: DiffLine[] = (options.ruleFailures ?? []).map((reason) => ({
    text: reason.message,
    ...(reason.anchor === undefined ? {} : { anchor: reason.anchor }),
  }))
  const rows = (keep: (check: CheckChange) => boolean): MetricRowView[] =>
    diff.checks
      .filter(keep)
      .flatMap((check) =>
        check.metrics.map((metric) => ({
          title: check.head?.title ?? '',
          ...anchor(check.head),
          metric: metric.metric,
          base: num(metric.base),
          head: num(metric.head),
          delta: signed(metric.delta),
          interval: intervalText(metric),
          judgement: metric.judgement,
        })),
      )
      .sort((left, right) => RANK[left.judgement] - RANK[right.judgement])
  const limit = options.maxListed ?? 200
  const evidenceRows = rows((check) => check.base?.evidence === true && check.head?.evidence === true)
  const otherRows = rows((check) => !(check.base?.evidence === true && check.head?.evidence === true))
  const since = `since ${diff.base.title} (run ${diff.base.runId})`
  const rulesFail = ruleFailures.length === 0 ? '' : `; the gate's rules against the base fail (${ruleFailures.length})`
  const headline =
    regressions.length > 0
      ? `${regressions.length} ${regressions.length === 1 ? 'regression' : 'regressions'} ${since}${rulesFail}`
      : `No regression ${since}${rulesFail}`
  return {
    base: run(diff.base),
    head: run(diff.head),
    regressed: regressions.length + ruleFailures.length > 0,
    headline,
    regressions,
    ruleFailures,
    counts: ORDER.filter((kind) => diff.counts[kind] > 0).map((kind) => ({ kind, label: LABELS[kind], count: diff.counts[kind] })),
    checks: ORDER.flatMap((kind) =>
      diff.checks
        .filter(
          (check) =>
            check.change === kind &&
            (kind === 'unchanged' || kind === 'not-evidence' ? renamed(check) !== '' || check.base?.outcome !== check.head?.outcome : true),
        )
        .map((check) => ({ kind, label: LABELS[kind], text: `${describeCheck(check)}${outcomes(check)}${renamed(check)}`, ...anchor(check.head) })),
    ),
    metrics: evidenceRows.slice(0, limit),
    otherMetrics: otherRows.slice(0, limit),
    metricsOmitted: Math.max(0, evidenceRows.length - limit) + Math.max(0, otherRows.length - limit),
    drift: diff.checks
      .filter((check) => check.base !== undefined && check.head !== undefined && (check.head.kind === 'drift' || check.head.kind === 'skew'))
      .map((check) => ({
        title: check.head!.title,
        ...anchor(check.head),
        rows: [...new Set([...Object.keys(check.base!.metrics), ...Object.keys(check.head!.metrics)])].map((name) => {
          const before = check.base!.metrics[name]
          const after = check.head!.metrics[name]
          return {
            name,
            base: before === undefined ? '—' : num(before),
            head: after === undefined ? '—' : num(after),
            delta: before === undefined || after === undefined ? '' : signed(after - before),
          }
        }),
      })),
    checklist: diff.checklist,
    ...(diff.mlTestScore.base === diff.mlTestScore.head && diff.mlTestScore.sections.length === 0
      ? {}
      : {
          score: {
            base: num(diff.mlTestScore.base),
            head: num(diff.mlTestScore.head),
            sections: diff.mlTestScore.sections.map((section) => ({
              id: section.id,
              base: section.base === undefined ? '—' : num(section.base),
              head: section.head === undefined ? '—' : num(section.head),
            })),
          },
        }),
    artifacts: diff.artifacts.map((change) => ({
      artifact: change.artifact,
      name: change.name,
      base: artifactText(change.base),
      head: artifactText(change.head),
    })),
    // A rule links to its head check's card only on a page that has the cards (the report, which passes `anchors`).
    rules: (options.rules ?? []).map((rule) => ({
      status: rule.status,
      text: ruleText(rule),
      ...(rule.check === undefined || options.anchors === undefined ? {} : { anchor: rule.check }),
    })),
  }
}

const RANK: Readonly<Record<MetricChange['judgement'], number>> = { regressed: 0, worse: 1, improved: 2, better: 3, noise: 4, changed: 5, same: 6 }

function run(header: ReportDiff['base']): DiffRunView {
  return {
    label: `${header.title} (run ${header.runId})`,
    finishedAt: header.finishedAt,
    passed: header.passed,
    digest: header.digest.slice(0, 12),
    ...(header.gitCommit === undefined ? {} : { gitCommit: header.gitCommit }),
  }
}

function describeCheck(check: CheckChange): string {
  const shown = check.head ?? check.base!
  return `"${shown.title}" (${shown.file} > ${shown.test})`
}

function outcomes(check: CheckChange): string {
  if (check.base === undefined) return `: ${check.head!.outcome}`
  if (check.head === undefined) return `: was ${check.base.outcome}`
  return check.base.outcome === check.head.outcome ? '' : `: ${check.base.outcome} → ${check.head.outcome}`
}

function renamed(check: CheckChange): string {
  if (check.base === undefined || check.head === undefined || (check.base.test === check.head.test && check.base.file === check.head.file)) return ''
  const how = check.matchedBy === 'fingerprint' ? 'same kind, title, model and data' : 'same check id'
  return ` (test renamed or moved: was ${check.base.file} > ${check.base.test}; matched by ${how})`
}
