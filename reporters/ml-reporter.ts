import { randomBytes } from 'node:crypto'
import { appendFileSync } from 'node:fs'
import { basename, dirname, relative, resolve, sep } from 'node:path'
import type { Reporter, TestModule, TestRunEndReason, Vitest } from 'vitest/node'
import type { GateConfig } from '../src/checklist/gate-config.js'
import { loadGateConfig, validateGateConfig } from '../src/checklist/load-gate-config.js'
import type { RunError } from '../src/checklist/run-facts.js'
import { buildReport, type CollectedTest } from '../src/report/build-report.js'
import { consoleSummary } from '../src/report/console-summary.js'
import { loadBaseline } from '../src/report/load-baseline.js'
import { collectProvenance } from '../src/report/provenance.js'
import { renderMarkdown } from '../src/report/render-markdown.js'
import type { Report, ReportBaseline, RunInfo } from '../src/report/report.js'
import type { ReportOptions } from '../src/report/report-options.js'
import { writeReport } from '../src/report/write-report.js'
import { collectTests, errorSummary } from './collect-tests.js'

export type { Report } from '../src/report/report.js'
export type { ReportOptions } from '../src/report/report-options.js'

/** Options of the vitest-ml reporter (`mlTesting({ report: { ... } })`); see {@link ReportOptions}. */
export type MlReporterOptions = ReportOptions

/**
 * The Vitest reporter that turns the run into the vitest-ml report and its verdict. When the run starts it publishes a
 * placeholder set whose verdict is "the run did not finish", so a run that is killed never leaves an earlier "ready"
 * behind. At the end it reads every test case (`testCase.meta()` for the recorded checks, so it works unchanged after
 * `vitest --merge-reports`), the errors outside tests and how the run ended, builds and validates the report, writes
 * JSON, HTML and Markdown as one set, prints a one-screen summary and sets a failing exit code whenever the verdict is
 * not "ready" — so the banner, the JSON and the exit code never disagree. Shard runs (`--shard`) write nothing: the
 * merged run reports.
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
  private runId = newRunId(new Date())

  /** @param options - output, gate and summary options */
  constructor(options: MlReporterOptions = {}) {
    this.options = options
  }

  /** Remembers the Vitest instance (root, version, logger). */
  onInit(vitest: Vitest): void {
    this.vitest = vitest
  }

  /** Starts a run: a new run id, and a placeholder report that says the run has not finished. */
  async onTestRunStart(): Promise<void> {
    this.startedAt = Date.now()
    this.runId = newRunId(new Date(this.startedAt))
    if (this.isShard()) return
    try {
      await this.publish(this.build([], [], 'running', 'failed'))
    } catch (error) {
      this.log(` vitest-ml: could not write the placeholder report: ${(error as Error).message}`)
    }
  }

  /** Builds, writes and enforces the report. */
  async onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: Parameters<NonNullable<Reporter['onTestRunEnd']>>[1],
    reason: TestRunEndReason,
  ): Promise<void> {
    if (this.isShard()) {
      this.log(' vitest-ml: shard run; the report is written by `vitest --merge-reports`.')
      return
    }
    try {
      const root = this.root()
      const { tests, errors } = collectTests(testModules, root)
      const unhandled: RunError[] = unhandledErrors.map((error) => ({
        origin: 'unhandled',
        message: errorSummary(error as { message?: string; name?: string }),
      }))
      const report = this.build(tests, [...errors, ...unhandled], 'finished', reason)
      this.lastReport = report
      const written = await this.publish(report)
      const htmlPath = written.html === undefined ? undefined : displayPath(written.html)
      this.log(`\n${consoleSummary(report, { colors: process.stdout.isTTY === true, ...(htmlPath === undefined ? {} : { htmlPath }) })}\n`)
      this.appendGithubSummary(report)
      if (!report.gate.passed && this.options.failOnGate !== false) process.exitCode = 1
    } catch (error) {
      this.log(`\n vitest-ml: could not write the report, so the run is not ready.\n${(error as Error).message}\n`)
      process.exitCode = 1
    }
  }

  private build(tests: readonly CollectedTest[], errors: readonly RunError[], status: RunInfo['status'], reason: TestRunEndReason): Report {
    const root = this.root()
    const { gate, gateError } = this.loadGate(root)
    const { baseline, baselineError } = this.loadBaseline(root)
    const configError = [gateError, baselineError].filter((error) => error !== undefined).join('\n')
    const finishedAt = Date.now()
    const provenance = collectProvenance(
      root,
      tests.flatMap((test) => test.checks),
    )
    const title = this.options.title ?? (provenance.package === undefined ? undefined : `${provenance.package.name}@${provenance.package.version}`)
    const configFile = this.configFile(root)
    const built = buildReport({
      tests,
      errors,
      root,
      provenance,
      ...(gate === undefined ? {} : { gate }),
      ...(this.options.attestations === undefined ? {} : { attestations: this.options.attestations }),
      ...(title === undefined ? {} : { title }),
      ...(baseline === undefined ? {} : { baseline }),
      run: {
        id: this.runId,
        status,
        startedAt: new Date(this.startedAt).toISOString(),
        finishedAt: new Date(finishedAt).toISOString(),
        durationMs: Math.max(0, finishedAt - this.startedAt),
        vitestVersion: this.vitest?.version ?? 'unknown',
        reason,
        ...(configFile === undefined ? {} : { configFile }),
      },
    })
    if (configError === '') return built
    if (status === 'finished')
      this.log(
        `\n vitest-ml: ${gateError === undefined ? 'the base report cannot be used' : 'the gate configuration is invalid'}, so the gate fails.\n${configError}`,
      )
    // A gate that loaded still applies (its thresholds and required items); the configuration error blocks on its own.
    return buildReport({
      tests,
      root,
      provenance,
      ...(title === undefined ? {} : { title }),
      run: built.run,
      ...(gate === undefined ? {} : { gate }),
      ...(gate === undefined || this.options.attestations === undefined ? {} : { attestations: this.options.attestations }),
      errors: [...errors, { origin: 'config', message: configError }],
    })
  }

  private async publish(report: Report): Promise<{ html?: string }> {
    const outputDir = resolve(this.root(), this.options.outputDir ?? 'reports')
    return writeReport(report, { ...this.options, outputDir })
  }

  private appendGithubSummary(report: Report): void {
    const summaryFile = process.env['GITHUB_STEP_SUMMARY']
    if (this.options.githubSummary === false || summaryFile === undefined || summaryFile === '') return
    try {
      appendFileSync(summaryFile, `${renderMarkdown(report)}\n`)
    } catch (error) {
      this.log(` vitest-ml: could not append to GITHUB_STEP_SUMMARY (${summaryFile}): ${(error as Error).message}`)
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

  private loadBaseline(root: string): { baseline?: ReportBaseline; baselineError?: string } {
    const path = this.options.baseline
    if (path === undefined) return {}
    try {
      return { baseline: loadBaseline(path, root) }
    } catch (error) {
      return { baselineError: (error as Error).message }
    }
  }

  /** The config file, relative to the root, when Vitest would not find it by itself (replay commands pass it). */
  private configFile(root: string): string | undefined {
    const file = (this.vitest?.vite?.config as { configFile?: string } | undefined)?.configFile
    if (typeof file !== 'string') return undefined
    const isDefault = dirname(file) === root && /^(vitest|vite)\.config\.[cm]?[jt]s$/.test(basename(file))
    return isDefault ? undefined : relative(root, file).split(sep).join('/')
  }

  private isShard(): boolean {
    return this.vitest?.config.shard !== undefined
  }

  private root(): string {
    return this.vitest?.config.root ?? process.cwd()
  }

  private log(text: string): void {
    if (this.vitest !== undefined) this.vitest.logger.log(text)
    else process.stdout.write(`${text}\n`)
  }
}

/** A run id that sorts by time: `20261130T151200Z-a1b2c3d4`. */
function newRunId(at: Date): string {
  return `${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}-${randomBytes(4).toString('hex')}`
}

/** A path relative to the working directory when it is inside it, absolute otherwise. */
function displayPath(path: string): string {
  const shown = relative(process.cwd(), path)
  return shown.startsWith('..') ? path : shown
}

export default MlReporter
