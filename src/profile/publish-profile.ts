import { onTestFinished } from 'vitest'
import { storePublishedProfile } from '../record/published-profile.js'
import { VitestMlError } from '../util/errors.js'
import { type DataProfile, isDataProfile } from './data-profile.js'
import { parseProfile } from './parse-profile.js'

/**
 * Publishes a data profile into the vitest-ml report under a name. Every profile published under one name — by several
 * tests, or by the shards of a sharded run (`vitest --shard=i/n` then `vitest --merge-reports`) — is merged with
 * `mergeProfiles` into `report.profiles[name]`, so each shard can profile its own partition of the data and the report
 * holds the profile of all of it; a later run reads it back with `readReportProfile` as its reference. The profile is
 * copied as JSON when published (later changes to the object are not seen). Call it inside a test.
 *
 * @param name - the name to publish under (`flights-2026-06`); profiles of one name must share columns and settings
 * @param dataProfile - a profile from `profile`, `profileStream`, `profileWithDuckDb` or `mergeProfiles`
 * @throws VitestMlError outside a test, for an empty name, or for something that is not a profile
 * @example
 * ```ts
 * test('profile this shard of June', async () => {
 *   publishProfile('flights-june', await profileWithDuckDb(`flights-june-part-${part}.parquet`))
 * })
 * // after `vitest --merge-reports`: readReportProfile('reports/vitest-ml.json', 'flights-june').rows === all of June
 * ```
 */
export function publishProfile(name: string, dataProfile: DataProfile): void {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new VitestMlError(
      'publishProfile',
      'a non-empty name for the profile',
      JSON.stringify(name) ?? String(name),
      "Name the profile as the report should list it: publishProfile('flights-june', profile).",
    )
  }
  if (!isDataProfile(dataProfile)) {
    throw new VitestMlError(
      'publishProfile',
      'a data profile',
      typeof dataProfile,
      'Build it with profile(data), profileStream(...) or profileWithDuckDb(...).',
    )
  }
  const copy = parseProfile(JSON.stringify(dataProfile), `profile "${name}"`)
  try {
    onTestFinished(({ task }) => storePublishedProfile(task.meta, { name, profile: JSON.parse(JSON.stringify(copy)) as unknown }))
  } catch (error) {
    throw new VitestMlError(
      'publishProfile',
      'a call inside a running test',
      (error as Error).message.split('\n')[0] ?? 'a call outside a test',
      'Call publishProfile from a test body, where the report can tie the profile to the test.',
      { cause: error },
    )
  }
}
