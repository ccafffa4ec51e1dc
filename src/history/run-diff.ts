import { evaluateRegressions } from '../checklist/evaluate-regressions.js'
import type { GateConfig } from '../checklist/gate-config.js'
import { diffReports } from '../compare/diff-reports.js'
import { diffView } from '../report/diff-view.js'
import { snapshotReport } from '../report/snapshot-report.js'
import { writeAtomically } from '../util/write-atomically.js'
import { formatDiff } from './format-diff.js'
import { readVerifiedReport } from './read-verified-report.js'
import { renderDiffHtml } from './render-diff-html.js'

/** Options of {@link runDiff}. */
export interface RunDiffOptions {
  /** The gate whose rules against the base apply (`noRegression`, `noNewFailingChecks`). @defaultValue the head report's stored gate */
  readonly gate?: GateConfig
  /** Also write the diff as a self-contained HTML page here. */
  readonly html?: string
  /** Also write the diff as JSON here. */
  readonly json?: string
  /** Most lines per list in the console. @defaultValue 20 */
  readonly maxListed?: number
  /** Project root, for attestation files. @defaultValue process.cwd() */
  readonly root?: string
}

/** Where `runDiff` writes. */
export interface DiffIo {
  /** Normal output. */
  readonly out: (text: string) => void
  /** Errors. */
  readonly err: (text: string) => void
}

/**
 * `vitest-ml diff BASE.json HEAD.json`: verifies both reports (an inconsistent or hand-edited one is refused, exit 2),
 * compares them check by check (see `diffReports`), applies the gate's rules against the base — the head's stored
 * gate, or `gate` — and prints the diff; optionally writes it as HTML and JSON.
 *
 * @param basePath - the base report (the release in production)
 * @param headPath - the head report (the candidate)
 * @param options - gate, output files, listing limit
 * @param io - output streams
 * @returns the exit code: 0 no regression, 1 a regression, 2 a report refused
 * @example
 * ```ts
 * await runDiff('releases/v1.4.json', 'reports/vitest-ml.json', { html: 'reports/diff.html' }, io) // 1 on a regression
 * ```
 */
export function runDiff(basePath: string, headPath: string, options: RunDiffOptions, io: DiffIo): number {
  const root = options.root ?? process.cwd()
  const base = readVerifiedReport(basePath, root)
  const head = readVerifiedReport(headPath, root)
  const refused = [base, head].flatMap((read) => (read.ok ? [] : [read.message]))
  if (!base.ok || !head.ok) {
    io.err(refused.join('\n'))
    return 2
  }
  const baseSnapshot = snapshotReport(base.report)
  const gate = options.gate ?? head.report.gate.config
  const rule = gate?.noRegression
  const diff = diffReports(baseSnapshot, snapshotReport(head.report), {
    ...(rule?.confidence === undefined ? {} : { confidence: rule.confidence }),
    ...(rule?.directions === undefined ? {} : { directions: rule.directions }),
  })
  const rules = evaluateRegressions(head.report.checks, baseSnapshot, gate)
  const view = diffView(diff, {
    ...(rules === undefined ? {} : { rules: rules.regressions }),
    // The diff page has no check cards to link to; new failing checks are regressions of the diff itself.
    ruleFailures: (rules?.failures ?? []).filter((reason) => !reason.message.startsWith('new failing check')).map((reason) => ({ message: reason.message })),
  })
  const stored = head.report.baseline
  if (stored !== undefined && stored.runId !== base.report.run.id) {
    io.err(`vitest-ml: note: ${headPath} was gated against the base run ${stored.runId} (${stored.file}), not ${base.report.run.id}.`)
  }
  io.out(formatDiff(view, options.maxListed === undefined ? {} : { maxListed: options.maxListed }))
  if (options.html !== undefined) {
    writeAtomically(options.html, renderDiffHtml(view))
    io.out(`   diff: ${options.html}`)
  }
  if (options.json !== undefined) {
    writeAtomically(
      options.json,
      `${JSON.stringify({ diff, rules: rules?.regressions ?? [], regressions: [...view.regressions, ...view.ruleFailures].map((line) => line.text) }, null, 2)}\n`,
    )
    io.out(`   json: ${options.json}`)
  }
  return view.regressed ? 1 : 0
}
