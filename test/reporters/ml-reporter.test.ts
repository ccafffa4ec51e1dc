import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { TestModule, Vitest } from 'vitest/node'
import { MlReporter } from '../../reporters/ml-reporter.js'
import { META_KEY, type CheckRecord } from '../../src/report/check-record.js'

const record = (overrides: Partial<CheckRecord>): CheckRecord =>
  ({ id: 'baseline:m', kind: 'baseline', title: 'beats baseline', passed: true, severity: 'medium', checklist: [], metrics: { accuracy: 0.9 }, ...overrides })

/** The parts of Vitest's reported tasks the reporter reads. */
function fakeModule(root: string, file: string, tests: { name: string; state: string; checks?: CheckRecord[] }[]): TestModule {
  const testModule = {
    moduleId: join(root, file),
    children: {
      *allTests() {
        for (const test of tests) {
          yield {
            name: test.name, fullName: test.name, parent: testModule,
            result: () => ({ state: test.state }),
            meta: () => (test.checks === undefined ? {} : { [META_KEY]: { checks: test.checks } }),
          }
        }
      },
    },
  }
  return testModule as unknown as TestModule
}

function fakeVitest(root: string, shard?: object): { vitest: Vitest; logs: string[] } {
  const logs: string[] = []
  const vitest = { config: { root, ...(shard === undefined ? {} : { shard }) }, version: '4.1.12', logger: { log: (text: string) => logs.push(text) } }
  return { vitest: vitest as unknown as Vitest, logs }
}

describe('MlReporter', () => {
  let exitCode: typeof process.exitCode
  let root: string
  beforeEach(() => {
    exitCode = process.exitCode
    root = mkdtempSync(join(tmpdir(), 'vitest-ml-reporter-'))
  })
  afterEach(() => {
    process.exitCode = exitCode
    vi.unstubAllEnvs()
  })

  it('reads checks from test meta, writes the report and leaves the exit code alone when the gate passes', async () => {
    const summary = join(root, 'summary.md')
    vi.stubEnv('GITHUB_STEP_SUMMARY', summary)
    const reporter = new MlReporter({ title: 'unit' })
    const { vitest, logs } = fakeVitest(root)
    reporter.onInit(vitest)
    await reporter.onTestRunEnd([fakeModule(root, 'test/a.test.ts', [{ name: 'a', state: 'passed', checks: [record({})] }, { name: 'plain', state: 'passed' }])], [], 'passed')
    expect(readdirSync(join(root, 'reports')).sort()).toEqual(['vitest-ml.html', 'vitest-ml.json', 'vitest-ml.md'])
    expect(reporter.lastReport?.checks.map((check) => [check.file, check.test, check.outcome])).toEqual([['test/a.test.ts', 'a', 'passed']])
    expect(logs.join('\n')).toContain('vitest-ml  GATE PASSED  1/1 checks passed')
    expect(readFileSync(summary, 'utf8')).toMatch(/^## ✅ vitest-ml gate passed: unit/)
    expect(process.exitCode).toBe(exitCode)
  })

  it('sets process.exitCode = 1 when the gate fails', async () => {
    writeFileSync(join(root, 'gate.json'), JSON.stringify({ required: ['held-out-test'] }))
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'credit-model', version: '1.2.0' }))
    const reporter = new MlReporter({ gate: 'gate.json', outputDir: 'out', githubSummary: false })
    const { vitest, logs } = fakeVitest(root)
    reporter.onInit(vitest)
    await reporter.onTestRunEnd([fakeModule(root, 'a.test.ts', [{ name: 'a', state: 'passed', checks: [record({})] }])], [], 'passed')
    expect(process.exitCode).toBe(1)
    expect(logs.join('\n')).toContain('✗ required item "held-out-test" is not covered')
    expect(readdirSync(join(root, 'out'))).toContain('vitest-ml.json')
    expect(reporter.lastReport?.title).toBe('credit-model@1.2.0')
    expect(reporter.lastReport?.provenance.package).toEqual({ name: 'credit-model', version: '1.2.0' })
  })

  it('accepts an inline gate and can be told not to touch the exit code', async () => {
    const reporter = new MlReporter({ gate: { thresholds: { accuracy: { min: 0.95, severity: 'high' } } }, failOnGate: false, formats: ['json'] })
    reporter.onInit(fakeVitest(root).vitest)
    await reporter.onTestRunEnd([fakeModule(root, 'a.test.ts', [{ name: 'a', state: 'passed', checks: [record({})] }])], [], 'passed')
    expect(reporter.lastReport?.gate.passed).toBe(false)
    expect(process.exitCode).toBe(exitCode)
  })

  it('writes nothing in a shard run', async () => {
    const reporter = new MlReporter()
    const { vitest, logs } = fakeVitest(root, { index: 1, count: 2 })
    reporter.onInit(vitest)
    await reporter.onTestRunEnd([fakeModule(root, 'a.test.ts', [{ name: 'a', state: 'passed', checks: [record({})] }])], [], 'passed')
    expect(readdirSync(root)).toEqual([])
    expect(logs).toEqual([' vitest-ml: shard run; the report is written by `vitest --merge-reports`.'])
  })

  it('fails the run with a readable message when the report cannot be written', async () => {
    writeFileSync(join(root, 'reports'), 'a file where the directory should be')
    const reporter = new MlReporter({ githubSummary: false })
    const { vitest, logs } = fakeVitest(root)
    reporter.onInit(vitest)
    await reporter.onTestRunEnd([], [], 'passed')
    expect(process.exitCode).toBe(1)
    expect(logs.join('\n')).toMatch(/vitest-ml: could not write the report\.\n.*(EEXIST|ENOTDIR)/)
  })
})
