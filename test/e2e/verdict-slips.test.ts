import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Report } from '../../src/report/report.js'
import { runFixture, SLIPS_FIXTURE } from './run-fixture.js'

/** Runs the slips fixture on the given files; returns the exit code, the output and the report it wrote. */
async function slips(files: string, gate?: string): Promise<{ code: number | null; output: string; report: Report }> {
  const out = mkdtempSync(join(tmpdir(), 'vitest-ml-slips-'))
  const run = await runFixture(['run'], { VITEST_ML_OUT: out, SLIPS: files, ...(gate === undefined ? {} : { VITEST_ML_GATE: gate }) }, SLIPS_FIXTURE)
  return { ...run, report: JSON.parse(readFileSync(join(out, 'vitest-ml.json'), 'utf8')) as Report }
}

const banner = (output: string): string => output.split('\n').find((line) => line.startsWith(' vitest-ml  ')) ?? ''
const testStates = (report: Report): Record<string, string> => Object.fromEntries(report.tests.map((test) => [test.name, test.state]))

describe('the verdict tells the truth when tests are written with the usual slips (a real Vitest run)', () => {
  it('a forgotten await, a counter-evidence .not and a test that throws before its check all make the run not ready', async () => {
    const { code, output, report } = await slips('slips/**/*.slip.ts')
    expect(code).toBe(1)
    expect(banner(output)).toMatch(/^ vitest-ml {2}GATE FAILED {2}tests 4\/9 passed;/)
    expect(report.gate.passed).toBe(false)
    expect(testStates(report)).toEqual({
      'live data has not drifted (written without await)': 'failed',
      'a noisy model is deterministic (written without await)': 'failed',
      'a stable model is deterministic (written without await)': 'failed',
      'a noisy model is deterministic (expect.soft, written without await)': 'failed',
      'the lazy model does not beat the majority baseline (a demonstration, not evidence)': 'passed',
      'determinism catches a noisy model (failure consumed with .rejects)': 'passed',
      'the drift check catches a shift (failure caught)': 'passed',
      'live data has not drifted (awaited, although it need not be)': 'passed',
      'the served model is deterministic (its file is missing)': 'failed',
    })
    const errorsOf = (name: string): string => report.tests.find((test) => test.name === name)?.errors?.join('\n') ?? ''
    expect(errorsOf('a stable model is deterministic (written without await)')).toMatch(/^expect\(…\)\.toBeDeterministic\(…\) was not awaited\./)
    expect(output).toContain('The check itself held.')
    expect(output).toContain('The check failed as well:')
    expect(output).toContain('Hint: write `await expect(…).toBeDeterministic(…)`, or return the promise from the test.')
    expect(errorsOf('live data has not drifted (written without await)')).toMatch(/drifted from/)
    const outcome = (title: RegExp): string[] =>
      report.checks.filter((check) => title.test(check.test)).map((check) => `${check.kind}:${check.outcome}:${check.evidence}`)
    expect(outcome(/^live data has not drifted \(written/)).toEqual(['drift:failed:true'])
    expect(outcome(/lazy model/)).toEqual(['baseline:demonstration:false'])
    expect(outcome(/consumed with \.rejects/)).toEqual(['consistency:expected-failure:false'])
    expect(outcome(/failure caught/)).toEqual(['drift:expected-failure:false'])
    expect(report.checklist.find((item) => item.id === 'baseline-improvement')?.status).toBe('not-covered')
    expect(report.gate.failures.map((reason) => reason.message)).toContain(
      'test failed: slips/throws-before-check.slip.ts > the served model is deterministic (its file is missing): ' +
        report.tests.find((test) => test.name.includes('file is missing'))!.errors![0]!.split('\n')[0],
    )
  }, 120_000)

  it('demonstrations and consumed failures alone pass without a gate, but a required item they seem to cover stays uncovered', async () => {
    const files = 'slips/negated-positive.slip.ts,slips/consumed.slip.ts'
    const free = await slips(files)
    expect(free.code).toBe(0)
    expect(banner(free.output)).toBe(
      ' vitest-ml  GATE PASSED  tests 4/4 passed; checks 1 passed, 0 failed (0 high), 2 expected failures, 1 demonstration; checklist 1/13; ML Test Score 0',
    )
    const gated = await slips(files, 'gate-baseline.json')
    expect(gated.code).toBe(1)
    expect(banner(gated.output)).toMatch(/^ vitest-ml {2}GATE FAILED/)
    expect(gated.output).toContain('✗ required item "baseline-improvement" is not covered')
  }, 120_000)

  it('a worker killed by SIGKILL makes the run not ready, though every check that ran passed', async () => {
    const { code, output, report } = await slips('crash/sigkill.slip.ts')
    expect(code).toBe(1)
    expect(banner(output)).toMatch(/^ vitest-ml {2}GATE FAILED/)
    expect(report.gate.passed).toBe(false)
    expect(report.gate.failures.map((reason) => reason.message)).toEqual([
      'test file failed outside its tests in crash/sigkill.slip.ts: the test file never finished (state pending)',
      expect.stringMatching(/^error outside any test: .*Worker/),
      '2 tests never finished: crash/sigkill.slip.ts > live data has not drifted; crash/sigkill.slip.ts > the worker is killed',
    ])
  }, 120_000)

  it('a heap exhausted by numRuns: 1e9 makes the run not ready', async () => {
    const { code, output, report } = await slips('crash/out-of-memory.slip.ts')
    expect(code).toBe(1)
    expect(banner(output)).toMatch(/^ vitest-ml {2}GATE FAILED {2}tests 0\/2 passed/)
    expect(report.gate.passed).toBe(false)
    expect(report.errors.map((error) => error.origin)).toEqual(['module', 'unhandled'])
  }, 180_000)
})
