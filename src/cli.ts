#!/usr/bin/env node
import { realpathSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { loadGateConfig } from './checklist/load-gate-config.js'
import { scoreChecks } from './report/build-report.js'
import { consoleSummary } from './report/console-summary.js'
import { readReport } from './report/read-report.js'
import { writeReport } from './report/write-report.js'

const USAGE = `Usage:
  vitest-ml report REPORT.json [--out DIR]        re-render the HTML and Markdown report (default DIR: beside REPORT.json)
  vitest-ml gate REPORT.json [--config gate.json] exit 0 when the gate passes, 1 when it fails
                                                  (with --config, the saved checks are re-decided under that gate;
                                                   attestation files are resolved from the current directory)
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
 * @returns the exit code: 0 success or gate passed, 1 gate failed, 2 usage or file errors
 * @example
 * ```ts
 * await runCli(['gate', 'reports/vitest-ml.json', '--config', 'gate.json']) // 1 when the gate fails
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo = consoleIo): Promise<number> {
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
    if (command === 'report') {
      const written = await writeReport(report, { outputDir: resolve(values.out ?? dirname(file)), formats: ['html', 'markdown'] })
      io.out(`vitest-ml: wrote ${written.html} and ${written.markdown}`)
      return 0
    }
    const decided = values.config === undefined ? report : { ...report, ...scoreChecks(report.checks, { gate: loadGateConfig(resolve(values.config)), root: process.cwd() }) }
    io.out(consoleSummary(decided))
    return decided.gate.passed ? 0 : 1
  } catch (error) {
    io.err((error as Error).message)
    return 2
  }
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
