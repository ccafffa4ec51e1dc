import { pageTemplate, trustedHtml } from '../report/html-templates.js'
import { renderPlotSvg } from '../report/render-plot-svg.js'
import { snapshotReport } from '../report/snapshot-report.js'
import { formatNumber as num } from '../util/format-number.js'
import type { LoadedReleases } from './load-releases.js'
import { releaseTrends, type TrendSection } from './release-trends.js'

/** Options of {@link renderHistoryHtml}. */
export interface RenderHistoryOptions {
  /** A metric without an interval is marked as moved when it changes by at least this share. @defaultValue 0.1 */
  readonly minChange?: number
  /** Most series per plot. @defaultValue 8 */
  readonly maxSeries?: number
}

const SECTION_NAMES: Readonly<Record<TrendSection, string>> = {
  quality: 'Model quality',
  latency: 'Latency and errors',
  drift: 'Drift statistics',
  rates: 'Violation and mismatch rates',
  checklist: 'Checklist coverage and ML Test Score',
}

/**
 * Renders the history of a series of releases as one self-contained HTML page: a table of the releases (verdict,
 * tests, checklist, score, and which metrics moved at each), trend plots by section (see `releaseTrends`) with the
 * releases that moved a metric marked, a table of those moves, and the files that were skipped or refused. No scripts
 * and no network (the report's Content-Security-Policy); plots are static SVG.
 *
 * @param loaded - the verified releases, oldest first (see `loadReleases`)
 * @param options - how a move is marked, series per plot
 * @returns the HTML document
 * @example
 * ```ts
 * writeAtomically('reports/history.html', await renderHistoryHtml(loadReleases(['releases/'])))
 * ```
 */
export async function renderHistoryHtml(loaded: LoadedReleases, options: RenderHistoryOptions = {}): Promise<string> {
  const releases = loaded.releases
  const labels = releases.map((release) => release.label)
  const newest = releases[releases.length - 1]?.report
  const config = newest?.gate.config
  const gateMetrics = [...Object.entries(config?.thresholds ?? {}).map(([name, bound]) => bound?.metric ?? name), ...(config?.noRegression?.metrics ?? [])]
  const { plots, unchanged } = releaseTrends(
    releases.map((release) => snapshotReport(release.report)),
    {
      labels,
      metrics: gateMetrics,
      ...(options.minChange === undefined ? {} : { minChange: options.minChange }),
      ...(options.maxSeries === undefined ? {} : { maxSeries: options.maxSeries }),
    },
  )
  const drawn = await Promise.all(plots.map(async (trend) => ({ ...trend, svg: trustedHtml(await renderPlotSvg(trend.plot)) })))
  const moves = drawn.flatMap((trend) => trend.moves).sort((left, right) => left.release - right.release)
  const sections = (Object.keys(SECTION_NAMES) as TrendSection[]).flatMap((section) => {
    const inSection = drawn.filter((trend) => trend.section === section)
    return inSection.length === 0
      ? []
      : [
          {
            id: section,
            name: SECTION_NAMES[section],
            plots: inSection.map((trend) => ({ title: trend.plot.title, svg: trend.svg, omittedSeries: trend.omittedSeries })),
          },
        ]
  })
  return pageTemplate('history')({
    title: newest === undefined ? 'Release history' : `Release history: ${newest.title}`,
    count: releases.length,
    releases: releases.map((release, index) => {
      const { report } = release
      const movedHere = [...new Set(moves.filter((move) => move.release === index).map((move) => move.metric))]
      const covered = report.checklist.filter((item) => item.status === 'passed' || item.status === 'attested').length
      return {
        label: release.label,
        path: release.path,
        finishedAt: report.run.finishedAt,
        runId: report.run.id,
        passed: report.gate.passed,
        gitCommit: report.provenance.gitCommit?.slice(0, 12),
        version: report.provenance.package?.version,
        tests: `${report.summary.tests.passed}/${report.summary.tests.total}`,
        failedChecks: report.summary.checks.failed,
        checklist: `${covered}/${report.checklist.length}`,
        score: num(report.mlTestScore.score),
        moved: movedHere,
        marked: movedHere.length > 0,
      }
    }),
    sections,
    moves: moves.map((move) => ({ ...move, label: labels[move.release] ?? String(move.release), from: num(move.from), to: num(move.to) })),
    unchanged,
    refused: loaded.refused,
    ignored: loaded.ignored,
    duplicates: loaded.duplicates,
    generatedAt: new Date().toISOString(),
  })
}
