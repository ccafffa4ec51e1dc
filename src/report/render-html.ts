import { diffReports } from '../compare/diff-reports.js'
import { type DiffView, diffView } from './diff-view.js'
import { pageTemplate, trustedHtml } from './html-templates.js'
import { htmlView } from './html-view.js'
import { renderPlotSvg } from './render-plot-svg.js'
import type { Report } from './report.js'
import { snapshotReport } from './snapshot-report.js'

export { templatesDir } from './html-templates.js'

/** Options of {@link renderHtml}. */
export interface RenderHtmlOptions {
  /**
   * Most plots drawn in one report; failing checks' plots are drawn first, then expected failures', then passing
   * checks'. Keeps huge runs fast to render and open.
   * @defaultValue 40
   */
  readonly maxPlots?: number
}

/**
 * Renders the report as one self-contained HTML page: inline CSS, inline SVG plots, no scripts and no external URLs
 * (a Content-Security-Policy forbids both). Every string from records goes through Handlebars' escaping; only the SVG
 * produced by Vega is inserted as markup. When the run was compared with a base report, the page opens with what
 * changed since it (see `diffReports`), recomputed from the report's stored `baseline`.
 *
 * @param report - a validated report
 * @param options - rendering limits
 * @returns the HTML document
 * @example
 * ```ts
 * await writeFile('reports/vitest-ml.html', await renderHtml(report))
 * ```
 */
export async function renderHtml(report: Report, options: RenderHtmlOptions = {}): Promise<string> {
  const maxPlots = options.maxPlots ?? 40
  const withPlots = report.checks.filter((check) => (check.plots?.length ?? 0) > 0)
  // Failures first, then the demonstrations (expected failures: their plots show what a caught fault looks like), then passes.
  const ordered = (['failed', 'expected-failure', 'demonstration', 'passed'] as const).flatMap((outcome) =>
    withPlots.filter((check) => check.outcome === outcome),
  )
  const svgs = new Map<string, { title: string; svg: unknown }[]>()
  let budget = maxPlots
  for (const check of ordered) {
    for (const plot of check.plots ?? []) {
      if (budget <= 0) break
      budget--
      const drawn = svgs.get(check.anchor) ?? []
      // Vega builds the SVG and escapes every text node itself; it is the only markup inserted unescaped.
      drawn.push({ title: plot.title, svg: trustedHtml(await renderPlotSvg(plot)) })
      svgs.set(check.anchor, drawn)
    }
  }
  return pageTemplate('report')({ ...htmlView(report, svgs), diff: reportDiffView(report) })
}

/** What changed since the base report, from the stored snapshot, with rows linked to this report's cards. */
function reportDiffView(report: Report): DiffView | undefined {
  if (report.baseline === undefined) return undefined
  const head = snapshotReport(report)
  const anchors = new Map(head.checks.map((check, index) => [check, report.checks[index]!.anchor]))
  // The rules' blocking reasons are already at the top of the report ("Why the gate failed"); the section lists every
  // comparison the rule made.
  return diffView(diffReports(report.baseline, head), { anchors, ...(report.gate.regressions === undefined ? {} : { rules: report.gate.regressions }) })
}
