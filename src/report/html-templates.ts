import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type Handlebars from 'handlebars'
import { VitestMlError } from '../util/errors.js'
import { lazyRequire } from '../util/lazy-require.js'
import { formatMetric } from './html-view.js'

const handlebars = lazyRequire<typeof Handlebars>('handlebars')

/** The pages drawn from `reporters/templates/`: each `<name>.hbs` is a page, every other template a partial. */
export type HtmlPage = 'report' | 'diff' | 'history'
const PAGES: readonly HtmlPage[] = ['report', 'diff', 'history']

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
  throw new VitestMlError(
    'renderHtml',
    'the report templates (reporters/templates/*.hbs)',
    `none next to ${fileURLToPath(import.meta.url)}`,
    'Reinstall vitest-ml: its package ships reporters/templates beside dist.',
  )
}

let engine: typeof Handlebars | undefined
const compiled = new Map<HtmlPage, Handlebars.TemplateDelegate>()

/**
 * The compiled Handlebars template of one page, with the shared partials (styles, check cards, the diff section, ...)
 * and helpers (`eq`, `defined`, `fmt`, `date`). Escaping stays on: only values wrapped with {@link trustedHtml}
 * (SVG produced by Vega) are inserted as markup.
 *
 * @param page - which page
 * @returns the template function
 * @example
 * ```ts
 * pageTemplate('history')(view) // '<!doctype html>…'
 * ```
 */
export function pageTemplate(page: HtmlPage): Handlebars.TemplateDelegate {
  const found = compiled.get(page)
  if (found !== undefined) return found
  const dir = templatesDir()
  if (engine === undefined) {
    engine = handlebars().create()
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.hbs') && !PAGES.includes(name.replace(/\.hbs$/, '') as HtmlPage))) {
      engine.registerPartial(file.replace(/\.hbs$/, ''), readFileSync(join(dir, file), 'utf8'))
    }
    engine.registerHelper('eq', (left: unknown, right: unknown) => left === right)
    engine.registerHelper('defined', (value: unknown) => value !== undefined && value !== null)
    engine.registerHelper('fmt', (value: unknown) => (typeof value === 'number' ? formatMetric(value) : String(value ?? '')))
    engine.registerHelper('date', (value: unknown) =>
      String(value ?? '')
        .replace('T', ' ')
        .replace(/\.\d+Z$/, ' UTC'),
    )
  }
  const template = engine.compile(readFileSync(join(dir, `${page}.hbs`), 'utf8'), { strict: false, preventIndent: true })
  compiled.set(page, template)
  return template
}

/**
 * Marks a string as trusted markup for the templates (inserted without escaping). Only for SVG drawn by Vega, which
 * escapes every text node itself.
 *
 * @param markup - the markup
 * @returns a value the templates insert as is
 */
export function trustedHtml(markup: string): unknown {
  return new (handlebars().SafeString)(markup)
}
