// The slips a stranger makes, on the packed package and each supported Node + Vitest pair: a forgotten `await` on a
// drift assertion over drifted data, on a model matcher (failing and passing), a `.not` that is counter-evidence, and a
// failure consumed with `.rejects`. The run must be "not ready" in the banner, the JSON and the exit code alike.
import { expect, test } from 'vitest'
import { packedScenario, readJson } from './packed-project.js'

const SLIPS = `import { expect, test } from 'vitest'
import { featureSchema, functionModel, numeric } from 'vitest-ml'

const base = { x: Array.from({ length: 200 }, (_, i) => Math.sin(i * 12.9898) * 0.5) }
const shifted = { x: base.x.map((value) => value + 2) }
const rows = featureSchema({ a: numeric({ min: 0, max: 1 }) }).arrays()
const noisy = functionModel((row: number[]) => [row[0]! + Math.random()], { name: 'noisy' })
const stable = functionModel((row: number[]) => [row[0]! * 2], { name: 'stable' })
const lazy = functionModel((_row: number[]) => 0, { name: 'lazy' })
const heldOut = { inputs: [[0.1], [0.2], [0.3], [0.4], [0.5], [0.6]], labels: [0, 0, 1, 0, 0, 1] }

test('drift without await', () => {
  expect(shifted).not.toHaveDriftedFrom(base)
})
test('failing model check without await', () => {
  expect(noisy).toBeDeterministic({ inputs: rows, numRuns: 20, seed: 1 })
})
test('passing model check without await', () => {
  expect(stable).toBeDeterministic({ inputs: rows, numRuns: 20, seed: 1 })
})
test('counter-evidence under .not', async () => {
  await expect(lazy).not.toBeatBaseline('majority', { data: heldOut, seed: 1, testSetUsage: false })
})
test('failure consumed with .rejects', async () => {
  await expect(expect(noisy).toBeDeterministic({ inputs: rows, numRuns: 20, seed: 1 })).rejects.toThrow(/not deterministic/)
})
`

test('a forgotten await or a .not never reads as ready', { timeout: 300_000 }, async () => {
  const scenario = packedScenario('slips')
  scenario.copyQuickStart()
  scenario.write('model.test.ts', SLIPS)
  scenario.write('gate.json', { required: ['baseline-improvement'] })
  const run = await scenario.vitest(['run', 'model.test.ts'])
  expect(run.code).toBe(1)
  expect(run.output).toMatch(/ vitest-ml {2}GATE FAILED {2}tests 2\/5 passed;/)
  expect(run.output).not.toContain('GATE PASSED')
  expect(run.output).toContain('expect(…).toBeDeterministic(…) was not awaited.')
  const report = readJson<{
    gate: { passed: boolean }
    tests: { name: string; state: string }[]
    checks: { test: string; outcome: string; evidence: boolean }[]
  }>(scenario, 'reports/vitest-ml.json')
  expect(report.gate.passed).toBe(false)
  expect(Object.fromEntries(report.tests.map((one) => [one.name, one.state]))).toEqual({
    'drift without await': 'failed',
    'failing model check without await': 'failed',
    'passing model check without await': 'failed',
    'counter-evidence under .not': 'passed',
    'failure consumed with .rejects': 'passed',
  })
  expect(report.checks.map((check) => `${check.test}: ${check.outcome} ${check.evidence}`)).toEqual([
    'drift without await: failed true',
    'failing model check without await: failed true',
    'passing model check without await: passed true',
    'counter-evidence under .not: demonstration false',
    'failure consumed with .rejects: expected-failure false',
  ])
})
