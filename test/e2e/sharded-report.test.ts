import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Report } from '../../src/report/report.js'
import { type FixtureRun, runFixture } from './run-fixture.js'

/**
 * The parts of a report that must not depend on how the run was split: everything but timing (and the commit, which
 * can move between the runs when others commit to the same repository meanwhile).
 */
function comparable(report: Report): unknown {
  const { run, provenance, integrity: _integrity, ...rest } = report
  const { gitCommit, ...stable } = provenance
  expect(gitCommit).toMatch(/^[0-9a-f]{40}$/)
  return { ...rest, provenance: stable, run: { vitestVersion: run.vitestVersion, reason: run.reason, status: run.status } }
}

describe('the reporter on a real Vitest run', () => {
  const work = mkdtempSync(join(tmpdir(), 'vitest-ml-e2e-'))
  const whole = join(work, 'whole')
  const merged = join(work, 'merged')
  const blobs = join(work, 'blobs')
  const stepSummary = join(work, 'step-summary.md')
  let unsharded: FixtureRun
  let shards: FixtureRun[]
  let merge: FixtureRun

  beforeAll(async () => {
    unsharded = await runFixture(['run'], { VITEST_ML_OUT: whole, GITHUB_STEP_SUMMARY: stepSummary })
    shards = []
    for (const shard of ['1/2', '2/2']) {
      const index = shard[0]!
      shards.push(
        await runFixture(['run', `--shard=${shard}`, '--reporter=blob', `--outputFile.blob=${join(blobs, `blob-${index}.json`)}`], {
          VITEST_ML_OUT: join(work, `shard-${index}`),
        }),
      )
    }
    merge = await runFixture(['run', `--merge-reports=${blobs}`], { VITEST_ML_OUT: merged })
  }, 240_000)

  it('writes JSON, HTML and Markdown and prints the verdict (unsharded): failed tests mean not ready, whatever their severity', () => {
    expect(readdirSync(whole).sort()).toEqual(['current', 'runs', 'vitest-ml.html', 'vitest-ml.json', 'vitest-ml.md'])
    expect(unsharded.output).toContain(' vitest-ml  GATE FAILED  tests 4/6 passed; checks 3 passed, 2 failed (0 high); checklist 4/13; ML Test Score 0')
    expect(unsharded.output).toContain(
      '   ✗ test failed: checks/drift.check.ts > live income has not drifted: check holds although asserted with .not (medium): "income distribution has shifted"',
    )
    expect(unsharded.output).not.toContain('GATE PASSED')
    expect(unsharded.code).toBe(1)
    const report = JSON.parse(readFileSync(join(whole, 'vitest-ml.json'), 'utf8')) as Report
    expect(report.checks.map((check) => `${check.file}: ${check.outcome}`)).toEqual([
      'checks/baseline.check.ts: passed',
      'checks/baseline.check.ts: passed',
      'checks/drift.check.ts: failed',
      'checks/latency.check.ts: passed',
      'checks/monotonic.check.ts: failed',
    ])
    expect(report.checklist.find((item) => item.id === 'rollback-procedure')?.status).toBe('attested')
    expect(report.provenance.models).toEqual([{ name: 'credit.onnx', sha256: 'a'.repeat(64) }])
    expect(report.tests.map((test) => `${test.file} > ${test.name}: ${test.state}`)).toEqual([
      'checks/baseline.check.ts > credit model > beats the majority-class baseline: passed',
      'checks/baseline.check.ts > credit model > is accurate on held-out data: passed',
      'checks/drift.check.ts > live income has not drifted: failed',
      'checks/latency.check.ts > answers fast enough: passed',
      'checks/latency.check.ts > records no check at all: passed',
      'checks/monotonic.check.ts > default risk falls as income rises: failed',
    ])
    expect(readFileSync(stepSummary, 'utf8')).toMatch(/^<!-- vitest-ml run \S+ -->\n## ❌ vitest-ml gate failed: fixture: credit model/)
  })

  it('writes nothing from shard runs and says why', () => {
    for (const [index, shard] of shards.entries()) {
      expect(shard.output).toContain('vitest-ml: shard run; the report is written by `vitest --merge-reports`.')
      expect(() => readdirSync(join(work, `shard-${index + 1}`))).toThrow(/ENOENT/)
    }
    expect(readdirSync(blobs).sort()).toEqual(['blob-1.json', 'blob-2.json'])
  })

  it('annotates failing checks for the UI, with their plots attached as SVG (kept in blob reports)', () => {
    const blobText = readdirSync(blobs)
      .map((name) => readFileSync(join(blobs, name), 'utf8'))
      .join('\n')
    expect(blobText).toContain('"vitest-ml:monotonicity"')
    expect(blobText).toContain('"vitest-ml:drift"')
    expect(blobText.match(/"image\/svg\+xml"/g)).toHaveLength(2)
    const bodies = blobText.match(/"PHN2Zy[A-Za-z0-9+/=]+"/g) ?? [] // base64 of "<svg"
    expect(bodies).toHaveLength(2)
    const svg = Buffer.from(JSON.parse(bodies[0]!) as string, 'base64').toString('utf8')
    expect(svg).toMatch(/^<svg[\s\S]*<\/svg>$/)
    expect(svg).not.toContain('<img')
  })

  it('builds the same report from merged shard blobs as from one run', () => {
    expect(merge.output).toContain('GATE FAILED')
    expect(merge.code).toBe(1)
    const one = JSON.parse(readFileSync(join(whole, 'vitest-ml.json'), 'utf8')) as Report
    const fromShards = JSON.parse(readFileSync(join(merged, 'vitest-ml.json'), 'utf8')) as Report
    expect(fromShards.checks.length).toBe(5)
    expect(comparable(fromShards)).toEqual(comparable(one))
  })
})
