import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadBaseline } from '../../../src/report/load-baseline.js'
import { snapshotReport } from '../../../src/report/snapshot-report.js'
import { VitestMlError } from '../../../src/util/errors.js'
import { writeAtomically } from '../../../src/util/write-atomically.js'
import { releaseReport } from '../../support/release-reports.js'
import { sampleReport } from './sample-report.js'

describe('loadBaseline', () => {
  const root = mkdtempSync(join(tmpdir(), 'vitest-ml-baseline-'))
  const report = releaseReport(0, { count: 1 })
  writeAtomically(join(root, 'releases', 'v1.0.json'), JSON.stringify(report))

  it('reads and verifies the base, and keeps its path relative to the root', () => {
    expect(loadBaseline('releases/v1.0.json', root)).toEqual({ file: 'releases/v1.0.json', ...snapshotReport(report) })
  })

  it('refuses an edited base: it must not make a regression disappear', () => {
    const edited = JSON.parse(readFileSync(join(root, 'releases', 'v1.0.json'), 'utf8')) as typeof report
    const tampered = { ...edited, checks: edited.checks.map((check) => ({ ...check, metrics: { ...check.metrics, accuracy: 0.5 } })) }
    writeFileSync(join(root, 'edited.json'), JSON.stringify(tampered))
    expect(() => loadBaseline('edited.json', root)).toThrow(VitestMlError)
    expect(() => loadBaseline('edited.json', root)).toThrow(
      /^loadBaseline: expected a base report that agrees with itself at edited\.json, received 1 inconsistencies: integrity: the content hashes to/,
    )
    expect(() => loadBaseline('edited.json', root)).toThrow(/Hint: Point report\.baseline at a report written by the vitest-ml reporter/)
  })

  it('says when the base is missing or of a format it cannot verify', () => {
    expect(() => loadBaseline('nowhere.json', root)).toThrow(/^readReport: expected a report file at .*nowhere\.json, received ENOENT/)
    writeFileSync(join(root, 'v1.json'), JSON.stringify({ schemaVersion: 1, checks: [] }))
    expect(() => loadBaseline('v1.json', root)).toThrow(/received format version 1\.\nHint: Format version 1 was written before reports listed every test/)
  })

  it('snapshots every check without plots, messages or counterexamples', () => {
    const sample = sampleReport()
    const snapshot = snapshotReport(sample)
    expect(snapshot.checks).toHaveLength(sample.checks.length)
    const drift = snapshot.checks.find((check) => check.kind === 'drift')!
    expect(Object.keys(drift).sort()).toEqual(['evidence', 'file', 'id', 'kind', 'metrics', 'negated', 'outcome', 'severity', 'test', 'title'])
    expect(snapshot).toMatchObject({ runId: sample.run.id, digest: sample.integrity.digest, passed: false, mlTestScore: { score: sample.mlTestScore.score } })
    expect(snapshot.checklist).toHaveLength(13)
  })
})
