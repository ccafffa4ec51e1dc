import { appendFileSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import type { Reporter, TestModule, TestRunEndReason, Vitest } from 'vitest/node'
import type { GateConfig } from '../src/checklist/gate-config.js'
import { loadGateConfig, validateGateConfig } from '../src/checklist/load-gate-config.js'
import { buildReport } from '../src/report/build-report.js'
import { collectProvenance } from '../src/report/provenance.js'
import type { Report } from '../src/report/report.js'
import { renderMarkdown } from '../src/report/render-markdown.js'
import type { ReportOptions } from '../src/report/report-options.js'
import { writeReport } from '../src/report/write-report.js'
import { collectTests } from './collect-tests.js'
import { consoleSummary } from '../src/report/console-summary.js'

/** Options of the vitest-ml reporter (`mlTesting({ report: { ... } })`); see {@link ReportOptions}. */
export type MlReporterOptions = ReportOptions

/**
 * The Vitest reporter that turns the checks recorded on tests into the vitest-ml report. At the end of the run it
 * reads `testCase.meta()` (so it works unchanged after `vitest --merge-reports`), builds and validates the report,
 * writes JSON, HTML and Markdown, prints a one-screen summary and fails the run when the gate says so. Shard runs
 * (`--shard`) write nothing: the merged run reports.
 *
 * @example
 * ```ts
 * // vitest.config.ts: added for you by mlTesting(); by hand:
 * export default defineConfig({ test: { reporters: ['default', new MlReporter({ gate: 'gate.json' })] } })
 * ```
 */
export class MlReporter implements Reporter {
  /** The options it was created with. */
  readonly options: MlReporterOptions
  /** The last report built (for programmatic use and tests). */
  lastReport: Report | undefined
  private vitest: Vitest | undefined
  private startedAt = Date.now()

  /** @param options - output, gate and summary options */
  constructor(options: MlReporterOptions = {}) {
    this.options = options
  }

  /** Remembers the Vitest instance (root, version, logger). */
  onInit(vitest: Vitest): void {
    this.vitest = vitest
    this.startedAt = Date.now()
  }

  /** Marks the start time of each run (watch mode reruns included). */
  onTestRunStart(): void {
    this.startedAt = Date.now()
  }

  /** Builds, writes and enforces the report. */
  async onTestRunEnd(testModules: ReadonlyArray<TestModule>, _errors: Parameters<NonNullable<Reporter['onTestRunEnd']>>[1], reason: TestRunEndReason): Promise<void> {
    const root = this.vitest?.config.root ?? process.cwd()
    if (this.vitest?.config.shard !== undefined) {
      this.log(' vitest-ml: shard run; the report is written by `vitest --merge-reports`.')
      return
    }
    const log = (text: string): void => this.log(text)
    try {
      const { gate, gateError } = this.loadGate(root)
      const tests = collectTests(testModules, root)
      const finishedAt = Date.now()
      const provenance = collectProvenance(root, tests.flatMap((test) => test.checks))
      const title = this.options.title ?? (provenance.package === undefined ? undefined : `${provenance.package.name}@${provenance.package.version}`)
      const built = buildReport({
        tests, root,
        ...(gate === undefined ? {} : { gate }),
        ...(this.options.attestations === undefined ? {} : { attestations: this.options.attestations }),
        ...(title === undefined ? {} : { title }),
        provenance,
        run: {
          startedAt: new Date(this.startedAt).toISOString(), finishedAt: new Date(finishedAt).toISOString(),
          durationMs: Math.max(0, finishedAt - this.startedAt), vitestVersion: this.vitest?.version ?? 'unknown', reason,
        },
      })
      const report: Report = gateError === undefined ? built : {
        ...built, gate: { ...built.gate, passed: false, configured: true, failures: [{ source: 'config', message: gateError }, ...built.gate.failures] },
      }
      if (gateError !== undefined) log(`\n vitest-ml: the gate configuration is invalid, so the gate fails.\n${gateError}`)
      this.lastReport = report
      const outputDir = resolve(root, this.options.outputDir ?? 'reports')
      const written = await writeReport(report, { ...this.options, outputDir })
      const htmlPath = written.html === undefined ? undefined : displayPath(written.html)
      log(`\n${consoleSummary(report, { colors: process.stdout.isTTY === true, ...(htmlPath === undefined ? {} : { htmlPath }) })}\n`)
      const summaryFile = process.env['GITHUB_STEP_SUMMARY']
      if (this.options.githubSummary !== false && summaryFile !== undefined && summaryFile !== '') {
        try {
          appendFileSync(summaryFile, `${renderMarkdown(report)}\n`)
        } catch (error) {
          log(` vitest-ml: could not append to GITHUB_STEP_SUMMARY (${summaryFile}): ${(error as Error).message}`)
        }
      }
      if (!report.gate.passed && this.options.failOnGate !== false) process.exitCode = 1
    } catch (error) {
      log(`\n vitest-ml: could not write the report.\n${(error as Error).message}\n`)
      process.exitCode = 1
    }
  }

  private loadGate(root: string): { gate?: GateConfig; gateError?: string } {
    const option = this.options.gate
    if (option === undefined) return {}
    try {
      return { gate: typeof option === 'string' ? loadGateConfig(resolve(root, option)) : validateGateConfig(option, 'report.gate') }
    } catch (error) {
      return { gateError: (error as Error).message }
    }
  }

  private log(text: string): void {
    if (this.vitest !== undefined) this.vitest.logger.log(text)
    else process.stdout.write(`${text}\n`)
  }
}

/** A path relative to the working directory when it is inside it, absolute otherwise. */
function displayPath(path: string): string {
  const shown = relative(process.cwd(), path)
  return shown.startsWith('..') ? path : shown
}

export default MlReporter
