import { formatNumber } from '../util/format-number.js'
import type { Report, ReportCheck } from './report.js'
import { type TextChangeView, textChangeView } from './text-change-view.js'

/** A check card as the HTML template sees it. */
export interface CheckCardView {
  /** The check. */
  readonly check: ReportCheck
  /** Metrics, formatted. */
  readonly metrics: readonly { readonly name: string; readonly value: string }[]
  /** The counterexample as pretty JSON (escaped by the template). */
  readonly counterexample?: string
  /** The counterexample's text change, highlighted word by word, when it is a text check's. */
  readonly textChange?: TextChangeView
  /** Drawn plots; `svg` is trusted markup produced by Vega. */
  readonly plots: readonly { readonly title: string; readonly svg: unknown }[]
  /** Plots not drawn because of the plot limit. */
  readonly plotsOmitted: number
  /** Whether the card starts expanded (failures only). */
  readonly open: boolean
}

/** A link from a checklist row to one check card. */
export interface EvidenceLink {
  /** Anchor of the check card. */
  readonly anchor: string
  /** The check's title, shortened. */
  readonly title: string
  /** Its outcome, for the coloured dot. */
  readonly outcome: ReportCheck['outcome']
}

/** Evidence links shown per checklist row; the rest are counted. */
const MAX_EVIDENCE_LINKS = 8

/** Everything the HTML template needs, precomputed so templates stay logic-free. */
export interface HtmlView {
  /** The report itself. */
  readonly report: Report
  /** The banner at the top. */
  readonly verdict: { readonly passed: boolean; readonly headline: string; readonly detail: string }
  /** Failed checks, expanded. */
  readonly failedCards: readonly CheckCardView[]
  /** Expected failures (a check that failed inside a passing test, which asserted it), collapsed, shown apart. */
  readonly expectedCards: readonly CheckCardView[]
  /** Demonstrations (a check asserted in its unhealthy form, showing it catches a fault), collapsed, shown apart. */
  readonly demonstrationCards: readonly CheckCardView[]
  /** Failed or unfinished tests that recorded no check (their failure is not in any card). */
  readonly testsWithoutChecks: readonly Report['tests'][number][]
  /** Passed checks grouped by file, collapsed. */
  readonly passedGroups: readonly { readonly file: string; readonly count: number; readonly cards: readonly CheckCardView[] }[]
  /** "n passed, n attested, ..." for the checklist heading. */
  readonly checklistCounts: string
  /** Checklist rows with links to their evidence. */
  readonly checklistRows: readonly { readonly item: Report['checklist'][number]; readonly evidence: readonly EvidenceLink[]; readonly more: number }[]
  /** ML Test Score sections with their items. */
  readonly scoreSections: readonly {
    readonly id: string
    readonly name: string
    readonly score: string
    readonly items: readonly (Report['mlTestScore']['items'][number] & { readonly evidence: readonly EvidenceLink[] })[]
  }[]
  /** Tool versions for the footer. */
  readonly generatedWith: string
}

/**
 * Formats a metric for people: the project's one number format (`formatNumber`), so a value reads the same in a
 * failure message, the console summary, the HTML and the Markdown.
 *
 * @param value - the number
 * @returns the text shown in tables
 * @example
 * ```ts
 * formatMetric(0.000012345) // '1.23e-5'
 * ```
 */
export const formatMetric: (value: number) => string = formatNumber

function textChangeOf(counterexample: unknown): { textChange?: TextChangeView } {
  const textChange = textChangeView(counterexample)
  return textChange === undefined ? {} : { textChange }
}

/** Longest counterexample shown inline; the JSON report keeps the whole value. */
const MAX_COUNTEREXAMPLE_CHARS = 20_000

function clip(text: string): string {
  return text.length <= MAX_COUNTEREXAMPLE_CHARS
    ? text
    : `${text.slice(0, MAX_COUNTEREXAMPLE_CHARS)}\n… (${text.length - MAX_COUNTEREXAMPLE_CHARS} more characters in vitest-ml.json)`
}

/**
 * Builds the HTML view model from a report and the SVGs already drawn for some checks.
 *
 * @param report - the validated report
 * @param svgs - drawn plots by check anchor (each a trusted SVG wrapped for the template engine)
 * @returns the view model
 */
export function htmlView(report: Report, svgs: ReadonlyMap<string, readonly { title: string; svg: unknown }[]>): HtmlView {
  const card = (check: ReportCheck): CheckCardView => {
    const plots = svgs.get(check.anchor) ?? []
    return {
      check,
      metrics: Object.entries(check.metrics).map(([name, value]) => ({ name, value: formatMetric(value) })),
      ...(check.counterexample === undefined ? {} : { counterexample: clip(JSON.stringify(check.counterexample, null, 2)) }),
      ...textChangeOf(check.counterexample),
      plots,
      plotsOmitted: (check.plots?.length ?? 0) - plots.length,
      open: check.outcome === 'failed',
    }
  }
  const failedCards = report.checks.filter((check) => check.outcome === 'failed').map(card)
  const expectedCards = report.checks.filter((check) => check.outcome === 'expected-failure').map(card)
  const demonstrationCards = report.checks.filter((check) => check.outcome === 'demonstration').map(card)
  const groups = new Map<string, CheckCardView[]>()
  for (const check of report.checks) {
    if (check.outcome !== 'passed') continue
    const group = groups.get(check.file) ?? []
    group.push(card(check))
    groups.set(check.file, group)
  }
  const gate = report.gate
  const byAnchor = new Map(report.checks.map((check) => [check.anchor, check]))
  const link = (anchor: string): EvidenceLink[] => {
    const check = byAnchor.get(anchor)
    if (check === undefined) return []
    const title = `${check.negated === true ? 'not: ' : ''}${check.title}`
    return [{ anchor, title: title.length > 60 ? `${title.slice(0, 59)}…` : title, outcome: check.outcome }]
  }
  const counts = (status: string): number => report.checklist.filter((item) => item.status === status).length
  return {
    report,
    verdict: {
      passed: gate.passed,
      // Without a gate file nothing is required: passing then means only that the run and its tests were clean.
      headline: !gate.passed
        ? 'Gate failed: do not deploy'
        : gate.configured
          ? 'Gate passed: ready to deploy'
          : 'Gate passed, with no gate file: nothing was required',
      detail: gate.passed
        ? `${report.summary.tests.passed} of ${report.summary.tests.total} tests and ${report.summary.checks.passed} evidence checks passed${gate.configured ? '' : '; set report.gate to name the required items and thresholds'}.`
        : `${gate.failures.length} blocking ${gate.failures.length === 1 ? 'reason' : 'reasons'}.`,
    },
    failedCards,
    expectedCards,
    demonstrationCards,
    testsWithoutChecks: report.tests.filter((test) => test.checks.length === 0 && (test.state === 'failed' || test.state === 'pending')),
    passedGroups: [...groups.entries()].map(([file, cards]) => ({ file, count: cards.length, cards })),
    checklistRows: report.checklist.map((item) => ({
      item,
      evidence: item.checks.slice(0, MAX_EVIDENCE_LINKS).flatMap(link),
      more: Math.max(0, item.checks.length - MAX_EVIDENCE_LINKS),
    })),
    checklistCounts: `${counts('passed')} passed, ${counts('attested')} attested, ${counts('failed')} failed, ${counts('not-covered')} not covered`,
    scoreSections: report.mlTestScore.sections.map((section) => ({
      id: section.id,
      name: section.name,
      score: formatMetric(section.score),
      items: report.mlTestScore.items.filter((item) => item.section === section.id).map((item) => ({ ...item, evidence: item.checks.flatMap(link) })),
    })),
    generatedWith: `vitest ${report.run.vitestVersion}, node ${report.provenance.node}`,
  }
}
