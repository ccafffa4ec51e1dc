import type { CheckRecord } from '../../../src/record/check-record.js'
import { type BuildReportOptions, buildReport, type CollectedTest } from '../../../src/report/build-report.js'
import type { Report } from '../../../src/report/report.js'

/** A record with sensible defaults, for tests. */
export function record(overrides: Partial<CheckRecord> & Pick<CheckRecord, 'id' | 'kind'>): CheckRecord {
  return { title: overrides.id, passed: true, severity: 'medium', checklist: [], metrics: {}, ...overrides }
}

/** A small but complete run: passing baseline, failing drift with a plot, a latency check and a counterexample. */
export function sampleTests(): CollectedTest[] {
  return [
    {
      file: 'test/model.test.ts',
      fullName: 'credit model > beats the baseline',
      namePattern: 'credit model beats the baseline',
      state: 'passed',
      checks: [
        record({
          id: 'baseline:credit',
          kind: 'baseline',
          title: 'credit.onnx beats majority class',
          checklist: ['baseline-improvement'],
          metrics: { accuracy: 0.91, gain: 0.12, pValue: 0.001 },
          model: { name: 'credit.onnx', sha256: 'ab'.repeat(32) },
          data: { name: 'holdout.csv', rows: 500, sha256: 'cd'.repeat(32) },
        }),
      ],
    },
    {
      file: 'test/drift.test.ts',
      fullName: 'live data > has not drifted',
      namePattern: 'live data has not drifted',
      state: 'failed',
      checks: [
        record({
          id: 'drift:live',
          kind: 'drift',
          title: 'income has drifted',
          passed: true,
          negated: true,
          severity: 'high',
          metrics: { driftShare: 0.4, pValue: 0.0001 },
          replay: { seed: 42, numRuns: 100 },
          plots: [
            {
              type: 'histogram-pair',
              title: 'income',
              series: [
                {
                  name: 'reference',
                  points: [
                    [0, 3],
                    [1, 5],
                  ],
                },
                {
                  name: 'current',
                  points: [
                    [0, 6],
                    [1, 1],
                  ],
                },
              ],
            },
          ],
          message: 'expected no drift, found 2 of 5 features drifted',
        }),
      ],
    },
    {
      file: 'test/model.test.ts',
      fullName: 'credit model > is monotonic in income',
      namePattern: 'credit model is monotonic in income',
      state: 'failed',
      checks: [
        record({
          id: 'mono:income',
          kind: 'monotonicity',
          title: 'P(default) decreases with income',
          passed: false,
          severity: 'medium',
          metrics: { violationRate: 0.03 },
          counterexample: { income: 52000, age: 31 },
          replay: { seed: 7, path: '3:1', numRuns: 200 },
        }),
        record({ id: 'latency:credit', kind: 'latency', title: 'p99 latency', metrics: { p99Ms: 120, errorRate: 0.01 } }),
      ],
    },
  ]
}

/** A report built from {@link sampleTests}. */
export function sampleReport(overrides: Partial<BuildReportOptions> = {}): Report {
  return buildReport({
    tests: sampleTests(),
    run: {
      id: 'run-20260101-test',
      status: 'finished',
      startedAt: '2026-01-01T10:00:00.000Z',
      finishedAt: '2026-01-01T10:00:05.000Z',
      durationMs: 5000,
      vitestVersion: '4.1.12',
      reason: 'failed',
    },
    provenance: { models: [{ name: 'credit.onnx' }], data: [], seeds: [7, 42], node: 'v20.0.0' },
    root: process.cwd(),
    ...overrides,
  })
}
