import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli.js'
import { writeReport } from '../../src/report/write-report.js'
import { sampleReport, sampleTests } from '../src/report/sample-report.js'

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

async function savedReport(passing: boolean): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'vitest-ml-cli-'))
  const tests = passing ? sampleTests().filter((test) => test.state === 'passed') : sampleTests()
  return (await writeReport(sampleReport({ tests }), { outputDir: dir, formats: ['json'] })).json!
}

describe('vitest-ml CLI', () => {
  it('re-renders HTML and Markdown from a saved report', async () => {
    const json = await savedReport(false)
    const out = mkdtempSync(join(tmpdir(), 'vitest-ml-cli-out-'))
    const result = await cli(['report', json, '--out', out])
    expect(result).toMatchObject({ code: 0, err: '' })
    expect(readdirSync(out).sort()).toEqual(['current', 'runs', 'vitest-ml.html', 'vitest-ml.json', 'vitest-ml.md'])
    expect(result.out).toBe(`vitest-ml: wrote ${join(out, 'vitest-ml.json')}, ${join(out, 'vitest-ml.html')} and ${join(out, 'vitest-ml.md')}\n`)
    expect(readFileSync(join(out, 'vitest-ml.json'), 'utf8')).toBe(readFileSync(json, 'utf8'))
    expect(readFileSync(join(out, 'vitest-ml.html'), 'utf8')).toMatch(/<h1>Gate failed: do not deploy<\/h1>[\s\S]*income has drifted/)
    expect(readFileSync(join(out, 'vitest-ml.md'), 'utf8').split('\n')[1]).toBe('## ❌ vitest-ml gate failed: vitest-ml report')
  })

  it('exits with the recomputed verdict', async () => {
    expect((await cli(['gate', await savedReport(true)])).code).toBe(0)
    const failing = await cli(['gate', await savedReport(false)])
    expect(failing.code).toBe(1)
    expect(failing.out).toContain(
      '✗ test failed: test/drift.test.ts > live data > has not drifted: check holds although asserted with .not (high): "income has drifted"',
    )
  })

  it('refuses a hand-edited report with exit 2, naming the edited fields', async () => {
    const json = await savedReport(false)
    const report = JSON.parse(readFileSync(json, 'utf8')) as { gate: { passed: boolean } }
    report.gate.passed = true
    const edited = join(mkdtempSync(join(tmpdir(), 'vitest-ml-cli-edit-')), 'vitest-ml.json')
    writeFileSync(edited, JSON.stringify(report, null, 2))
    const result = await cli(['gate', edited])
    expect(result.code).toBe(2)
    expect(result.out).toBe('')
    expect(result.err.split('\n')).toEqual([
      `vitest-ml: ${edited} is inconsistent: its stored fields do not follow from its own checks and tests, so no verdict is given.`,
      expect.stringMatching(/^ {2}integrity: the content hashes to/),
      '  /gate/passed: stored true, recomputed false',
      'Hint: reports are written by the vitest-ml reporter and must not be edited; run the tests again to get a report the gate accepts.',
      '',
    ])
    expect((await cli(['report', edited])).code).toBe(2)
  })

  it('refuses a report of format version 1 with a hint to re-run that release, and one of a newer format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitest-ml-cli-old-'))
    writeFileSync(join(dir, 'v1.json'), JSON.stringify({ schemaVersion: 1, gate: { passed: true } }))
    writeFileSync(join(dir, 'v4.json'), JSON.stringify({ schemaVersion: 4, gate: { passed: true } }))
    expect(await cli(['gate', join(dir, 'v1.json')])).toMatchObject({
      code: 2,
      err: expect.stringMatching(
        /^readReport: expected a report of format version 2 or 3 in .*, received format version 1\.\nHint: Format version 1 was written before reports listed every test and carried a digest, so its verdict cannot be recomputed and it is not read\. Re-run the tests of that release \(check out its tag\) to write a current report; see "Report format versions" in the README\./,
      ),
    })
    expect(await cli(['gate', join(dir, 'v4.json')])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/received format version 4\.\nHint: The report was written by a newer vitest-ml: upgrade vitest-ml to read it\./),
    })
  })

  it('reads a report of format version 2 as it was written', async () => {
    const json = await savedReport(true)
    const report = JSON.parse(readFileSync(json, 'utf8')) as { schemaVersion: number; integrity: { digest: string } }
    const { integrity: _integrity, ...content } = { ...report, schemaVersion: 2 }
    const v2 = join(mkdtempSync(join(tmpdir(), 'vitest-ml-cli-v2-')), 'vitest-ml.json')
    writeFileSync(
      v2,
      JSON.stringify({ ...content, integrity: { algorithm: 'sha256', digest: createHash('sha256').update(JSON.stringify(content)).digest('hex') } }),
    )
    expect(await cli(['gate', v2])).toMatchObject({ code: 0, err: '' })
  })

  it('re-decides the saved checks under another gate file', async () => {
    const json = await savedReport(true)
    const gate = join(mkdtempSync(join(tmpdir(), 'vitest-ml-cli-gate-')), 'gate.json')
    writeFileSync(gate, JSON.stringify({ required: ['held-out-test'], thresholds: { accuracy: { min: 0.95, severity: 'high' } } }))
    const result = await cli(['gate', json, '--config', gate])
    expect(result.code).toBe(1)
    expect(result.out).toContain('✗ required item "held-out-test" is not covered')
    expect(result.out).toContain('✗ high threshold accuracy: accuracy = 0.91 < min 0.95')
  })

  it('explains bad files and bad usage with exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitest-ml-cli-bad-'))
    writeFileSync(join(dir, 'not-json.json'), '<html>')
    writeFileSync(join(dir, 'other.json'), '{"hello": 1}')
    expect(await cli(['gate', join(dir, 'missing.json')])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^readReport: expected a report file at .*missing\.json, received ENOENT\.\nHint: Run the tests/),
    })
    expect(await cli(['report', join(dir, 'not-json.json')])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^readReport: expected JSON in .*not-json\.json/),
    })
    expect(await cli(['gate', join(dir, 'other.json')])).toMatchObject({ code: 2, err: expect.stringMatching(/\(root\): missing field "schemaVersion"/) })
    expect(await cli(['publish', 'x.json'])).toMatchObject({ code: 2, err: expect.stringMatching(/^vitest-ml: unknown command "publish"/) })
    expect(await cli(['gate'])).toMatchObject({ code: 2, err: expect.stringMatching(/"gate" needs a REPORT\.json path/) })
    expect(await cli(['gate', 'x.json', '--colour'])).toMatchObject({ code: 2, err: expect.stringMatching(/Unknown option '--colour'/) })
    expect(await cli(['--help'])).toMatchObject({ code: 0, out: expect.stringMatching(/^Usage:/) })
  })

  it('runs as a program and sets its exit code', async () => {
    const json = await savedReport(false)
    const entry = fileURLToPath(new URL('../../src/cli.ts', import.meta.url))
    const run = promisify(execFile)
    const failure = await run(process.execPath, ['--import', 'tsx', entry, 'gate', json]).then(
      () => 0,
      (error: { code: number; stdout: string }) => error.code,
    )
    expect(failure).toBe(1)
  }, 30_000)
})
