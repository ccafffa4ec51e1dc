/**
 * history-50: `vitest-ml history` over a folder of 50 generated release reports — read and verify each, follow every
 * check across the releases, draw the trend plots and write the page — against re-rendering the newest release's
 * report set (`vitest-ml report`: JSON, HTML and Markdown of one run). The ratio says how many single-report renders
 * the history of fifty releases costs.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../src/cli.js'
import { writeReleaseSeries } from '../test/support/release-reports.js'
import { entry, medianSeconds, type BenchEntry } from './bench-entry.js'

export default async function historyBench(): Promise<BenchEntry[]> {
  const dir = mkdtempSync(join(tmpdir(), 'vitest-ml-history-bench-'))
  const gate = { noRegression: { metrics: ['accuracy', 'p99Ms'], margin: { accuracy: 0.05, p99Ms: 10 } }, noNewFailingChecks: true }
  const { paths } = writeReleaseSeries(join(dir, 'releases'), { count: 50, regressionAt: 31, latencyJumpAt: 40, renameAt: 12, gate })
  const quiet = { out: () => undefined, err: (text: string) => { throw new Error(text) } }
  const history = await medianSeconds(async () => {
    if (await runCli(['history', join(dir, 'releases'), '--out', join(dir, 'history.html')], quiet) !== 0) throw new Error('history failed')
  }, 3)
  const single = await medianSeconds(async () => {
    if (await runCli(['report', paths[49]!, '--out', join(dir, 'single')], quiet) !== 0) throw new Error('report failed')
  }, 3)
  return [entry('history-50', history, single, { note: 'reference = re-rendering one release\'s report set' })]
}
