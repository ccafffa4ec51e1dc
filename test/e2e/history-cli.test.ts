import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli.js'
import { writeReleaseSeries } from '../support/release-reports.js'

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(args, {
    out: (text) => {
      out += `${text}\n`
    },
    err: (text) => {
      err += `${text}\n`
    },
  })
  return { code, out, err }
}

const gate = { noRegression: { metrics: ['accuracy', 'p99Ms'], margin: { accuracy: 0.05, p99Ms: 10 } }, noNewFailingChecks: true }

describe('vitest-ml diff and history on a folder of 50 releases', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vitest-ml-history-cli-'))
  const releases = join(dir, 'releases')
  let paths: string[] = []

  beforeAll(() => {
    paths = writeReleaseSeries(releases, { count: 50, regressionAt: 31, latencyJumpAt: 40, renameAt: 12, gate }).paths
  })

  it('finds nothing between a report and itself', async () => {
    const result = await cli(['diff', paths[0]!, paths[0]!])
    expect(result.code).toBe(0)
    expect(result.err).toBe('')
    expect(result.out.split('\n').slice(0, 4)).toEqual([
      ' vitest-ml diff  NO REGRESSION',
      expect.stringMatching(/^ {3}base credit-model \(run release-000-[0-9a-f]{8}\), 2026-01-01T10:00:00\.000Z, gate passed, digest [0-9a-f]{12}$/),
      expect.stringMatching(/^ {3}head credit-model \(run release-000-/),
      '   checks: 3 unchanged',
    ])
    expect(result.out).not.toContain('metric changes')
  })

  it('names the planted regression with its interval and exits 1, and the gate rule with its margin', async () => {
    const result = await cli(['diff', paths[30]!, paths[31]!, '--html', join(dir, 'diff.html'), '--json', join(dir, 'diff.json')])
    expect(result.code).toBe(1)
    const lines = result.out.split('\n')
    expect(lines[0]).toBe(' vitest-ml diff  1 REGRESSION, GATE RULES FAIL')
    expect(lines[3]).toMatch(
      /^ {3}✗ accuracy regressed: "credit\.onnx beats majority on accuracy" \(test\/credit\.test\.ts > credit model > outperforms the majority-class predictor\): 0\.\d+ → 0\.\d+ \(-0\.\d+; 90% interval \[-0\.\d+, -0\.\d+\] \(Newcombe, 500 vs 500\)\): regressed$/,
    )
    expect(lines[4]).toMatch(
      /^ {3}✗ gate: high no regression on accuracy: "credit\.onnx beats majority on accuracy" went from 0\.\d+ to 0\.\d+ against the base run release-030-[0-9a-f]{8}: one-sided 0\.95 bound of the gain -0\.\d+ <= -margin -0\.05 \(Newcombe interval, independent samples\)$/,
    )
    expect(readFileSync(join(dir, 'diff.html'), 'utf8')).toContain('<h1>Regressed since the base report</h1>')
    const json = JSON.parse(readFileSync(join(dir, 'diff.json'), 'utf8')) as { regressions: string[]; rules: { status: string }[] }
    expect(json.regressions).toHaveLength(2)
    expect(json.rules.map((rule) => rule.status)).toEqual(['regressed', 'ok'])
  })

  it('notes when the head was gated against another base', async () => {
    const result = await cli(['diff', paths[5]!, paths[5]!])
    expect(result.code).toBe(0)
    expect(result.err).toMatch(
      /^vitest-ml: note: .*v1\.05\.0\.json was gated against the base run release-004-[0-9a-f]{8} \(v1\.04\.0\.json\), not release-005-[0-9a-f]{8}\.\n$/,
    )
  })

  it('re-decides the rule under another gate file', async () => {
    const lenient = join(dir, 'lenient.json')
    writeFileSync(lenient, JSON.stringify({ noRegression: { metrics: ['accuracy'], margin: 0.2 } }))
    const result = await cli(['diff', paths[30]!, paths[31]!, '--config', lenient])
    expect(result.code).toBe(1) // the diff's own regression remains: its interval lies below zero
    expect(result.out).not.toContain('GATE RULES FAIL')
    expect(result.out).toMatch(/no-regression rule:\n {5}ok {11}accuracy/)
  })

  it('checks with gate --base that the report was gated against that base', async () => {
    expect((await cli(['gate', paths[31]!, '--base', paths[30]!])).code).toBe(1)
    expect((await cli(['gate', paths[32]!, '--base', paths[31]!])).code).toBe(0)
    const wrong = await cli(['gate', paths[32]!, '--base', paths[30]!])
    expect(wrong.code).toBe(2)
    expect(wrong.err).toMatch(
      /^vitest-ml: .*v1\.32\.0\.json is inconsistent: .*\n {2}\/baseline\/runId: stored "release-031-[0-9a-f]{8}", recomputed "release-030-[0-9a-f]{8}"/,
    )
  })

  it('refuses a hand-edited base or head with exit 2', async () => {
    const edited = join(dir, 'edited.json')
    const report = JSON.parse(readFileSync(paths[30]!, 'utf8')) as { checks: { metrics: Record<string, number> }[] }
    report.checks[0]!.metrics['accuracy'] = 0.5
    writeFileSync(edited, JSON.stringify(report))
    const asBase = await cli(['diff', edited, paths[31]!])
    expect(asBase.code).toBe(2)
    expect(asBase.out).toBe('')
    expect(asBase.err).toMatch(
      /^vitest-ml: .*edited\.json is inconsistent: its stored fields do not follow from its own checks and tests, so no verdict is given\.\n {2}integrity: /,
    )
    expect((await cli(['diff', paths[30]!, edited])).code).toBe(2)
  })

  it('writes the history of the folder with the regressing release marked', async () => {
    const out = join(dir, 'history.html')
    const result = await cli(['history', releases, '--out', out])
    expect(result).toEqual({ code: 0, err: '', out: `vitest-ml: wrote ${out}: 50 releases, v1.00.0 to v1.49.0\n` })
    const html = readFileSync(out, 'utf8')
    expect(html.match(/<tr class="(moved)?"><td><strong>/g)).toHaveLength(50)
    expect(html).toMatch(/<tr class="moved"><td><strong>v1\.31\.0<\/strong>.*?<span class="chip moved">accuracy<\/span>/s)
    expect(html).toMatch(
      /<tr class="j-regressed"><td><strong>v1\.31\.0<\/strong><\/td><td>credit\.onnx beats majority on accuracy<\/td><td><code>accuracy<\/code>/,
    )
    expect(html).toMatch(/<tr class="j-worse"><td><strong>v1\.40\.0<\/strong><\/td><td>credit\.onnx answers within budget<\/td><td><code>p99Ms<\/code>/)
    expect(html.match(/<figure class="plot trend" title="[^"]+"><svg/g)!.length).toBeGreaterThanOrEqual(6)
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/)
  })

  it('refuses the history when a report is refused, unless told to skip it', async () => {
    const mixed = join(dir, 'mixed')
    const { paths: few } = writeReleaseSeries(mixed, { count: 3 })
    writeFileSync(join(mixed, 'v0.1.json'), JSON.stringify({ schemaVersion: 1, checks: [] }))
    const refused = await cli(['history', mixed, '--out', join(dir, 'mixed.html')])
    expect(refused.code).toBe(2)
    expect(refused.err).toMatch(
      /received format version 1\.\nHint: Format version 1 was written before reports listed every test[^\n]*\nvitest-ml: 1 of 4 reports refused, so no history was written\. Hint: fix or remove them, or pass --skip-invalid to draw the rest\.\n$/,
    )
    const skipped = await cli(['history', mixed, ...few, '--out', join(dir, 'mixed.html'), '--skip-invalid', '--min-change', '0.2'])
    expect(skipped).toMatchObject({
      code: 0,
      out: `vitest-ml: wrote ${join(dir, 'mixed.html')}: 3 releases, v1.00.0 to v1.02.0; 1 refused (listed on the page), 3 duplicates\n`,
    })
    expect(readFileSync(join(dir, 'mixed.html'), 'utf8')).toContain('<h2>Reports left out</h2>')
  })

  it('explains bad usage with exit 2', async () => {
    expect(await cli(['diff', paths[0]!])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^vitest-ml: "diff" needs BASE\.json and HEAD\.json, received 1 path\n/),
    })
    expect(await cli(['history'])).toMatchObject({ code: 2, err: expect.stringMatching(/^vitest-ml: "history" needs report files or folders\n/) })
    expect(await cli(['history', join(dir, 'nothing-here')])).toMatchObject({ code: 2, err: expect.stringMatching(/does not exist/) })
    expect(await cli(['diff', paths[0]!, paths[1]!, '--max-listed', 'many'])).toMatchObject({
      code: 2,
      err: 'vitest-ml: --max-listed expects a whole number >= 1, received "many".\n',
    })
    expect(await cli(['history', releases, '--min-change=-1'])).toMatchObject({
      code: 2,
      err: 'vitest-ml: --min-change expects a share such as 0.1 (a 10% change), received "-1".\n',
    })
  })
})
