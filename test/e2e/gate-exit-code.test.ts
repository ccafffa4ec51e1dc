import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Report } from '../../src/report/report.js'
import { runFixture } from './run-fixture.js'

const out = (): string => mkdtempSync(join(tmpdir(), 'vitest-ml-gate-e2e-'))

describe('the gate decides the exit code', () => {
  it('exits 0 when every test passes and the gate holds', async () => {
    const dir = out()
    const run = await runFixture(['run', 'checks/baseline.check.ts'], { VITEST_ML_OUT: dir })
    expect(run.output).toContain('GATE PASSED')
    expect(run.code).toBe(0)
  }, 60_000)

  it('exits 1 with a one-screen summary when the gate fails although every test passed', async () => {
    const dir = out()
    const run = await runFixture(['run', 'checks/baseline.check.ts'], { VITEST_ML_OUT: dir, VITEST_ML_GATE: 'gate-strict.json' })
    expect(run.code).toBe(1)
    expect(run.output).toMatch(/Tests {2}2 passed \(2\)/)
    const summary = run.output.slice(run.output.indexOf(' vitest-ml  GATE FAILED'))
    expect(summary.split('\n').slice(0, 8)).toEqual([
      ' vitest-ml  GATE FAILED  tests 2/2 passed; checks 2 passed, 0 failed (0 high); checklist 3/13; ML Test Score 0',
      '   ✗ required item "fallback-strategy" is not covered: no check of kind fallback (or tagged "fallback-strategy") ran',
      '   ✗ required item "ab-test-plan" is failed: attested file docs/ab-test-plan.md does not exist (owner growth-team, 2026-02-01)',
      '   ✗ high threshold accuracy: accuracy = 0.9 < min 0.95',
      '   ✗ high threshold errorRate: no evidence check recorded metrics.errorRate',
      '   ! medium threshold p99Ms: no evidence check recorded metrics.p99Ms',
      `   report: ${join(dir, 'vitest-ml.html')}`,
      '',
    ])
    const report = JSON.parse(readFileSync(join(dir, 'vitest-ml.json'), 'utf8')) as Report
    expect(report.gate.passed).toBe(false)
  }, 60_000)

  it('fails the run and explains an invalid gate file field by field', async () => {
    const dir = out()
    const run = await runFixture(['run', 'checks/baseline.check.ts'], { VITEST_ML_OUT: dir, VITEST_ML_GATE: 'gate-broken.json' })
    expect(run.code).toBe(1)
    expect(run.output).toContain('/required/0: must be one of "baseline-improvement"')
    expect(run.output).toContain('/thresholds/accuracy: missing field "severity"')
  }, 60_000)
})
