import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { datasetFromRows } from '../../src/data/dataset.js'
import { profile } from '../../src/profile/profile-builder.js'
import { profileDrift } from '../../src/profile/profile-drift.js'
import { readReportProfile } from '../../src/report/read-report-profile.js'
import type { Report } from '../../src/report/report.js'
import { type FixtureRun, runFixture } from './run-fixture.js'

const PROJECT = fileURLToPath(new URL('./fixtures/profiles/', import.meta.url))
const cars = JSON.parse(readFileSync(fileURLToPath(new URL('../../node_modules/vega-datasets/data/cars.json', import.meta.url)), 'utf8')) as Record<
  string,
  unknown
>[]
const readJson = (path: string): Report => JSON.parse(readFileSync(path, 'utf8')) as Report

describe('profiles published by tests and shards merge in the report', () => {
  const work = mkdtempSync(join(tmpdir(), 'vitest-ml-profiles-'))
  const blobs = join(work, 'blobs')
  let whole: FixtureRun
  let merge: FixtureRun
  let mismatch: FixtureRun

  beforeAll(async () => {
    whole = await runFixture(['run'], { VITEST_ML_OUT: join(work, 'whole') }, PROJECT)
    for (const shard of ['1/2', '2/2']) {
      await runFixture(
        ['run', `--shard=${shard}`, '--reporter=blob', `--outputFile.blob=${join(blobs, `blob-${shard[0]}.json`)}`],
        { VITEST_ML_OUT: join(work, `shard-${shard[0]}`) },
        PROJECT,
      )
    }
    merge = await runFixture(['run', `--merge-reports=${blobs}`], { VITEST_ML_OUT: join(work, 'merged') }, PROJECT)
    mismatch = await runFixture(['run'], { VITEST_ML_OUT: join(work, 'mismatch'), VITEST_ML_MISMATCH: '1' }, PROJECT)
  }, 300_000)

  it('holds one profile of all the cars, merged from the three published parts', () => {
    expect(whole.code, whole.output).toBe(0)
    const report = readJson(join(work, 'whole', 'vitest-ml.json'))
    expect(Object.keys(report.profiles ?? {})).toEqual(['cars'])
    const entry = report.profiles!['cars']!
    expect(entry.parts).toBe(3)
    expect(entry.sources).toEqual([
      'checks/part-a.check.ts > profiles the first part of the cars',
      'checks/part-b.check.ts > profiles the second and third parts of the cars',
      'checks/part-b.check.ts > profiles the second and third parts of the cars',
    ])
    const merged = readReportProfile(join(work, 'whole', 'vitest-ml.json'), 'cars')
    // Counted from cars.json directly, not from a profile.
    expect(merged.rows).toBe(cars.length)
    const horsepower = cars.map((car) => car['Horsepower']).filter((value): value is number => typeof value === 'number')
    const column = merged.columns['Horsepower']!
    expect(column.kind).toBe('numeric')
    if (column.kind !== 'numeric') return
    expect(column.missing).toBe(cars.length - horsepower.length)
    expect(column.moments.count).toBe(horsepower.length)
    expect(column.moments.mean).toBeCloseTo(horsepower.reduce((sum, value) => sum + value, 0) / horsepower.length, 9)
    expect(column.moments.min).toBe(Math.min(...horsepower))
    expect(column.moments.max).toBe(Math.max(...horsepower))
    const origins = merged.columns['Origin']!
    expect(origins.kind).toBe('categorical')
    if (origins.kind !== 'categorical') return
    const counted = new Map<string, number>()
    for (const car of cars) counted.set(String(car['Origin']), (counted.get(String(car['Origin'])) ?? 0) + 1)
    expect(Object.fromEntries(origins.categories.counts)).toEqual(Object.fromEntries(counted))
  })

  it('agrees with the profile of all the rows at once, within the sketch error it states', () => {
    const merged = readReportProfile(join(work, 'whole', 'vitest-ml.json'), 'cars')
    const rows = cars.map((car) => ({ Horsepower: car['Horsepower'], Miles_per_Gallon: car['Miles_per_Gallon'], Origin: car['Origin'] }))
    const direct = profile(datasetFromRows(rows, { name: 'cars' }), { k: 16, exactLimit: 8 })
    for (const name of ['Horsepower', 'Miles_per_Gallon']) {
      const [left, right] = [merged.columns[name]!, direct.columns[name]!]
      if (left.kind !== 'numeric' || right.kind !== 'numeric') throw new Error(`${name} is not numeric`)
      expect(left.moments.count).toBe(right.moments.count)
      expect(left.moments.mean).toBeCloseTo(right.moments.mean, 9)
    }
    // Same rows, so the exact KS statistic is 0: what the profiles give must lie within the error they state, and the
    // sketches really were compacted (a non-zero error), so the merge of sketches is what is being checked.
    const drift = profileDrift(direct, merged)
    expect(drift.driftedFeatures).toEqual([])
    for (const name of ['Horsepower', 'Miles_per_Gallon']) {
      const ks = drift.features.find((feature) => feature.feature === name)?.statistics['ks']
      expect(ks?.error, name).toBeGreaterThan(0)
      expect(ks!.value, name).toBeLessThanOrEqual(ks!.error)
    }
  })

  it('is the same profile when the run is sharded and merged with --merge-reports', () => {
    expect(merge.code, merge.output).toBe(0)
    const one = readJson(join(work, 'whole', 'vitest-ml.json'))
    const fromShards = readJson(join(work, 'merged', 'vitest-ml.json'))
    expect(fromShards.profiles).toEqual(one.profiles)
  })

  it('refuses to merge parts built with other settings: an error of the run, the gate fails, no partial profile', () => {
    expect(mismatch.code).toBe(1)
    expect(mismatch.output).toContain('GATE FAILED')
    const report = readJson(join(work, 'mismatch', 'vitest-ml.json'))
    expect(report.profiles).toBeUndefined()
    expect(report.errors).toEqual([
      expect.objectContaining({
        origin: 'config',
        message: expect.stringMatching(/^the profiles published as "cars" \(by .*mismatch\.check\.ts.*\) cannot be merged: .*k 32/),
      }),
    ])
    expect(() => readReportProfile(report, 'cars')).toThrow(/a profile published as "cars" in the report "fixture: published profiles".*no published profiles/s)
  })

  it('names the profiles a report has when asked for another', () => {
    expect(() => readReportProfile(join(work, 'whole', 'vitest-ml.json'), 'flights')).toThrow(/profile published as "flights".*profiles "cars"/s)
  })
})
