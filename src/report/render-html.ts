import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type Handlebars from 'handlebars'
import { lazyRequire } from '../util/lazy-require.js'

const handlebars = lazyRequire<typeof Handlebars>('handlebars')
import { VitestMlError } from '../util/errors.js'
import { formatMetric, htmlView } from './html-view.js'
import { renderPlotSvg } from './render-plot-svg.js'
import type { Report } from './report.js'

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
 * Finds the directory holding the report templates (`reporters/templates/*.hbs`). They ship as package files, so the
 * path is resolved from this module both in the source layout (`src/report/`) and the built one (`dist/chunks/`).
 *
 * @returns an absolute directory path
 * @throws VitestMlError when the templates are missing (a broken install)
 */
export function templatesDir(): string {
  const candidates = ['../../reporters/templates/']
  for (const candidate of candidates) {
    const path = fileURLToPath(new URL(candidate, import.meta.url))
    if (existsSync(`${path}report.hbs`)) return path
  }
  throw new VitestMlError('renderHtml', 'the report templates (reporters/templates/*.hbs)', `none next to ${fileURLToPath(import.meta.url)}`,
    'Reinstall vitest-ml: its package ships reporters/templates beside dist.')
}

let compiled: Handlebars.TemplateDelegate | undefined

function template(): Handlebars.TemplateDelegate {
  if (compiled !== undefined) return compiled
  const engine = handlebars().create()
  const dir = templatesDir()
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.hbs') && name !== 'report.hbs')) {
    engine.registerPartial(file.replace(/\.hbs$/, ''), readFileSync(join(dir, file), 'utf8'))
  }
  engine.registerHelper('eq', (left: unknown, right: unknown) => left === right)
  engine.registerHelper('defined', (value: unknown) => value !== undefined && value !== null)
  engine.registerHelper('fmt', (value: unknown) => (typeof value === 'number' ? formatMetric(value) : String(value ?? '')))
  engine.registerHelper('date', (value: unknown) => String(value ?? '').replace('T', ' ').replace(/\.\d+Z$/, ' UTC'))
  compiled = engine.compile(readFileSync(join(dir, 'report.hbs'), 'utf8'), { strict: false, preventIndent: true })
  return compiled
}

/**
 * Renders the report as one self-contained HTML page: inline CSS, inline SVG plots, no scripts and no external URLs
 * (a Content-Security-Policy forbids both). Every string from records goes through Handlebars' escaping; only the SVG
 * produced by Vega is inserted as markup.
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
  const ordered = (['failed', 'expected-failure', 'demonstration', 'passed'] as const).flatMap((outcome) => withPlots.filter((check) => check.outcome === outcome))
  const svgs = new Map<string, { title: string; svg: unknown }[]>()
  let budget = maxPlots
  for (const check of ordered) {
    for (const plot of check.plots ?? []) {
      if (budget <= 0) break
      budget--
      const drawn = svgs.get(check.anchor) ?? []
      // Vega builds the SVG and escapes every text node itself; it is the only markup inserted unescaped.
      drawn.push({ title: plot.title, svg: new (handlebars().SafeString)(await renderPlotSvg(plot)) })
      svgs.set(check.anchor, drawn)
    }
  }
  return template()(htmlView(report, svgs))
}
