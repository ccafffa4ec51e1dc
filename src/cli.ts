#!/usr/bin/env node
import { realpathSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { loadGateConfig } from './checklist/load-gate-config.js'
import { consoleSummary } from './report/console-summary.js'
import { readReport } from './report/read-report.js'
import type { Report } from './report/report.js'
import { verifyReport } from './report/verify-report.js'
import { writeReport } from './report/write-report.js'
import { INIT_USAGE } from './init/init-usage.js'

const USAGE = `Usage:
  vitest-ml report REPORT.json [--out DIR]        re-render the report set (JSON, HTML, Markdown) into DIR
                                                  (default: beside REPORT.json)
  vitest-ml gate REPORT.json [--config gate.json] recompute the verdict from the report's checks and tests:
                                                  exit 0 when ready, 1 when not, 2 when the report is
                                                  inconsistent or unreadable (with --config, the saved checks
                                                  are re-decided under that gate; attestation files are
                                                  resolved from the current directory)
${INIT_USAGE}
  vitest-ml --help`

/** Where the CLI writes. */
export interface CliIo {
  /** Normal output. */
  readonly out: (text: string) => void
  /** Errors and usage. */
  readonly err: (text: string) => void
}

const consoleIo: CliIo = { out: (text) => process.stdout.write(`${text}\n`), err: (text) => process.stderr.write(`${text}\n`) }

/**
 * Runs the `vitest-ml` command line.
 *
 * @param argv - arguments after the program name, such as `['gate', 'reports/vitest-ml.json']`
 * @param io - output streams @defaultValue stdout / stderr
 * @returns the exit code: 0 success or gate passed, 1 gate failed (or `init` would overwrite files), 2 usage errors,
 *   unreadable or inconsistent reports
 * @example
 * ```ts
 * await runCli(['gate', 'reports/vitest-ml.json', '--config', 'gate.json']) // 1 when the gate fails
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo = consoleIo): Promise<number> {
  // `init` has options of its own; its logic lives in src/init/ and loads only when asked for.
  if (argv[0] === 'init') return (await import('./init/run-init.js')).runInit(argv.slice(1), io)
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (error) {
    io.err(`vitest-ml: ${(error as Error).message}\n\n${USAGE}`)
    return 2
  }
  const { values, positionals } = parsed
  const [command, file, ...extra] = positionals
  if (values.help === true || command === undefined) {
    ;(values.help === true ? io.out : io.err)(USAGE)
    return values.help === true ? 0 : 2
  }
  if ((command !== 'report' && command !== 'gate') || file === undefined || extra.length > 0) {
    io.err(`vitest-ml: ${command !== 'report' && command !== 'gate' ? `unknown command "${command}"` : file === undefined ? `"${command}" needs a REPORT.json path` : `unexpected argument "${extra[0]}"`}\n\n${USAGE}`)
    return 2
  }
  try {
    const report = readReport(resolve(file))
    const config = values.config === undefined ? undefined : loadGateConfig(resolve(values.config))
    const { problems, recomputed } = verifyReport(report, { root: process.cwd(), ...(config === undefined ? {} : { gate: config }) })
    if (problems.length > 0) {
      io.err(refusal(file, problems))
      return 2
    }
    if (command === 'report') return await rerender(report, resolve(values.out ?? dirname(file)), io)
    io.out(consoleSummary(recomputed))
    return recomputed.gate.passed ? 0 : 1
  } catch (error) {
    io.err((error as Error).message)
    return 2
  }
}

async function rerender(report: Report, outputDir: string, io: CliIo): Promise<number> {
  const written = await writeReport(report, { outputDir })
  io.out(`vitest-ml: wrote ${written.json}, ${written.html} and ${written.markdown}`)
  return 0
}

function refusal(file: string, problems: readonly string[]): string {
  return [
    `vitest-ml: ${file} is inconsistent: its stored fields do not follow from its own checks and tests, so no verdict is given.`,
    ...problems.map((problem) => `  ${problem}`),
    'Hint: reports are written by the vitest-ml reporter and must not be edited; run the tests again to get a report the gate accepts.',
  ].join('\n')
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { out: { type: 'string' }, config: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  })
}

function isMain(): boolean {
  const entry = process.argv[1]
  if (entry === undefined) return false
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
}

if (isMain()) process.exitCode = await runCli(process.argv.slice(2))
