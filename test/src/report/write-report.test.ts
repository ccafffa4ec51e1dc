import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Report } from '../../../src/report/report.js'
import { writeReport } from '../../../src/report/write-report.js'
import { sampleReport } from './sample-report.js'

describe('writeReport', () => {
  it('writes JSON, HTML and Markdown as one set in a run folder, linked from the stable names, and leaves no temporary files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitest-ml-write-'))
    const report = sampleReport()
    const written = await writeReport(report, { outputDir: dir })
    expect(readdirSync(dir).sort()).toEqual(['current', 'runs', 'vitest-ml.html', 'vitest-ml.json', 'vitest-ml.md'])
    for (const name of ['vitest-ml.html', 'vitest-ml.json', 'vitest-ml.md']) expect(readlinkSync(join(dir, name))).toBe(join('current', name))
    const [folder] = readdirSync(join(dir, 'runs'))
    expect(folder).toMatch(/^run-20260101-test-[0-9a-f]{8}$/)
    expect(readlinkSync(join(dir, 'current'))).toBe(join('runs', folder!))
    expect(readdirSync(join(dir, 'runs', folder!)).sort()).toEqual(['vitest-ml.html', 'vitest-ml.json', 'vitest-ml.md'])
    expect(JSON.parse(readFileSync(written.json!, 'utf8')).gate.passed).toBe(false)
    expect(readFileSync(written.html!, 'utf8')).toContain('<meta name="vitest-ml-run" content="run-20260101-test">')
    expect(readFileSync(written.markdown!, 'utf8')).toMatch(/^<!-- vitest-ml run run-20260101-test -->/)
  })

  it('switches the whole set at once and keeps only the newest sets besides the current one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitest-ml-write-'))
    const ids: string[] = []
    for (let index = 0; index < 6; index++) {
      const id = `run-2026010${index}-test`
      ids.push(id)
      await writeReport(sampleReport({ run: { ...sampleReport().run, id } }), { outputDir: dir, keepRuns: 2 })
      const json = JSON.parse(readFileSync(join(dir, 'vitest-ml.json'), 'utf8')) as Report
      const html = readFileSync(join(dir, 'vitest-ml.html'), 'utf8')
      expect(json.run.id).toBe(id)
      expect(html).toContain(`content="${id}"`)
    }
    expect(readdirSync(join(dir, 'runs')).length).toBe(3)
    expect(readdirSync(join(dir, 'runs')).every((name) => ids.slice(3).some((id) => name.startsWith(id)))).toBe(true)
  })

  it('cleans up temporary folders and links left by a killed run, once they are old', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitest-ml-write-'))
    mkdirSync(join(dir, 'runs', '.tmp-run-killed-1234abcd'), { recursive: true })
    writeFileSync(join(dir, 'runs', '.tmp-run-killed-1234abcd', 'vitest-ml.html'), '<half')
    writeFileSync(join(dir, '.vitest-ml.json.123.abcd.tmp'), '{')
    mkdirSync(join(dir, 'runs', '.tmp-run-young-5678abcd'))
    const old = new Date(Date.now() - 3_600_000)
    utimesSync(join(dir, 'runs', '.tmp-run-killed-1234abcd'), old, old)
    utimesSync(join(dir, '.vitest-ml.json.123.abcd.tmp'), old, old)
    await writeReport(sampleReport(), { outputDir: dir })
    expect(readdirSync(join(dir, 'runs')).filter((name) => name.startsWith('.tmp-'))).toEqual(['.tmp-run-young-5678abcd'])
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('replaces report files of an older version by links, atomically', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitest-ml-write-'))
    writeFileSync(join(dir, 'vitest-ml.json'), '{"old": true}')
    await writeReport(sampleReport(), { outputDir: dir })
    expect(lstatSync(join(dir, 'vitest-ml.json')).isSymbolicLink()).toBe(true)
    expect((JSON.parse(readFileSync(join(dir, 'vitest-ml.json'), 'utf8')) as Report).run.id).toBe('run-20260101-test')
  })

  it('writes only the formats asked for, and drops the links of the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitest-ml-write-'))
    await writeReport(sampleReport(), { outputDir: dir })
    await writeReport(sampleReport(), { outputDir: dir, formats: ['json'] })
    expect(readdirSync(dir).sort()).toEqual(['current', 'runs', 'vitest-ml.json'])
  })

  it('refuses to write an invalid report, naming the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitest-ml-write-'))
    const broken = { ...sampleReport(), summary: { checks: 'many' } } as unknown as Report
    await expect(writeReport(broken, { outputDir: dir })).rejects.toThrow(
      /validateReport: expected the report about to be written to match its schema, received \/summary: missing field "tests"/,
    )
    expect(readdirSync(dir)).toEqual([])
  })

  it('never lets two concurrent writers mix their sets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitest-ml-write-'))
    const writers = Array.from({ length: 8 }, (_, index) =>
      writeReport(sampleReport({ run: { ...sampleReport().run, id: `run-concurrent-${index}` } }), { outputDir: dir }),
    )
    await Promise.all(writers)
    const json = JSON.parse(readFileSync(join(dir, 'current', 'vitest-ml.json'), 'utf8')) as Report
    expect(readFileSync(join(dir, 'current', 'vitest-ml.html'), 'utf8')).toContain(`content="${json.run.id}"`)
    expect(readFileSync(join(dir, 'current', 'vitest-ml.md'), 'utf8')).toContain(`run ${json.run.id} -->`)
  })
})
