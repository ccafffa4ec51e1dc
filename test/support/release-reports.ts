/**
 * A series of generated release reports, as a project that keeps one report per release tag would have them: each
 * release checks a credit model's accuracy against a majority baseline (500 held-out rows), its latency, drift of the
 * live data and its output range, and is gated against the release before it. One release plants a regression (the
 * accuracy drops by `drop`), one a latency jump, and half-way the accuracy test is renamed (its check stays the same).
 */
import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { GateConfig } from '../../src/checklist/gate-config.js'
import type { CheckRecord } from '../../src/record/check-record.js'
import { buildReport } from '../../src/report/build-report.js'
import type { Report, ReportBaseline } from '../../src/report/report.js'
import { snapshotReport } from '../../src/report/snapshot-report.js'
import { writeAtomically } from '../../src/util/write-atomically.js'

/** How the series is generated. */
export interface ReleaseSeriesOptions {
  /** Releases. */
  readonly count: number
  /** Index of the release whose model lost accuracy (none when left out). */
  readonly regressionAt?: number
  /** Accuracy lost there. @defaultValue 0.06 */
  readonly drop?: number
  /** Index of the release whose p99 latency jumped by half (none when left out). */
  readonly latencyJumpAt?: number
  /** Index from which the accuracy test has a new name. */
  readonly renameAt?: number
  /** The gate of every release. */
  readonly gate?: GateConfig
  /** Title of the accuracy check. @defaultValue 'credit.onnx beats majority on accuracy' */
  readonly accuracyTitle?: string
}

const ROWS = 500

const sha = (text: string): string => createHash('sha256').update(text).digest('hex')

/** A deterministic wobble in [-1, 1] for release `index` and stream `salt`. */
const wobble = (index: number, salt: number): number => Math.sin(index * 12.9898 + salt * 78.233) % 1

function records(index: number, options: ReleaseSeriesOptions): { accuracy: CheckRecord[]; latency: CheckRecord[]; drift: CheckRecord[] } {
  const model = { name: 'credit.onnx', sha256: sha(`credit model of release ${index}`) }
  const correct = Math.round(
    ROWS * (0.9 + 0.004 * wobble(index, 1) - (options.regressionAt !== undefined && index >= options.regressionAt ? (options.drop ?? 0.06) : 0)),
  )
  const p99 = (40 + 2 * wobble(index, 2)) * (options.latencyJumpAt !== undefined && index >= options.latencyJumpAt ? 1.5 : 1)
  const base = { checklist: [], passed: true, severity: 'high' as const }
  return {
    accuracy: [
      {
        ...base,
        id: `baseline:credit-model-beats-the-majority-class:0`,
        kind: 'baseline',
        title: options.accuracyTitle ?? 'credit.onnx beats majority on accuracy',
        model,
        data: { name: 'evaluation set', rows: ROWS, sha256: sha('evaluation set') },
        metrics: { accuracy: correct / ROWS, gain: correct / ROWS - 0.62, ciLow: correct / ROWS - 0.66 },
      },
    ],
    latency: [
      {
        ...base,
        severity: 'medium',
        id: 'latency:credit-model-is-fast-enough:0',
        kind: 'latency',
        title: 'credit.onnx answers within budget',
        model,
        metrics: { p50Ms: p99 / 3, p95Ms: p99 * 0.8, p99Ms: p99, errorRate: 0, requests: 2000 },
      },
    ],
    drift: [
      {
        ...base,
        id: 'drift:live-data-has-not-drifted:0',
        kind: 'drift',
        title: 'live applications have drifted from training',
        negated: true,
        passed: false,
        data: { name: `live week ${index}`, rows: 5000 },
        metrics: {
          driftShare: 0,
          'income.statistic': 0.01 + 0.005 * Math.abs(wobble(index, 3)) + 0.0015 * index,
          'age.statistic': 0.012 + 0.004 * Math.abs(wobble(index, 4)),
          'income.pValue': 0.4,
          'age.pValue': 0.6,
        },
      },
    ],
  }
}

/**
 * The report of release `index`, gated against `baseline` when given.
 *
 * @param index - the release number, from 0
 * @param options - the series
 * @param baseline - the previous release's snapshot
 */
export function releaseReport(index: number, options: ReleaseSeriesOptions, baseline?: ReportBaseline): Report {
  const { accuracy, latency, drift } = records(index, options)
  const renamed = options.renameAt !== undefined && index >= options.renameAt
  const day = new Date(Date.UTC(2026, 0, 1 + 7 * index, 10)).toISOString()
  return buildReport({
    tests: [
      {
        file: 'test/credit.test.ts',
        fullName: renamed ? 'credit model > outperforms the majority-class predictor' : 'credit model > beats the majority class',
        namePattern: 'credit',
        state: 'passed',
        checks: accuracy.map((record) => (renamed ? { ...record, id: 'baseline:credit-model-outperforms-the-majority-class-predictor:0' } : record)),
      },
      { file: 'test/credit.test.ts', fullName: 'credit model > is fast enough', namePattern: 'fast', state: 'passed', checks: latency },
      { file: 'test/drift.test.ts', fullName: 'live data > has not drifted', namePattern: 'drift', state: 'passed', checks: drift },
    ],
    run: {
      id: `release-${String(index).padStart(3, '0')}-${sha(String(index)).slice(0, 8)}`,
      status: 'finished',
      startedAt: day,
      finishedAt: day,
      durationMs: 1000,
      vitestVersion: '4.1.12',
      reason: 'passed',
    },
    provenance: {
      models: [accuracy[0]!.model!],
      data: [accuracy[0]!.data!],
      seeds: [],
      node: 'v20.0.0',
      package: { name: 'credit-model', version: `1.${index}.0` },
      gitCommit: sha(`commit ${index}`).slice(0, 40),
    },
    title: 'credit-model',
    // The first release has nothing to be compared with: its gate has no rule against a base.
    ...(options.gate === undefined ? {} : { gate: baseline === undefined ? withoutBaseRules(options.gate) : options.gate }),
    ...(baseline === undefined ? {} : { baseline }),
  })
}

function withoutBaseRules(gate: GateConfig): GateConfig {
  const { noRegression: _rule, noNewFailingChecks: _failing, ...rest } = gate
  return rest
}

/**
 * Writes the series into `directory` as `v1.<i>.0.json`, each release gated against the one before it.
 *
 * @param directory - where to write
 * @param options - the series
 * @returns the reports, oldest first, and their paths
 */
export function writeReleaseSeries(directory: string, options: ReleaseSeriesOptions): { reports: Report[]; paths: string[] } {
  mkdirSync(directory, { recursive: true })
  const reports: Report[] = []
  const paths: string[] = []
  for (let index = 0; index < options.count; index++) {
    const previous = reports[index - 1]
    const report = releaseReport(index, options, previous === undefined ? undefined : { file: basename(paths[index - 1]!), ...snapshotReport(previous) })
    const path = join(directory, `v1.${String(index).padStart(2, '0')}.0.json`)
    writeAtomically(path, `${JSON.stringify(report, null, 2)}\n`)
    reports.push(report)
    paths.push(path)
  }
  return { reports, paths }
}
