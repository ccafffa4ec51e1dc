/**
 * history-50: `vitest-ml history` over a folder of 50 generated release reports — read and verify each, follow every
 * check across the releases, draw the trend plots and write the page — against re-rendering the 50 releases' report
 * sets one by one (`vitest-ml report`: JSON, HTML and Markdown of each run), which is what reading the releases
 * without a history page costs.
 *
 * diff-10k-checks: comparing two reports of 10,000 checks each (a tenth of the tests renamed, so their checks are
 * matched by fingerprint; every metric changed) and building the diff view, against verifying the two reports (what
 * `vitest-ml diff` does before it compares). The ratio says what the comparison adds to reading the reports.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../src/cli.js'
import { diffReports } from '../src/compare/diff-reports.js'
import type { CheckRecord } from '../src/record/check-record.js'
import { buildReport, type CollectedTest } from '../src/report/build-report.js'
import { diffView } from '../src/report/diff-view.js'
import type { Report } from '../src/report/report.js'
import { snapshotReport } from '../src/report/snapshot-report.js'
import { verifyReport } from '../src/report/verify-report.js'
import { writeReleaseSeries } from '../test/support/release-reports.js'
import { type BenchEntry, entry, medianSeconds } from './bench-entry.js'

function bigReport(release: number): Report {
  const record = (file: number, index: number): CheckRecord => ({
    id: `monotonicity:model-${file}-case:${index}`,
    kind: 'monotonicity',
    title: `model ${file} is decreasing in feature ${index}`,
    passed: true,
    severity: 'high',
    checklist: [],
    model: { name: `m${file}.onnx` },
    data: { name: 'rows', rows: 1000 },
    metrics: { violationRate: (index + release) / 1000, numRuns: 1000, upperBound: (index + release + 3) / 1000 },
  })
  const tests: CollectedTest[] = Array.from({ length: 1000 }, (_, file) => {
    // In the second release every tenth test is renamed: its checks keep their match by kind, title, model and data.
    const name = release === 1 && file % 10 === 0 ? 'suite > renamed case' : 'suite > case'
    return {
      file: `test/f${String(file).padStart(4, '0')}.test.ts`,
      fullName: name,
      namePattern: name,
      state: 'passed',
      checks: Array.from({ length: 10 }, (_, index) => record(file, index)),
    }
  })
  const at = `2026-01-0${release + 1}T00:00:0`
  return buildReport({
    tests,
    run: {
      id: `run-${release}`,
      status: 'finished',
      startedAt: `${at}0.000Z`,
      finishedAt: `${at}1.000Z`,
      durationMs: 1000,
      vitestVersion: '4',
      reason: 'passed',
    },
    provenance: { models: [], data: [], seeds: [], node: process.version },
  })
}

export default async function historyBench(): Promise<BenchEntry[]> {
  const dir = mkdtempSync(join(tmpdir(), 'vitest-ml-history-bench-'))
  const gate = { noRegression: { metrics: ['accuracy', 'p99Ms'], margin: { accuracy: 0.05, p99Ms: 10 } }, noNewFailingChecks: true }
  const { paths } = writeReleaseSeries(join(dir, 'releases'), { count: 50, regressionAt: 31, latencyJumpAt: 40, renameAt: 12, gate })
  const quiet = {
    out: () => undefined,
    err: (text: string) => {
      throw new Error(text)
    },
  }
  const history = await medianSeconds(async () => {
    if ((await runCli(['history', join(dir, 'releases'), '--out', join(dir, 'history.html')], quiet)) !== 0) throw new Error('history failed')
  }, 3)
  const each = await medianSeconds(async () => {
    for (const [index, path] of paths.entries()) {
      if ((await runCli(['report', path, '--out', join(dir, 'sets', String(index))], quiet)) !== 0) throw new Error('report failed')
    }
  }, 3)

  const base = bigReport(0)
  const head = bigReport(1)
  let changed = 0
  const diff = await medianSeconds(() => {
    const compared = diffReports(snapshotReport(base), snapshotReport(head))
    if (compared.checks.some((check) => check.base === undefined || check.head === undefined)) throw new Error('a renamed test lost its match')
    changed = diffView(compared).metrics.length + diffView(compared).metricsOmitted
  }, 3)
  const verify = await medianSeconds(() => {
    if (verifyReport(base).problems.length + verifyReport(head).problems.length > 0) throw new Error('the generated reports do not verify')
  }, 3)
  return [
    entry('history-50', history, each, { note: "reference = re-rendering the 50 releases' report sets one by one" }),
    entry('diff-10k-checks', diff, verify, { note: `reference = verifying both reports; ${changed} metric changes, 1000 checks matched by fingerprint` }),
  ]
}
