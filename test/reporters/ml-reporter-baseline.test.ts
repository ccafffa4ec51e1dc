import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TestModule, Vitest } from 'vitest/node'
import { MlReporter } from '../../reporters/ml-reporter.js'
import { type CheckRecord, META_KEY } from '../../src/record/check-record.js'
import { verifyReport } from '../../src/report/verify-report.js'

const accuracy = (value: number): CheckRecord => ({
  id: 'baseline:model-beats-the-baseline:0',
  kind: 'baseline',
  title: 'm.onnx beats majority on accuracy',
  passed: true,
  severity: 'high',
  checklist: [],
  model: { name: 'm.onnx' },
  data: { name: 'holdout', rows: 400 },
  metrics: { accuracy: value },
})

function fakeModule(root: string, checks: CheckRecord[]): TestModule {
  const testModule = {
    moduleId: join(root, 'test/model.test.ts'),
    state: () => 'passed',
    errors: () => [],
    children: {
      *allSuites() {},
      *allTests() {
        yield {
          name: 'model > beats the baseline',
          fullName: 'model > beats the baseline',
          parent: testModule,
          result: () => ({ state: 'passed' }),
          meta: () => ({ [META_KEY]: { checks } }),
        }
      },
    },
  }
  return testModule as unknown as TestModule
}

function fakeVitest(root: string): { vitest: Vitest; logs: string[] } {
  const logs: string[] = []
  return { vitest: { config: { root }, version: '4.1.12', logger: { log: (text: string) => logs.push(text) } } as unknown as Vitest, logs }
}

async function run(root: string, options: ConstructorParameters<typeof MlReporter>[0], value: number): Promise<{ reporter: MlReporter; logs: string[] }> {
  const reporter = new MlReporter({ githubSummary: false, ...options })
  const { vitest, logs } = fakeVitest(root)
  reporter.onInit(vitest)
  await reporter.onTestRunEnd([fakeModule(root, [accuracy(value)])], [], 'passed')
  return { reporter, logs }
}

describe('MlReporter with a base report', () => {
  let exitCode: typeof process.exitCode
  let root: string
  const gate = { noRegression: { metrics: ['accuracy'], margin: 0.05 }, noNewFailingChecks: true }
  beforeEach(() => {
    exitCode = process.exitCode
    process.exitCode = undefined
    root = mkdtempSync(join(tmpdir(), 'vitest-ml-reporter-base-'))
  })
  afterEach(() => {
    process.exitCode = exitCode
  })

  it('verifies the base, stores its snapshot and fails the gate on a planted regression', async () => {
    await run(root, { outputDir: 'release' }, 0.95)
    const { reporter, logs } = await run(root, { baseline: 'release/vitest-ml.json', gate }, 0.8)
    const report = reporter.lastReport!
    expect(report.schemaVersion).toBe(3)
    expect(report.baseline).toMatchObject({
      file: 'release/vitest-ml.json',
      checks: [{ id: 'baseline:model-beats-the-baseline:0', metrics: { accuracy: 0.95 } }],
    })
    expect(report.gate.passed).toBe(false)
    expect(report.gate.failures.map((reason) => reason.message)).toEqual([
      expect.stringMatching(/^high no regression on accuracy: "m\.onnx beats majority on accuracy" went from 0\.95 to 0\.8 against the base run /),
    ])
    expect(process.exitCode).toBe(1)
    expect(logs.join('\n')).toContain('✗ high no regression on accuracy')
    expect(verifyReport(JSON.parse(readFileSync(join(root, 'reports', 'vitest-ml.json'), 'utf8'))).problems).toEqual([])
    expect(readFileSync(join(root, 'reports', 'vitest-ml.html'), 'utf8')).toContain('<section id="changes" class="diff regressed">')
  })

  it('passes the gate when the head holds', async () => {
    await run(root, { outputDir: 'release' }, 0.95)
    const { reporter } = await run(root, { baseline: 'release/vitest-ml.json', gate }, 0.95)
    expect(reporter.lastReport!.gate).toMatchObject({ passed: true, failures: [] })
    expect(process.exitCode).toBeUndefined()
  })

  it('fails the gate, keeping the gate file, when the base is missing or edited', async () => {
    const missing = (await run(root, { baseline: 'release/vitest-ml.json', gate: { ...gate, thresholds: { accuracy: { min: 0.9, severity: 'high' } } } }, 0.8))
      .reporter.lastReport!
    expect(missing.baseline).toBeUndefined()
    expect(missing.gate.passed).toBe(false)
    expect(missing.gate.failures.map((reason) => reason.message)).toEqual([
      expect.stringMatching(/^the gate configuration is invalid: readReport: expected a report file at .*release[\\/]vitest-ml\.json, received ENOENT\.$/),
      'high threshold accuracy: accuracy = 0.8 < min 0.9',
      'the gate compares with a base report, but the run was given none: set report.baseline to the report of the release in production',
    ])
    await run(root, { outputDir: 'release' }, 0.95)
    const path = join(root, 'release', 'vitest-ml.json')
    const edited = JSON.parse(readFileSync(path, 'utf8')) as { checks: { metrics: Record<string, number> }[] }
    edited.checks[0]!.metrics['accuracy'] = 0.5
    writeFileSync(join(root, 'edited.json'), JSON.stringify(edited))
    const { reporter, logs } = await run(root, { baseline: 'edited.json' }, 0.8)
    expect(reporter.lastReport!.gate.failures[0]!.message).toMatch(
      /^the gate configuration is invalid: loadBaseline: expected a base report that agrees with itself at edited\.json/,
    )
    expect(logs.join('\n')).toContain('vitest-ml: the base report cannot be used, so the gate fails.')
  })
})
