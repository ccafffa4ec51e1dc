import { lstatSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { TestModule, Vitest } from 'vitest/node'
import { MlReporter } from '../../reporters/ml-reporter.js'
import { type CheckRecord, META_KEY } from '../../src/record/check-record.js'
import type { Report } from '../../src/report/report.js'

const record = (overrides: Partial<CheckRecord>): CheckRecord => ({
  id: 'baseline:m',
  kind: 'baseline',
  title: 'beats baseline',
  passed: true,
  severity: 'medium',
  checklist: [],
  metrics: { accuracy: 0.9 },
  ...overrides,
})

interface FakeTest {
  name: string
  state: string
  checks?: CheckRecord[]
  errors?: { message: string }[]
}

/** The parts of Vitest's reported tasks the reporter reads. */
function fakeModule(root: string, file: string, tests: FakeTest[], moduleState = 'passed', moduleErrors: { message: string }[] = []): TestModule {
  const testModule = {
    moduleId: join(root, file),
    state: () => moduleState,
    errors: () => moduleErrors,
    children: {
      *allSuites() {},
      *allTests() {
        for (const test of tests) {
          yield {
            name: test.name,
            fullName: test.name,
            parent: testModule,
            result: () => ({ state: test.state, errors: test.errors ?? (test.state === 'failed' ? [{ message: 'AssertionError: nope' }] : undefined) }),
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
  const vitest = {
    config: { root, ...(shard === undefined ? {} : { shard }) },
    version: '4.1.12',
    logger: { log: (text: string) => logs.push(text) },
    vite: { config: { configFile: join(root, 'ci', 'vitest.ml.config.ts') } },
  }
  return { vitest: vitest as unknown as Vitest, logs }
}

const readJson = (path: string): Report => JSON.parse(readFileSync(path, 'utf8')) as Report

describe('MlReporter', () => {
  let exitCode: typeof process.exitCode
  let root: string
  beforeEach(() => {
    exitCode = process.exitCode
    process.exitCode = undefined
    root = mkdtempSync(join(tmpdir(), 'vitest-ml-reporter-'))
  })
  afterEach(() => {
    process.exitCode = exitCode
    vi.unstubAllEnvs()
  })

  it('reads checks from test meta, writes one report set and leaves the exit code alone when the gate passes', async () => {
    const summary = join(root, 'summary.md')
    vi.stubEnv('GITHUB_STEP_SUMMARY', summary)
    const reporter = new MlReporter({ title: 'unit' })
    const { vitest, logs } = fakeVitest(root)
    reporter.onInit(vitest)
    await reporter.onTestRunEnd(
      [
        fakeModule(root, 'test/a.test.ts', [
          { name: 'a', state: 'passed', checks: [record({})] },
          { name: 'plain', state: 'passed' },
        ]),
      ],
      [],
      'passed',
    )
    expect(readdirSync(join(root, 'reports')).sort()).toEqual(['current', 'runs', 'vitest-ml.html', 'vitest-ml.json', 'vitest-ml.md'])
    expect(lstatSync(join(root, 'reports', 'vitest-ml.json')).isSymbolicLink()).toBe(true)
    expect(reporter.lastReport?.checks.map((check) => [check.file, check.test, check.outcome])).toEqual([['test/a.test.ts', 'a', 'passed']])
    expect(reporter.lastReport?.summary.tests).toEqual({ total: 2, passed: 2, failed: 0, skipped: 0, pending: 0 })
    expect(logs.join('\n')).toContain(' vitest-ml  GATE PASSED  tests 2/2 passed; checks 1 passed, 0 failed (0 high); checklist 1/13; ML Test Score 0')
    expect(readFileSync(summary, 'utf8')).toMatch(/^<!-- vitest-ml run \S+ -->\n## ✅ vitest-ml gate passed: unit/)
    expect(process.exitCode).toBeUndefined()
    expect(readJson(join(root, 'reports', 'vitest-ml.json')).run).toMatchObject({
      id: reporter.lastReport?.run.id,
      status: 'finished',
      configFile: 'ci/vitest.ml.config.ts',
    })
    expect(reporter.lastReport?.checks[0]?.replayCommand).toBe('npx vitest run --config ci/vitest.ml.config.ts test/a.test.ts -t a')
  })

  it('publishes a placeholder that says the run has not finished when the run starts, replaced by the real report at the end', async () => {
    const reporter = new MlReporter({ githubSummary: false })
    reporter.onInit(fakeVitest(root).vitest)
    await reporter.onTestRunStart()
    const placeholder = readJson(join(root, 'reports', 'vitest-ml.json'))
    expect(placeholder.run.status).toBe('running')
    expect(placeholder.gate.passed).toBe(false)
    expect(placeholder.gate.failures[0]?.message).toMatch(/^the run did not finish/)
    expect(readFileSync(join(root, 'reports', 'vitest-ml.html'), 'utf8')).toContain(`<meta name="vitest-ml-run" content="${placeholder.run.id}">`)
    await reporter.onTestRunEnd([fakeModule(root, 'a.test.ts', [{ name: 'a', state: 'passed', checks: [record({})] }])], [], 'passed')
    const final = readJson(join(root, 'reports', 'vitest-ml.json'))
    expect(final.run).toMatchObject({ id: placeholder.run.id, status: 'finished' })
    expect(final.gate.passed).toBe(true)
  })

  it('sets process.exitCode = 1 when the gate fails although every test passed', async () => {
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

  it('fails on a failed test that recorded no check, with no gate file, and says so first', async () => {
    const reporter = new MlReporter({ githubSummary: false })
    const { vitest, logs } = fakeVitest(root)
    reporter.onInit(vitest)
    await reporter.onTestRunEnd(
      [
        fakeModule(root, 'a.test.ts', [
          { name: 'a', state: 'passed', checks: [record({})] },
          { name: 'loads the model', state: 'failed', errors: [{ message: "ENOENT: no such file or directory, open 'model.onnx'\n    at open" }] },
        ]),
      ],
      [],
      'failed',
    )
    expect(process.exitCode).toBe(1)
    expect(logs.join('\n')).toContain(
      " vitest-ml  GATE FAILED  tests 1/2 passed; checks 1 passed, 0 failed (0 high); checklist 1/13; ML Test Score 0\n   ✗ test failed: a.test.ts > loads the model: ENOENT: no such file or directory, open 'model.onnx'",
    )
    expect(reporter.lastReport?.tests.map((test) => [test.name, test.state, test.checks.length])).toEqual([
      ['a', 'passed', 1],
      ['loads the model', 'failed', 0],
    ])
  })

  it('fails on a medium-severity check failure under no gate file', async () => {
    const reporter = new MlReporter({ githubSummary: false })
    const { vitest, logs } = fakeVitest(root)
    reporter.onInit(vitest)
    await reporter.onTestRunEnd(
      [
        fakeModule(root, 'a.test.ts', [
          {
            name: 'live data has not drifted',
            state: 'failed',
            checks: [record({ kind: 'drift', title: 'drift of live from training', negated: true, severity: 'medium' })],
          },
        ]),
      ],
      [],
      'failed',
    )
    expect(process.exitCode).toBe(1)
    expect(logs.join('\n')).toContain('GATE FAILED')
    expect(logs.join('\n')).not.toContain('GATE PASSED')
    expect(reporter.lastReport?.gate.failures[0]?.message).toBe(
      'test failed: a.test.ts > live data has not drifted: check holds although asserted with .not (medium): "drift of live from training"',
    )
  })

  it('fails on an error outside any test, a file that failed to load and a file that never finished', async () => {
    const reporter = new MlReporter({ githubSummary: false })
    reporter.onInit(fakeVitest(root).vitest)
    await reporter.onTestRunEnd(
      [
        fakeModule(root, 'a.test.ts', [{ name: 'a', state: 'passed', checks: [record({})] }]),
        fakeModule(root, 'b.test.ts', [], 'failed', [{ message: 'SyntaxError: Unexpected token' }]),
        fakeModule(root, 'c.test.ts', [{ name: 'c', state: 'pending' }], 'pending'),
      ],
      [{ name: 'Error', message: 'Worker exited unexpectedly' } as never],
      'failed',
    )
    expect(process.exitCode).toBe(1)
    expect(reporter.lastReport?.errors).toEqual([
      { origin: 'module', file: 'b.test.ts', message: 'SyntaxError: Unexpected token' },
      { origin: 'module', file: 'c.test.ts', message: 'the test file never finished (state pending)' },
      { origin: 'unhandled', message: 'Worker exited unexpectedly' },
    ])
    expect(reporter.lastReport?.gate.failures.map((reason) => reason.message)).toEqual([
      'test file failed outside its tests in b.test.ts: SyntaxError: Unexpected token',
      'test file failed outside its tests in c.test.ts: the test file never finished (state pending)',
      'error outside any test: Worker exited unexpectedly',
      '1 test never finished: c.test.ts > c',
    ])
  })

  it('accepts an inline gate and can be told not to touch the exit code', async () => {
    const reporter = new MlReporter({ gate: { thresholds: { accuracy: { min: 0.95, severity: 'high' } } }, failOnGate: false, formats: ['json'] })
    reporter.onInit(fakeVitest(root).vitest)
    await reporter.onTestRunEnd([fakeModule(root, 'a.test.ts', [{ name: 'a', state: 'passed', checks: [record({})] }])], [], 'passed')
    expect(reporter.lastReport?.gate.passed).toBe(false)
    expect(process.exitCode).toBeUndefined()
  })

  it('fails the run on an invalid gate file, recording why in the report', async () => {
    writeFileSync(join(root, 'gate.json'), JSON.stringify({ required: ['nope'] }))
    const reporter = new MlReporter({ gate: 'gate.json', githubSummary: false })
    reporter.onInit(fakeVitest(root).vitest)
    await reporter.onTestRunEnd([fakeModule(root, 'a.test.ts', [{ name: 'a', state: 'passed', checks: [record({})] }])], [], 'passed')
    expect(process.exitCode).toBe(1)
    expect(reporter.lastReport?.gate.failures[0]).toMatchObject({
      source: 'config',
      message: expect.stringMatching(/^the gate configuration is invalid: validateGateConfig/),
    })
  })

  it('writes nothing in a shard run', async () => {
    const reporter = new MlReporter()
    const { vitest, logs } = fakeVitest(root, { index: 1, count: 2 })
    reporter.onInit(vitest)
    await reporter.onTestRunStart()
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
    expect(logs.join('\n')).toMatch(/vitest-ml: could not write the report, so the run is not ready\.\n.*(EEXIST|ENOTDIR)/)
  })
})
