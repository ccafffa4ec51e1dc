// Sharding on the packed package: two shards with the blob reporter, merged by `vitest --merge-reports`, give the
// same vitest-ml report as one unsharded run (test/e2e/fixtures/sharded/: an ONNX file and a data-only file).
import { existsSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { warningLines } from './packed-command.js'
import { packedScenario, readJson } from './packed-project.js'

interface SavedReport {
  readonly gate: { readonly passed: boolean }
  readonly checks: readonly { readonly id: string; readonly file: string; readonly kind: string; readonly passed: boolean }[]
}

const checksOf = (report: SavedReport): string[] => report.checks.map((check) => `${check.file} ${check.id} ${check.kind} ${String(check.passed)}`).sort()

test('shards merged with --merge-reports give the report of one run', { timeout: 300_000 }, async () => {
  const scenario = packedScenario('sharded')
  scenario.copyFromRepo('test/e2e/fixtures/sharded')
  scenario.copyFromRepo('models/penguins-mlp.onnx', 'model.onnx')

  const whole = await scenario.vitest(['run'])
  expect(whole.code, whole.output).toBe(0)
  expect(warningLines(whole.output)).toEqual([])
  const unsharded = readJson<SavedReport>(scenario, 'reports/vitest-ml.json')
  expect(new Set(unsharded.checks.map((check) => check.file))).toEqual(new Set(['range.test.ts', 'data.test.ts']))
  rmSync(join(scenario.dir, 'reports'), { recursive: true })

  for (const shard of ['1/2', '2/2']) {
    const run = await scenario.vitest(['run', `--shard=${shard}`, '--reporter=default', '--reporter=blob', `--outputFile.blob=blobs/blob-${shard[0]!}.json`])
    expect(run.code, run.output).toBe(0)
    expect(run.output).toContain('vitest-ml: shard run; the report is written by `vitest --merge-reports`.')
    expect(warningLines(run.output)).toEqual([])
  }
  expect(readdirSync(join(scenario.dir, 'blobs')).sort()).toEqual(['blob-1.json', 'blob-2.json'])
  expect(existsSync(join(scenario.dir, 'reports'))).toBe(false)

  const merge = await scenario.vitest(['run', '--merge-reports=blobs'])
  expect(merge.code, merge.output).toBe(0)
  expect(warningLines(merge.output)).toEqual([])
  const merged = readJson<SavedReport>(scenario, 'reports/vitest-ml.json')
  expect(merged.gate.passed).toBe(true)
  expect(checksOf(merged)).toEqual(checksOf(unsharded))
})
