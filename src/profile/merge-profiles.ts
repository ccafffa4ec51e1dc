import { VitestMlError } from '../util/errors.js'
import { mergeCategories } from './category-summary.js'
import { type ColumnProfile, type DataProfile, PROFILE_FORMAT } from './data-profile.js'
import { mergeMoments } from './moments.js'
import { mergeNumericSummaries } from './numeric-summary.js'

/**
 * The profile of two datasets concatenated, from their profiles alone: counts and moments add exactly, exact value
 * counts add, KLL sketches merge with the same rank-error guarantee, category counts add (with their Misra-Gries
 * errors). Merging is associative and commutative, so shards profiled apart (Vitest shards, warehouse partitions,
 * days of a month) merge in any order. Both profiles must have the same columns, kinds and sketch settings.
 *
 * @param profiles - two or more profiles
 * @returns the merged profile (the inputs are unchanged)
 * @example
 * ```ts
 * const month = mergeProfiles(week1, week2, week3, week4)
 * month.rows === week1.rows + week2.rows + week3.rows + week4.rows // true
 * ```
 */
export function mergeProfiles(...profiles: readonly DataProfile[]): DataProfile {
  const [first, ...rest] = profiles
  if (first === undefined) throw new VitestMlError('mergeProfiles', 'at least one profile', 'none', 'Pass the profiles to merge: mergeProfiles(a, b).')
  return rest.reduce(mergeTwo, first)
}

function mergeTwo(left: DataProfile, right: DataProfile): DataProfile {
  const settings = left.settings
  for (const key of ['k', 'exactLimit', 'maxCategories', 'seed'] as const) {
    if (settings[key] !== right.settings[key])
      throw new VitestMlError(
        'mergeProfiles',
        `profiles built with the same settings (${key} ${settings[key]})`,
        `${key} ${right.settings[key]} in "${right.name}"`,
        'Build every profile you merge with the same k, exactLimit, maxCategories and seed.',
      )
  }
  const names = Object.keys(left.columns)
  const otherNames = Object.keys(right.columns)
  if (names.length !== otherNames.length || names.some((name) => !(name in right.columns))) {
    throw new VitestMlError(
      'mergeProfiles',
      `profiles of the same columns (${names.join(', ')})`,
      `columns ${otherNames.join(', ')} in "${right.name}"`,
      'Profile the same columns in every shard (the `columns` option).',
    )
  }
  const columns: Record<string, ColumnProfile> = {}
  for (const name of names) columns[name] = mergeColumns(name, left.columns[name] as ColumnProfile, right.columns[name] as ColumnProfile, left)
  return {
    format: PROFILE_FORMAT,
    version: 1,
    name: left.name === right.name ? left.name : `${left.name}+${right.name}`,
    rows: left.rows + right.rows,
    settings,
    columns,
    skipped: [...new Set([...left.skipped, ...right.skipped])],
    source: 'merge',
  }
}

function mergeColumns(name: string, left: ColumnProfile, right: ColumnProfile, profile: DataProfile): ColumnProfile {
  if (left.kind === 'numeric' && right.kind === 'numeric') {
    return {
      kind: 'numeric',
      rows: left.rows + right.rows,
      missing: left.missing + right.missing,
      nonFinite: left.nonFinite + right.nonFinite,
      moments: mergeMoments(left.moments, right.moments),
      summary: mergeNumericSummaries(left.summary, right.summary, profile.settings),
    }
  }
  if (left.kind === 'categorical' && right.kind === 'categorical') {
    return {
      kind: 'categorical',
      rows: left.rows + right.rows,
      missing: left.missing + right.missing,
      categories: mergeCategories(left.categories, right.categories, profile.settings.maxCategories),
    }
  }
  throw new VitestMlError(
    'mergeProfiles',
    `column "${name}" of one kind in both profiles`,
    `${left.kind} and ${right.kind}`,
    `Profile "${name}" the same way in every shard (\`categorical: ['${name}']\` makes it categorical).`,
  )
}
