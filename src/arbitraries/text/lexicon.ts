import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { VitestMlError } from '../../util/errors.js'

/**
 * The word lists that ship with vitest-ml (in the package's `lexicons/` folder, sources and licenses in its README):
 * first names (`first_name`, `female`, `male`) and last names, cities and countries from compromise's lexicon (MIT);
 * professions and sentiment words written for vitest-ml.
 */
export type LexiconName =
  | 'first_name'
  | 'female'
  | 'male'
  | 'last_name'
  | 'city'
  | 'country'
  | 'profession'
  | 'pos_adj'
  | 'neg_adj'
  | 'neutral_adj'
  | 'pos_verb'
  | 'neg_verb'
  | 'intensifier'
  | 'reducer'
  | 'product'

const FILES: Readonly<Record<LexiconName, readonly [file: string, ...keys: string[]]>> = {
  first_name: ['first-names.json', 'female', 'male'],
  female: ['first-names.json', 'female'],
  male: ['first-names.json', 'male'],
  last_name: ['last-names.json', 'last'],
  city: ['places.json', 'cities'],
  country: ['places.json', 'countries'],
  profession: ['professions.json', 'professions'],
  pos_adj: ['sentiment-words.json', 'positive_adjectives'],
  neg_adj: ['sentiment-words.json', 'negative_adjectives'],
  neutral_adj: ['sentiment-words.json', 'neutral_adjectives'],
  pos_verb: ['sentiment-words.json', 'positive_verbs'],
  neg_verb: ['sentiment-words.json', 'negative_verbs'],
  intensifier: ['sentiment-words.json', 'intensifiers'],
  reducer: ['sentiment-words.json', 'reducers'],
  product: ['sentiment-words.json', 'products'],
}

/** Every shipped lexicon's name. */
export const LEXICON_NAMES = Object.keys(FILES) as readonly LexiconName[]

let directory: string | undefined
const files = new Map<string, Record<string, unknown>>()

/**
 * Reads one of the package's lexicon files (`lexicons/<file>`), from the source layout (`src/arbitraries/text/`) or the
 * built one (`dist/src/arbitraries/text/`).
 *
 * @param file - the file name, such as `places.json`
 * @returns its parsed content
 * @example
 * ```ts
 * lexiconFile('places.json').source // 'compromise 14.17.0 (MIT, ...)'
 * ```
 */
export function lexiconFile(file: string): Record<string, unknown> {
  const cached = files.get(file)
  if (cached !== undefined) return cached
  // From src/arbitraries/text/ in the source tree, from dist/chunks/ once built (the package bundles its code there).
  directory ??= ['../../../lexicons/', '../../lexicons/']
    .map((candidate) => fileURLToPath(new URL(candidate, import.meta.url)))
    .find((path) => existsSync(`${path}places.json`))
  if (directory === undefined) {
    throw new VitestMlError(
      'lexicon',
      'the lexicon files of vitest-ml (lexicons/*.json)',
      `none next to ${fileURLToPath(import.meta.url)}`,
      'Reinstall vitest-ml: its package ships lexicons/ beside dist.',
    )
  }
  const content = JSON.parse(readFileSync(`${directory}${file}`, 'utf8')) as Record<string, unknown>
  files.set(file, content)
  return content
}

/**
 * A shipped word list, by name (see {@link LexiconName}).
 *
 * @param name - `first_name`, `city`, `pos_adj`, ...
 * @returns the words
 * @example
 * ```ts
 * lexicon('country').includes('Kenya') // true
 * lexicon('intensifier')[0] // 'very'
 * ```
 */
export function lexicon(name: LexiconName): readonly string[] {
  const entry = FILES[name]
  if (entry === undefined) {
    throw new VitestMlError(
      'lexicon',
      `a lexicon name among ${LEXICON_NAMES.join(', ')}`,
      JSON.stringify(name),
      "Pass your own words in the template's `lexicons` option for anything else.",
    )
  }
  const [file, ...keys] = entry
  const content = lexiconFile(file)
  return keys.flatMap((key) => content[key] as string[])
}
