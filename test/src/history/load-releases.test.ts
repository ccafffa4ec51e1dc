import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findReportFiles } from '../../../src/history/find-report-files.js'
import { loadReleases } from '../../../src/history/load-releases.js'
import { writeReport } from '../../../src/report/write-report.js'
import { releaseReport, writeReleaseSeries } from '../../support/release-reports.js'

describe('findReportFiles', () => {
  it('takes named files as they are, searches folders without following links, and names what is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitest-ml-find-'))
    mkdirSync(join(dir, 'runs', 'a'), { recursive: true })
    mkdirSync(join(dir, 'runs', '.tmp-b'), { recursive: true })
    writeFileSync(join(dir, 'runs', 'a', 'vitest-ml.json'), '{}')
    writeFileSync(join(dir, 'runs', '.tmp-b', 'vitest-ml.json'), '{}')
    writeFileSync(join(dir, 'notes.md'), '')
    symlinkSync(join('runs', 'a', 'vitest-ml.json'), join(dir, 'vitest-ml.json'))
    symlinkSync(join('runs', 'a'), join(dir, 'current'))
    expect(findReportFiles([dir, join(dir, 'notes.md'), join(dir, 'gone.json')])).toEqual({
      named: [join(dir, 'notes.md')],
      found: [join(dir, 'runs', 'a', 'vitest-ml.json')],
      missing: [join(dir, 'gone.json')],
    })
  })
})

describe('loadReleases', () => {
  it('reads a folder of releases oldest first, labelled by file name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitest-ml-releases-'))
    writeReleaseSeries(dir, { count: 4 })
    const loaded = loadReleases([dir])
    expect(loaded.releases.map((release) => release.label)).toEqual(['v1.00.0', 'v1.01.0', 'v1.02.0', 'v1.03.0'])
    expect(loaded.refused).toEqual([])
  })

  it('labels a report set by its folder, and keeps a report reached twice once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitest-ml-sets-'))
    await writeReport(releaseReport(0, { count: 1 }), { outputDir: join(dir, 'v2.0'), formats: ['json'] })
    await writeReport(releaseReport(1, { count: 2 }), { outputDir: join(dir, 'v2.1'), formats: ['json'] })
    const loaded = loadReleases([dir, join(dir, 'v2.1', 'vitest-ml.json')])
    expect(loaded.releases.map((release) => release.label)).toEqual(['v2.0', 'v2.1'])
    expect(loaded.duplicates).toEqual([expect.stringMatching(/v2\.1[\\/]runs[\\/]release-001-[0-9a-f-]+[\\/]vitest-ml\.json$/)])
    // Several runs of one report folder are told apart by their run ids.
    await writeReport(releaseReport(2, { count: 3 }), { outputDir: join(dir, 'v2.1'), formats: ['json'] })
    expect(loadReleases([join(dir, 'v2.1')]).releases.map((release) => release.label)).toEqual([
      expect.stringMatching(/^v2\.1 \(release-001-/),
      expect.stringMatching(/^v2\.1 \(release-002-/),
    ])
  })

  it('refuses an edited report and one of format version 1 with their reasons, and skips JSON that is no report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitest-ml-bad-releases-'))
    const { paths } = writeReleaseSeries(dir, { count: 3 })
    const edited = JSON.parse(readFileSync(paths[1]!, 'utf8')) as { gate: { passed: boolean } }
    edited.gate.passed = false
    writeFileSync(paths[1]!, JSON.stringify(edited))
    writeFileSync(join(dir, 'v0.9.json'), JSON.stringify({ schemaVersion: 1, checks: [] }))
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x' }))
    const loaded = loadReleases([dir])
    expect(loaded.releases.map((release) => release.label)).toEqual(['v1.00.0', 'v1.02.0'])
    expect(loaded.ignored).toEqual([join(dir, 'package.json')])
    expect(loaded.refused.map((entry) => [entry.path, entry.message.split('\n')[0]])).toEqual([
      [join(dir, 'v0.9.json'), expect.stringMatching(/^readReport: expected a report of format version 2 or 3 in .*v0\.9\.json, received format version 1\.$/)],
      [paths[1], `vitest-ml: ${paths[1]} is inconsistent: its stored fields do not follow from its own checks and tests, so no verdict is given.`],
    ])
  })
})
