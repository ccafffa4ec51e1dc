import { describe, expect, it, onTestFinished } from 'vitest'
import { datasetFromRows } from '../../../src/data/dataset.js'
import type { DataProfile } from '../../../src/profile/data-profile.js'
import { profile } from '../../../src/profile/profile-builder.js'
import { publishProfile } from '../../../src/profile/publish-profile.js'
import { profilesFromMeta } from '../../../src/record/published-profile.js'

const small = profile(
  datasetFromRows(
    [
      { x: 1, c: 'a' },
      { x: 2, c: 'b' },
      { x: Number.NaN, c: 'a' },
    ],
    { name: 'small' },
  ),
)

let outside: unknown
describe('publishProfile', () => {
  try {
    publishProfile('small', small)
  } catch (error) {
    outside = error
  }

  it('refuses a call outside a test, saying where to call it', () => {
    expect(String(outside)).toMatch(/publishProfile: expected a call inside a running test.*Hint: Call publishProfile from a test body/s)
  })

  it('refuses an empty name and something that is not a profile', () => {
    expect(() => publishProfile('  ', small)).toThrow(/expected a non-empty name for the profile, received " {2}"/)
    expect(() => publishProfile('rows', [{ x: 1 }] as unknown as DataProfile)).toThrow(/expected a data profile, received object.*profile\(data\)/s)
  })

  it('stores a JSON copy on the test when it finishes (changes made afterwards are not seen)', ({ task }) => {
    // Registered first, so it runs after publishProfile's own handler (Vitest runs these hooks last in, first out).
    onTestFinished(() => {
      const stored = profilesFromMeta(task.meta)
      expect(stored.map((entry) => entry.name)).toEqual(['small'])
      expect((stored[0]!.profile as DataProfile).rows).toBe(3)
    })
    const mutable = JSON.parse(JSON.stringify(small)) as { rows: number } & DataProfile
    publishProfile('small', mutable)
    mutable.rows = 999
  })
})
