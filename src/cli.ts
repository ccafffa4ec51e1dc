#!/usr/bin/env node
import { realpathSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { loadGateConfig } from './checklist/load-gate-config.js'
import { inconsistentReportMessage, readVerifiedReport } from './history/read-verified-report.js'
import { runDiff } from './history/run-diff.js'
import { runHistory } from './history/run-history.js'
import { INIT_USAGE } from './init/init-usage.js'
import { consoleSummary } from './report/console-summary.js'
import { readReport } from './report/read-report.js'
import type { Report } from './report/report.js'
import { verifyReport } from './report/verify-report.js'
import { writeReport } from './report/write-report.js'

const USAGE = `Usage:
  vitest-ml report REPORT.json [--out DIR]        re-render the report set (JSON, HTML, Markdown) into DIR
                                                  (default: beside REPORT.json)
  vitest-ml gate REPORT.json [--config gate.json] recompute the verdict from the report's checks and tests:
                 [--base BASE.json]               exit 0 when ready, 1 when not, 2 when the report is
                                                  inconsistent or unreadable (with --config, the saved checks
                                                  are re-decided under that gate; with --base, the base stored
                                                  in the report must be that report; attestation files are
                                                  resolved from the current directory)
  vitest-ml diff BASE.json HEAD.json              compare two reports check by check: newly failing and passing,
                 [--config gate.json]             added and removed checks, metric changes with their intervals,
                 [--html FILE] [--json FILE]      drift statistics, checklist, score and hashes; exit 0 when no
                 [--max-listed N]                 regression, 1 on a regression, 2 when a report is refused
  vitest-ml history REPORTS... [--out FILE]       trend page of many reports (files, or folders searched for
                 [--skip-invalid]                 them) with the releases that moved a metric marked
                 [--min-change 0.1]               (default --out reports/history.html)
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
  const [command, ...files] = positionals
  if (values.help === true || command === undefined) {
    ;(values.help === true ? io.out : io.err)(USAGE)
    return values.help === true ? 0 : 2
  }
  const usage = usageProblem(command, files)
  if (usage !== undefined) {
    io.err(`vitest-ml: ${usage}\n\n${USAGE}`)
    return 2
  }
  try {
    const config = values.config === undefined ? undefined : loadGateConfig(resolve(values.config))
    if (command === 'diff') {
      const maxListed = values['max-listed'] === undefined ? undefined : positiveInteger(values['max-listed'], '--max-listed')
      return runDiff(
        files[0]!,
        files[1]!,
        {
          ...(config === undefined ? {} : { gate: config }),
          ...(values.html === undefined ? {} : { html: values.html }),
          ...(values.json === undefined ? {} : { json: values.json }),
          ...(maxListed === undefined ? {} : { maxListed }),
        },
        io,
      )
    }
    if (command === 'history') {
      const minChange = values['min-change'] === undefined ? undefined : share(values['min-change'], '--min-change')
      return await runHistory(
        files,
        {
          ...(values.out === undefined ? {} : { out: values.out }),
          ...(values['skip-invalid'] === true ? { skipInvalid: true } : {}),
          ...(minChange === undefined ? {} : { minChange }),
        },
        io,
      )
    }
    const file = files[0]!
    const report = readReport(resolve(file))
    let base: Report | undefined
    if (values.base !== undefined) {
      const read = readVerifiedReport(values.base)
      if (!read.ok) {
        io.err(read.message)
        return 2
      }
      base = read.report
    }
    const { problems, recomputed } = verifyReport(report, {
      root: process.cwd(),
      ...(config === undefined ? {} : { gate: config }),
      ...(base === undefined ? {} : { base }),
    })
    if (problems.length > 0) {
      io.err(inconsistentReportMessage(file, problems))
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

/** What is wrong with the command and its files, if anything. */
function usageProblem(command: string, files: readonly string[]): string | undefined {
  if (!['report', 'gate', 'diff', 'history'].includes(command)) return `unknown command "${command}"`
  if (command === 'diff')
    return files.length === 2 ? undefined : `"diff" needs BASE.json and HEAD.json, received ${files.length} ${files.length === 1 ? 'path' : 'paths'}`
  if (command === 'history') return files.length > 0 ? undefined : '"history" needs report files or folders'
  if (files.length === 0) return `"${command}" needs a REPORT.json path`
  return files.length > 1 ? `unexpected argument "${files[1]}"` : undefined
}

function positiveInteger(text: string, option: string): number {
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1) throw new Error(`vitest-ml: ${option} expects a whole number >= 1, received "${text}".`)
  return value
}

function share(text: string, option: string): number {
  const value = Number(text)
  if (!(value >= 0) || text.trim() === '') throw new Error(`vitest-ml: ${option} expects a share such as 0.1 (a 10% change), received "${text}".`)
  return value
}

async function rerender(report: Report, outputDir: string, io: CliIo): Promise<number> {
  const written = await writeReport(report, { outputDir })
  io.out(`vitest-ml: wrote ${written.json}, ${written.html} and ${written.markdown}`)
  return 0
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      config: { type: 'string' },
      base: { type: 'string' },
      html: { type: 'string' },
      json: { type: 'string' },
      'max-listed': { type: 'string' },
      'skip-invalid': { type: 'boolean' },
      'min-change': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
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
