import type { Attestation } from '../checklist/attestation.js'
import type { GateConfig } from '../checklist/gate-config.js'
import type { WriteReportOptions } from './write-report.js'

/**
 * Options of the vitest-ml report: `mlTesting({ report: { ... } })` or `new MlReporter({ ... })`.
 *
 * @example
 * ```ts
 * mlTesting({ report: { outputDir: 'reports', gate: 'gate.json', title: 'credit model', baseline: 'releases/v1.4.json' } })
 * ```
 */
export interface ReportOptions extends WriteReportOptions {
  /** Gate: a path to a JSON gate file (relative to the project root) or the gate itself. */
  readonly gate?: string | GateConfig
  /** Attestations by checklist or rubric id, merged over the gate file's. */
  readonly attestations?: Readonly<Record<string, Attestation>>
  /** Report title. @defaultValue the tested package's `name@version`, or 'vitest-ml report' */
  readonly title?: string
  /** Append the Markdown summary to `$GITHUB_STEP_SUMMARY` when it is set. @defaultValue true */
  readonly githubSummary?: boolean
  /** Set `process.exitCode = 1` when the gate fails. @defaultValue true */
  readonly failOnGate?: boolean
  /**
   * The report of the release in production (a path relative to the project root), to compare this run with: the HTML
   * report shows what changed, and the gate's `noRegression` and `noNewFailingChecks` rules read it. It is verified
   * first; a base that is missing or inconsistent fails the gate.
   */
  readonly baseline?: string
}
