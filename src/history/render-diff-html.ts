import type { DiffView } from '../report/diff-view.js'
import { pageTemplate } from '../report/html-templates.js'

/**
 * Renders the diff of two reports as one self-contained HTML page (no scripts, no network: the same
 * Content-Security-Policy as the report; every string escaped by the templates).
 *
 * @param view - the diff view (see `diffView`)
 * @returns the HTML document
 * @example
 * ```ts
 * writeAtomically('reports/diff.html', renderDiffHtml(diffView(diffReports(base, head))))
 * ```
 */
export function renderDiffHtml(view: DiffView): string {
  return pageTemplate('diff')({ diff: view, generatedAt: new Date().toISOString() })
}
