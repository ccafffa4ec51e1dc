import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * Finds the directory holding the report templates (`reporters/templates/*.hbs`). They ship as package files, so the
 * path is resolved from this module both in the source layout (`src/report/`) and the built one (`dist/src/report/`).
 *
 * @returns an absolute directory path
 * @throws Error when the templates are missing (a broken install)
 */
export function templatesDir(): string {
  const candidates = ['../../reporters/templates/', '../../../reporters/templates/']
  for (const candidate of candidates) {
    const path = fileURLToPath(new URL(candidate, import.meta.url))
    if (existsSync(`${path}report.hbs`)) return path
  }
  throw new Error(`vitest-ml: report templates not found next to ${fileURLToPath(import.meta.url)}; reinstall the package.`)
}
