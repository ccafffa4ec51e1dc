import type { RunError } from '../checklist/run-facts.js'
import type { DataProfile } from '../profile/data-profile.js'
import { mergeProfiles } from '../profile/merge-profiles.js'
import { parseProfile } from '../profile/parse-profile.js'
import type { PublishedProfile } from '../record/published-profile.js'

/** A profile as the report holds it: every part published under its name, merged. */
export interface ReportProfile {
  /** How many published profiles were merged into it. */
  readonly parts: number
  /** The tests that published them (`file > test`), in report order. */
  readonly sources: readonly string[]
  /** The merged profile. */
  readonly profile: DataProfile
}

/** What {@link mergePublishedProfiles} returns. */
export interface MergedProfiles {
  /** Name to merged profile, names sorted. */
  readonly profiles: Readonly<Record<string, ReportProfile>>
  /** One error per name whose parts could not be read or merged (the run then cannot be called ready). */
  readonly errors: readonly RunError[]
}

/**
 * Merges the profiles the tests published (`publishProfile`), name by name, in the report's test order — the same
 * order whether the run was one process or shards merged with `--merge-reports` — so the report holds one profile per
 * name. A part that is not a profile, or parts that cannot be merged (other columns or sketch settings), give an error
 * naming the tests, and the name is left out rather than reported from a subset of its parts.
 *
 * @param tests - the report's tests, sorted, each with the profiles it published
 * @returns the merged profiles and the errors
 * @example
 * ```ts
 * mergePublishedProfiles([{ source: 'a.test.ts > part 1', profiles: [{ name: 'flights', profile: p1 }] },
 *                         { source: 'b.test.ts > part 2', profiles: [{ name: 'flights', profile: p2 }] }])
 * // { profiles: { flights: { parts: 2, sources: [...], profile: mergeProfiles(p1, p2) } }, errors: [] }
 * ```
 */
export function mergePublishedProfiles(tests: readonly { readonly source: string; readonly profiles: readonly PublishedProfile[] }[]): MergedProfiles {
  const byName = new Map<string, { sources: string[]; parts: unknown[] }>()
  for (const test of tests) {
    for (const published of test.profiles) {
      const entry = byName.get(published.name) ?? { sources: [], parts: [] }
      entry.sources.push(test.source)
      entry.parts.push(published.profile)
      byName.set(published.name, entry)
    }
  }
  const profiles: Record<string, ReportProfile> = {}
  const errors: RunError[] = []
  for (const name of [...byName.keys()].sort()) {
    const { sources, parts } = byName.get(name)!
    try {
      const read = parts.map((part, index) => parseProfile(part, `the profile "${name}" published by ${sources[index]}`))
      profiles[name] = { parts: read.length, sources, profile: read.length === 1 ? read[0]! : mergeProfiles(...read) }
    } catch (error) {
      errors.push({
        origin: 'config',
        message: `the profiles published as "${name}" (by ${[...new Set(sources)].join('; ')}) cannot be merged: ${(error as Error).message.split('\n')[0]}`,
      })
    }
  }
  return { profiles, errors }
}
