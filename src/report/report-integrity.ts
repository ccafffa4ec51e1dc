import { createHash } from 'node:crypto'
import type { Report, ReportIntegrity } from './report.js'

/**
 * The digest of a report's content: SHA-256 of its JSON (`JSON.stringify`, key order as written) without the
 * `integrity` field. A report read back from disk gives the same digest, so an edit made after writing shows. It is
 * not a signature: whoever edits the file can recompute it.
 *
 * @param report - a report, with or without its `integrity` field
 * @returns the hex digest
 */
export function reportDigest(report: Omit<Report, 'integrity'> | Report): string {
  const { integrity: _ignored, ...content } = report as Report
  return createHash('sha256').update(JSON.stringify(content)).digest('hex')
}

/**
 * Adds the integrity digest to a freshly built report.
 *
 * @param report - the report without `integrity`
 * @returns the same report with `integrity` last
 * @example
 * ```ts
 * sealReport(built).integrity // { algorithm: 'sha256', digest: '3b1f…' }
 * ```
 */
export function sealReport(report: Omit<Report, 'integrity'>): Report {
  const integrity: ReportIntegrity = { algorithm: 'sha256', digest: reportDigest(report) }
  return { ...report, integrity }
}
