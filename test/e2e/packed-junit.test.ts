// The vitest-ml reporter next to `--reporter=junit` (and the default reporter) on the packed package: both write.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { warningLines } from './packed-command.js'
import { packedScenario, readJson } from './packed-project.js'

test('--reporter=junit keeps the vitest-ml report, and both describe the same run', { timeout: 300_000 }, async () => {
  const scenario = packedScenario('junit')
  scenario.copyQuickStart()
  const run = await scenario.vitest(['run', '--reporter=default', '--reporter=junit', '--outputFile.junit=junit.xml'])
  expect(run.code).toBe(0)
  expect(warningLines(run.output)).toEqual([])
  expect(run.output).toContain('vitest-ml  GATE PASSED')
  const junit = readFileSync(join(scenario.dir, 'junit.xml'), 'utf8')
  expect(junit).toMatch(/<testsuites [^>]*tests="4" failures="0" errors="0"/)
  expect(readJson<{ checks: unknown[] }>(scenario, 'reports/vitest-ml.json').checks).toHaveLength(5)
})
