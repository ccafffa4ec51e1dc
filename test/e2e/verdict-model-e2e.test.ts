/**
 * Model-based test of the gate through real Vitest runs: fast-check generates small suites — checks that hold or fail,
 * under `.not` or not, awaited, forgotten, consumed with `.rejects` or caught, tests that throw before their checks,
 * gate files — writes them as test files, runs Vitest with the vitest-ml reporter (sometimes as two shards merged), and
 * holds every run to the same invariants: each test ends as the model says, the verdict is "ready" exactly when the
 * model says so, and the banner, the JSON, the exit code and `vitest-ml gate` agree.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { CHECK_KINDS } from '../../src/checklist/check-kinds.js'
import type { Report } from '../../src/report/report.js'
import { runFixture } from './run-fixture.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const GENERATED = join(ROOT, 'test/e2e/.generated')
mkdirSync(GENERATED, { recursive: true })
const work = mkdtempSync(join(GENERATED, 'suite-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const KINDS = ['baseline', 'held-out', 'drift', 'range'] as const
type Usage = 'await' | 'forget' | 'rejects' | 'caught'

interface Step {
  readonly type: 'check' | 'throw'
  readonly kind: (typeof KINDS)[number]
  readonly holds: boolean
  readonly negated: boolean
  readonly sync: boolean
  readonly usage: Usage
  readonly accuracy: number
}

const step: fc.Arbitrary<Step> = fc.record({
  type: fc.oneof({ weight: 9, arbitrary: fc.constant('check' as const) }, { weight: 1, arbitrary: fc.constant('throw' as const) }),
  kind: fc.constantFrom(...KINDS),
  holds: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  negated: fc.boolean(),
  sync: fc.boolean(),
  usage: fc.oneof({ weight: 6, arbitrary: fc.constant('await' as const) }, { weight: 1, arbitrary: fc.constantFrom<Usage>('forget', 'rejects', 'caught') }),
  accuracy: fc.constantFrom(0.6, 0.9),
})

const suite = fc.record({
  files: fc.array(fc.array(fc.array(step, { maxLength: 3 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
  required: fc.subarray(['baseline-improvement', 'held-out-test', 'data-drift-weekly']),
  accuracyMin: fc.option(fc.constant(0.8), { nil: undefined }),
  sharded: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
})
type Suite = typeof suite extends fc.Arbitrary<infer T> ? T : never

/** The record a step asks the stand-in matcher to store: `passed` is chosen so the assertion holds exactly when `holds`. */
function record(s: Step, id: string): string {
  const passed = s.holds !== s.negated
  return JSON.stringify({ id, kind: s.kind, title: `${s.kind} ${id}`, passed, severity: 'medium', metrics: { accuracy: s.accuracy } })
}

/** One step as a user writes it. */
function code(s: Step, id: string): string {
  if (s.type === 'throw') return `  throw new Error('model file missing')`
  const matcher = s.sync ? 'toRecordCheckNow' : 'toRecordCheckAsync'
  const assertion = `expect('model.onnx')${s.negated ? '.not' : ''}.${matcher}(${record(s, id)})`
  if (s.usage === 'forget') return `  ${assertion}`
  if (s.usage === 'rejects' && !s.sync) return `  await expect(${assertion}).rejects.toThrow()`
  if (s.usage === 'caught' && s.sync) return `  expect(() => ${assertion}).toThrow()`
  return `  await ${assertion}`
}

/** What a test's steps do when run: whether the test passes, and which checks get recorded (and in which state). */
function runSteps(steps: readonly Step[]): { passed: boolean; recorded: Step[] } {
  const recorded: Step[] = []
  let passed = true
  for (const s of steps) {
    if (s.type === 'throw') return { passed: false, recorded }
    recorded.push(s)
    const usage = s.usage === 'rejects' && s.sync ? 'await' : s.usage === 'caught' && !s.sync ? 'await' : s.usage
    if (usage === 'await') {
      if (!s.holds) return { passed: false, recorded }
    } else if (usage === 'forget') {
      if (s.sync && !s.holds) return { passed: false, recorded }
      if (!s.sync) passed = false // an async assertion nobody awaited fails the test at its end
    } else if (s.holds) return { passed: false, recorded } // .rejects / toThrow on an assertion that held
  }
  return { passed, recorded }
}

/** The model of the verdict: ready when every test passed and the gate holds on the evidence. */
function expectedVerdict(spec: Suite): { states: string[]; ready: boolean } {
  const tests = spec.files.flatMap((file) => file.map(runSteps))
  const states = tests.map((test) => (test.passed ? 'passed' : 'failed'))
  if (tests.length === 0 || tests.some((test) => !test.passed)) return { states, ready: false }
  const healthy = (s: Step): boolean => s.negated === (s.kind === 'drift')
  const evidence = tests.flatMap((test) => test.recorded.filter((s) => healthy(s) && s.holds))
  // In a passing test, a recorded check either held (evidence or demonstration) or was consumed (expected failure).
  const covered = (item: string): boolean => evidence.some((s) => (CHECK_KINDS[s.kind].checklist as readonly string[]).includes(item))
  if (!spec.required.every(covered)) return { states, ready: false }
  if (spec.accuracyMin !== undefined) {
    const values = evidence.map((s) => s.accuracy)
    if (values.length === 0 || values.some((value) => value < spec.accuracyMin!)) return { states, ready: false }
  }
  return { states, ready: true }
}

function writeSuite(spec: Suite, dir: string): void {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const src = (path: string): string => JSON.stringify(join(ROOT, path))
  writeFileSync(
    join(dir, 'setup.ts'),
    [
      `import { expect } from 'vitest'`,
      `import { asyncMatcher } from ${src('matchers/async-matcher.ts')}`,
      `import { recordCheck, recordCheckNow } from ${src('matchers/record-check.ts')}`,
      `const outcome = (record: { passed: boolean; title: string }) => ({ pass: record.passed, message: () => record.title })`,
      `expect.extend({`,
      `  toRecordCheckAsync: asyncMatcher('toRecordCheckAsync', async function (this: any, _received: unknown, record: any) { await new Promise((done) => setTimeout(done, 5)); await recordCheck(this, record); return outcome(record) }),`,
      `  toRecordCheckNow(this: any, _received: unknown, record: any) { recordCheckNow(this, record); return outcome(record) },`,
      `})`,
    ].join('\n'),
  )
  writeFileSync(
    join(dir, 'gate.json'),
    JSON.stringify({
      required: spec.required,
      ...(spec.accuracyMin === undefined ? {} : { thresholds: { accuracy: { min: spec.accuracyMin, severity: 'high' } } }),
    }),
  )
  writeFileSync(
    join(dir, 'vitest.config.ts'),
    [
      `import { defineConfig } from 'vitest/config'`,
      `import { mlTesting } from ${src('src/plugin.ts')}`,
      `export default defineConfig({`,
      `  plugins: [mlTesting({ matchers: false, report: { outputDir: process.env.VITEST_ML_OUT ?? 'reports', gate: 'gate.json', githubSummary: false } })],`,
      `  test: { include: ['*.gen.ts'], setupFiles: ['./setup.ts'], pool: 'forks', maxWorkers: 1 },`,
      `})`,
    ].join('\n'),
  )
  let counter = 0
  spec.files.forEach((tests, fileIndex) => {
    const body = tests.map((steps, testIndex) => {
      const lines = steps.map((s) => code(s, `c${counter++}`))
      return `test('f${fileIndex} t${testIndex}', async () => {\n${lines.join('\n')}\n})`
    })
    writeFileSync(join(dir, `f${fileIndex}.gen.ts`), `import { expect, test } from 'vitest'\n\n${body.join('\n\n')}\n`)
  })
}

async function runSuite(dir: string, sharded: boolean): Promise<{ code: number | null; output: string; report: Report; json: string }> {
  const out = join(dir, 'out')
  if (!sharded) {
    const run = await runFixture(['run'], { VITEST_ML_OUT: out }, dir)
    const json = join(out, 'vitest-ml.json')
    return { ...run, report: JSON.parse(readFileSync(json, 'utf8')) as Report, json }
  }
  const blobs = join(dir, 'blobs')
  for (const shard of ['1/2', '2/2'])
    await runFixture(
      ['run', `--shard=${shard}`, '--reporter=blob', `--outputFile.blob=${join(blobs, `blob-${shard[0]}.json`)}`, '--passWithNoTests'],
      { VITEST_ML_OUT: out },
      dir,
    )
  const run = await runFixture(['run', `--merge-reports=${blobs}`], { VITEST_ML_OUT: out }, dir)
  const json = join(out, 'vitest-ml.json')
  return { ...run, report: JSON.parse(readFileSync(json, 'utf8')) as Report, json }
}

describe('the gate through real Vitest runs of generated suites', () => {
  it('holds the model and the invariants on every generated suite', { timeout: 600_000 }, async () => {
    const numRuns = Number(process.env['VITEST_ML_MODEL_RUNS'] ?? 6)
    let index = 0
    await fc.assert(
      fc.asyncProperty(suite, async (spec) => {
        const dir = join(work, `run-${index++}`)
        writeSuite(spec, dir)
        const { code, output, report, json } = await runSuite(dir, spec.sharded)
        const model = expectedVerdict(spec)
        expect(report.tests.map((test) => test.state)).toEqual(model.states)
        expect(report.gate.passed).toBe(model.ready)
        expect(code).toBe(model.ready ? 0 : 1)
        const banner = output.split('\n').find((line) => line.startsWith(' vitest-ml  '))
        expect(banner).toMatch(model.ready ? /^ vitest-ml {2}GATE PASSED / : /^ vitest-ml {2}GATE FAILED /)
        for (const check of report.checks) if (check.negated === true && check.kind !== 'drift') expect(check.evidence).toBe(false)
        const cli = join(ROOT, 'src/cli.ts')
        const gateExit = (() => {
          try {
            execFileSync(process.execPath, ['--import', 'tsx', cli, 'gate', json], { cwd: dir, stdio: 'pipe' })
            return 0
          } catch (error) {
            return (error as { status: number }).status
          }
        })()
        expect(gateExit).toBe(model.ready ? 0 : 1)
      }),
      { numRuns, seed: 424242, endOnFailure: true },
    )
  })
})
