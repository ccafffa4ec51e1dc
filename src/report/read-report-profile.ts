import type { DataProfile } from '../profile/data-profile.js'
import { parseProfile } from '../profile/parse-profile.js'
import { VitestMlError } from '../util/errors.js'
import { readReport } from './read-report.js'
import type { Report } from './report.js'

/**
 * Reads a data profile a run published (`publishProfile`) back from its report — merged across the run's tests and
 * shards — to use as the reference of a later drift test (`profileDrift(reference, current)`).
 *
 * @param report - the path of a `vitest-ml.json` report, or a report already read
 * @param name - the name the profile was published under
 * @returns the profile
 * @throws VitestMlError when the report has no profile of that name (naming those it has)
 * @example
 * ```ts
 * const june = readReportProfile('reports/release.json', 'flights-june')
 * const result = profileDrift(june, profile(todaysFlights))
 * ```
 */
export function readReportProfile(report: string | Report, name: string): DataProfile {
  const read = typeof report === 'string' ? readReport(report) : report
  const where = typeof report === 'string' ? report : `the report "${read.title}"`
  const entry = read.profiles?.[name]
  if (entry === undefined) {
    const names = Object.keys(read.profiles ?? {})
    throw new VitestMlError(
      'readReportProfile',
      `a profile published as "${name}" in ${where}`,
      names.length === 0 ? 'no published profiles' : `profiles ${names.map((known) => `"${known}"`).join(', ')}`,
      'Publish it in a test of that run with publishProfile(name, profile); names are matched exactly.',
    )
  }
  return parseProfile(entry.profile, `the profile "${name}" of ${where}`)
}
