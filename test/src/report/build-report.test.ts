import { describe, expect, it } from 'vitest'
import { sampleReport, sampleTests } from './sample-report.js'
import { validateReport } from '../../../src/report/validate-report.js'

describe('buildReport', () => {
  it('numbers checks with unique stable anchors, sorted by file, and fills outcome and replay', () => {
    const report = sampleReport()
    expect(report.checks.map((check) => check.file)).toEqual(['test/drift.test.ts', 'test/model.test.ts', 'test/model.test.ts', 'test/model.test.ts'])
    expect(new Set(report.checks.map((check) => check.anchor)).size).toBe(4)
    const drift = report.checks[0]!
    expect(drift.outcome).toBe('failed') // passed=true under .not: the assertion failed
    expect(drift.replayCommand).toBe("npx vitest run test/drift.test.ts -t 'live data has not drifted'  # seed 42, 100 runs")
    expect(report.summary).toEqual({
      tests: { total: 3, passed: 1, failed: 2, skipped: 0 },
      checks: { total: 4, passed: 2, failed: 2 },
      failedBySeverity: { high: 1, medium: 1, low: 0 },
    })
    expect(() => validateReport(report)).not.toThrow()
  })

  it('gives the same checks whatever order the test cases arrive in (sharded runs)', () => {
    const forward = sampleReport()
    const backward = sampleReport({ tests: sampleTests().reverse() })
    // Within a file tests keep their order; only files are reordered by the sort.
    expect(backward.checks.map((check) => check.file)).toEqual(forward.checks.map((check) => check.file))
    expect(new Set(backward.checks.map((check) => check.anchor))).toEqual(new Set(forward.checks.map((check) => check.anchor)))
  })

  it('fails the gate on a failed high-severity check even without a gate file', () => {
    const report = sampleReport()
    expect(report.gate.configured).toBe(false)
    expect(report.gate.passed).toBe(false)
    expect(report.gate.failures.map((reason) => reason.message)).toEqual(['high-severity check failed: income has drifted'])
  })

  it('keeps a report valid when a record carries NaN metrics or BigInt counterexamples', () => {
    const tests = sampleTests()
    const bad = { ...tests[0]!, checks: [{ ...tests[0]!.checks[0]!, metrics: { pValue: Number.NaN, gain: 1 }, counterexample: { big: 10n, arr: new Float32Array([1, 2]) } }] }
    const report = sampleReport({ tests: [bad] })
    expect(report.checks[0]!.metrics).toEqual({ gain: 1 })
    expect(report.checks[0]!.warnings).toEqual(['metric pValue was NaN and is left out'])
    expect(report.checks[0]!.counterexample).toEqual({ big: '10', arr: [1, 2] })
    expect(() => validateReport(report)).not.toThrow()
  })
})
