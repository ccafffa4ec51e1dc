import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeReport } from '../../../src/report/write-report.js'
import { sampleReport } from './sample-report.js'
import type { Report } from '../../../src/report/report.js'

describe('writeReport', () => {
  it('writes JSON, HTML and Markdown and leaves no temporary files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitest-ml-write-'))
    const written = await writeReport(sampleReport(), { outputDir: dir })
    expect(readdirSync(dir).sort()).toEqual(['vitest-ml.html', 'vitest-ml.json', 'vitest-ml.md'])
    expect(JSON.parse(readFileSync(written.json!, 'utf8')).gate.passed).toBe(false)
  })

  it('writes only the formats asked for', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitest-ml-write-'))
    await writeReport(sampleReport(), { outputDir: dir, formats: ['json'] })
    expect(readdirSync(dir)).toEqual(['vitest-ml.json'])
  })

  it('refuses to write an invalid report, naming the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitest-ml-write-'))
    const broken = { ...sampleReport(), summary: { checks: 'many' } } as unknown as Report
    await expect(writeReport(broken, { outputDir: dir })).rejects.toThrow(/validateReport: expected the report about to be written to match its schema, received \/summary: missing field "tests"/)
    expect(readdirSync(dir)).toEqual([])
  })
})
