import { describe, expect, it } from 'vitest'
import { datasetFromRows } from '../../../src/data/dataset.js'
import { profile } from '../../../src/profile/profile-builder.js'
import type { CollectedTest } from '../../../src/report/build-report.js'
import { validateReport } from '../../../src/report/validate-report.js'
import { sampleReport } from './sample-report.js'

const part = (values: readonly number[], options: { k?: number } = {}) =>
  profile(datasetFromRows(values.map((x, index) => ({ x, colour: index % 2 === 0 ? 'red' : 'blue' }))), { k: options.k ?? 16, exactLimit: 4 })

const publishing = (file: string, name: string, profiles: CollectedTest['profiles']): CollectedTest => ({
  file,
  fullName: name,
  namePattern: name,
  state: 'passed',
  checks: [],
  ...(profiles === undefined ? {} : { profiles }),
})

describe('buildReport with published profiles', () => {
  const first = part([1, 2, 3, 4, 5, 6])
  const second = part([7, 8, 9, 10])

  it('merges the parts of each name into report.profiles, in report order, whatever order the tests arrive in', () => {
    const tests = [
      publishing('test/b.test.ts', 'second part', [{ name: 'x', profile: second }]),
      publishing('test/a.test.ts', 'first part', [{ name: 'x', profile: first }]),
      publishing('test/c.test.ts', 'none', undefined),
    ]
    const report = sampleReport({ tests })
    expect(Object.keys(report.profiles ?? {})).toEqual(['x'])
    const merged = report.profiles!['x']!
    expect(merged.parts).toBe(2)
    expect(merged.sources).toEqual(['test/a.test.ts > first part', 'test/b.test.ts > second part'])
    expect(merged.profile.rows).toBe(10)
    const column = merged.profile.columns['x']!
    expect(column.kind === 'numeric' ? [column.moments.count, column.moments.min, column.moments.max, column.moments.mean] : []).toEqual([10, 1, 10, 5.5])
    expect(sampleReport({ tests: [...tests].reverse() }).profiles).toEqual(report.profiles)
    expect(report.errors).toEqual([])
    expect(() => validateReport(report)).not.toThrow()
  })

  it('has no profiles field when no test published one', () => {
    const report = sampleReport({ tests: [publishing('test/a.test.ts', 'plain', undefined), publishing('test/b.test.ts', 'empty list', [])] })
    expect('profiles' in report).toBe(false)
  })

  it('makes parts that cannot be merged an error of the run, leaves the name out and fails the gate', () => {
    const report = sampleReport({
      tests: [
        publishing('test/a.test.ts', 'k 16', [{ name: 'x', profile: first }]),
        publishing('test/b.test.ts', 'k 32', [{ name: 'x', profile: part([7, 8], { k: 32 }) }]),
      ],
    })
    expect(report.profiles).toBeUndefined()
    expect(report.errors).toEqual([
      {
        origin: 'config',
        message: expect.stringMatching(
          /^the profiles published as "x" \(by test\/a\.test\.ts > k 16; test\/b\.test\.ts > k 32\) cannot be merged: mergeProfiles: expected profiles built with the same settings \(k 16\), received k 32/,
        ),
      },
    ])
    expect(report.summary.errors).toBe(1)
    expect(report.gate.passed).toBe(false)
  })

  it('refuses a part that is not a profile, naming the test that published it', () => {
    const report = sampleReport({ tests: [publishing('test/a.test.ts', 'odd', [{ name: 'x', profile: { rows: 3 } }])] })
    expect(report.errors[0]?.message).toMatch(
      /^the profiles published as "x" \(by test\/a\.test\.ts > odd\) cannot be merged: parseProfile: expected a profile .* in the profile "x" published by test\/a\.test\.ts > odd/,
    )
  })
})
