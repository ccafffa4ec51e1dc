import { META_KEY } from './check-record.js'

/** A data profile a test published under a name, as stored on the test's meta (`task.meta.vitestMl.profiles`). */
export interface PublishedProfile {
  /** The name the profile was published under; profiles of one name from every test and shard are merged. */
  readonly name: string
  /** The profile, as JSON-ready data (a `DataProfile`; checked again when the report merges it). */
  readonly profile: unknown
}

/**
 * Adds a published profile to a test's meta, next to the check records, so it survives `--merge-reports`.
 *
 * @param meta - the test's meta object (`task.meta`)
 * @param published - the name and profile
 * @example
 * ```ts
 * onTestFinished(({ task }) => storePublishedProfile(task.meta, { name: 'flights', profile }))
 * ```
 */
export function storePublishedProfile(meta: object, published: PublishedProfile): void {
  const record = meta as Record<string, unknown>
  const existing = record[META_KEY] as { checks?: unknown[]; profiles?: PublishedProfile[] } | undefined
  if (existing === undefined) record[META_KEY] = { checks: [], profiles: [published] }
  else {
    existing.profiles ??= []
    existing.profiles.push(published)
  }
}

/**
 * Reads the profiles a test published (safe on any meta object).
 *
 * @param meta - a task's meta object (`testCase.meta()` in a reporter)
 * @returns the published profiles, in publishing order; entries without a string name are skipped
 * @example
 * ```ts
 * profilesFromMeta(testCase.meta()) // [{ name: 'flights', profile: { format: 'vitest-ml/profile', ... } }]
 * ```
 */
export function profilesFromMeta(meta: unknown): PublishedProfile[] {
  if (typeof meta !== 'object' || meta === null) return []
  const stored = (meta as Record<string, unknown>)[META_KEY]
  if (typeof stored !== 'object' || stored === null) return []
  const profiles = (stored as { profiles?: unknown }).profiles
  if (!Array.isArray(profiles)) return []
  return profiles.filter(
    (entry): entry is PublishedProfile => typeof entry === 'object' && entry !== null && typeof (entry as { name?: unknown }).name === 'string',
  )
}
