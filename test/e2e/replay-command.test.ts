import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Report } from '../../src/report/report.js'
import { type FixtureRun, runFixture } from './run-fixture.js'

const PROJECT = fileURLToPath(new URL('./fixtures/replay/', import.meta.url))
const BIN = fileURLToPath(new URL('../../node_modules/.bin/', import.meta.url))

/** Runs a command line as a user pastes it into a shell, in the project, with the repository's tools on PATH. */
function runInShell(command: string, env: Record<string, string>): Promise<FixtureRun> {
  return new Promise((resolve, reject) => {
    const clean = { ...process.env }
    for (const name of ['VITEST', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'NODE_OPTIONS', 'GITHUB_STEP_SUMMARY']) delete clean[name]
    const child = spawn('sh', ['-c', command], {
      cwd: PROJECT,
      env: { ...clean, PATH: [BIN, dirname(process.execPath), clean['PATH'] ?? ''].join(delimiter), FORCE_COLOR: '0', NO_COLOR: '1', CI: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}

describe('the replay command a report prints reproduces the failure', () => {
  const work = mkdtempSync(join(tmpdir(), 'vitest-ml-replay-'))
  let first: FixtureRun
  let report: Report
  let replay: FixtureRun
  let replayReport: Report

  beforeAll(async () => {
    first = await runFixture(['run', '--config', 'ml.config.ts'], { VITEST_ML_OUT: join(work, 'first') }, PROJECT)
    report = JSON.parse(readFileSync(join(work, 'first', 'vitest-ml.json'), 'utf8')) as Report
    const failed = report.checks.find((check) => check.outcome === 'failed')
    replay = await runInShell(failed?.replayCommand ?? 'false', { VITEST_ML_OUT: join(work, 'replay') })
    replayReport = JSON.parse(readFileSync(join(work, 'replay', 'vitest-ml.json'), 'utf8')) as Report
  }, 300_000)

  it('names the config, the file and the test, and carries the seed', () => {
    expect(first.code).toBe(1)
    const failed = report.checks.filter((check) => check.outcome === 'failed')
    expect(failed).toHaveLength(1)
    expect(failed[0]?.replayCommand).toMatch(
      /^npx vitest run --config ml\.config\.ts checks\/leaky-clip\.check\.ts -t 'leaky clip \\\(no seed given: the seed comes from the test name\\\) keeps every output in \\\[0, 1\\\]' {2}# seed -?\d+, path "[\d:]+", 300 runs$/,
    )
  })

  it('runs just that test and fails it again with the same seed, counterexample and rate', () => {
    expect(replay.code, replay.output).toBe(1)
    expect(replay.output).toMatch(/Tests\s+1 failed \| 1 skipped/)
    expect(replayReport.tests.map((test) => `${test.name}: ${test.state}`)).toEqual([
      'leaky clip (no seed given: the seed comes from the test name) > keeps every output in [0, 1]: failed',
      'leaky clip (no seed given: the seed comes from the test name) > is deterministic: skipped',
    ])
    const [before] = report.checks.filter((check) => check.outcome === 'failed')
    const [after] = replayReport.checks
    expect(after?.replay).toEqual(before?.replay)
    expect(after?.counterexample).toEqual(before?.counterexample)
    expect(after?.metrics['violationRate']).toBe(before?.metrics['violationRate'])
    expect(after?.metrics['violationRate']).toBeGreaterThan(0)
  })
})
