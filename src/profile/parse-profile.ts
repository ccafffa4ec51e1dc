import { VitestMlError } from '../util/errors.js'
import { type DataProfile, isDataProfile, PROFILE_FORMAT } from './data-profile.js'

/**
 * Reads a profile back from JSON text (or an already parsed object), checking its format tag, version and the shape of
 * every column, so a truncated or foreign file is a clear error rather than a silent wrong answer.
 *
 * @param json - the JSON text, or the parsed value
 * @param source - where it came from, for errors @defaultValue 'the profile'
 * @returns the profile
 * @example
 * ```ts
 * const reference = parseProfile(await readFile('profiles/january.json', 'utf8'))
 * ```
 */
export function parseProfile(json: string | unknown, source = 'the profile'): DataProfile {
  let value: unknown = json
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json)
    } catch (error) {
      throw new VitestMlError(
        'parseProfile',
        `JSON in ${source}`,
        (error as Error).message,
        'The file may be truncated; write profiles with JSON.stringify(profile).',
        { cause: error },
      )
    }
  }
  if (!isDataProfile(value))
    throw new VitestMlError(
      'parseProfile',
      `a profile (format "${PROFILE_FORMAT}") in ${source}`,
      describe(value),
      'Build profiles with profile(), profileStream() or profileWithDuckDb().',
    )
  if (value.version !== 1)
    throw new VitestMlError('parseProfile', 'profile format version 1', String(value.version), 'Rebuild the profile with this version of vitest-ml.')
  if (typeof value.columns !== 'object' || value.columns === null || !Number.isInteger(value.rows))
    throw new VitestMlError('parseProfile', `columns and rows in ${source}`, 'neither', 'The profile is damaged; rebuild it.')
  for (const [name, column] of Object.entries(value.columns)) {
    const ok =
      column.kind === 'numeric'
        ? typeof column.moments === 'object' && typeof column.summary === 'object' && (column.summary.exact !== undefined || column.summary.kll !== undefined)
        : column.kind === 'categorical' && Array.isArray(column.categories?.counts)
    if (!ok)
      throw new VitestMlError(
        'parseProfile',
        `a numeric or categorical summary for column "${name}" in ${source}`,
        JSON.stringify(column).slice(0, 80),
        'The profile is damaged; rebuild it.',
      )
  }
  // JSON has no Infinity: the moments of an empty column come back as null.
  const columns = Object.fromEntries(
    Object.entries(value.columns).map(([name, column]) => [
      name,
      column.kind === 'numeric' && column.moments.count === 0
        ? { ...column, moments: { ...column.moments, mean: Number.NaN, min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY } }
        : column,
    ]),
  )
  return { ...value, columns }
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (typeof value !== 'object') return typeof value
  const format = (value as { format?: unknown }).format
  return format === undefined ? `an object with keys ${Object.keys(value).slice(0, 5).join(', ')}` : `format ${JSON.stringify(format)}`
}
