// Writes lexicons/first-names.json, lexicons/last-names.json and lexicons/places.json from the lexicon of the
// `compromise` package (MIT), the NLP library the text perturbations use to find names and places. Only entries that
// compromise itself recognises in a sentence are kept (a name in "NAME said it was fine.", a place in "They flew to
// PLACE last year."), so a name or place swapped in is found again by the next perturbation.
//
// Run: npx tsx scripts/lexicons/make-lexicons.ts   (deterministic: sorted output, no randomness)
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

interface Doc {
  people(): { out(format: 'array'): string[] }
  places(): { out(format: 'array'): string[] }
}
type Nlp = ((text: string) => Doc) & { model(): { one: { lexicon: Record<string, string | string[]> } } }

const require = createRequire(import.meta.url)
const nlp = require('compromise') as Nlp
// compromise's exports hide its package.json: read it beside the CommonJS build (builds/three/compromise-three.cjs).
const version = (JSON.parse(readFileSync(join(dirname(require.resolve('compromise')), '../../package.json'), 'utf8')) as { version: string }).version

const byTag = new Map<string, string[]>()
for (const [word, tags] of Object.entries(nlp.model().one.lexicon)) {
  for (const tag of Array.isArray(tags) ? tags : [tags]) byTag.set(tag, [...(byTag.get(tag) ?? []), word])
}
const SMALL_WORDS = new Set(['and', 'of', 'the', 'de', 'da', 'del', 'du', 'la', 'le'])
const titleCase = (phrase: string): string =>
  phrase
    .split(' ')
    .map((word, index) => (word.length === 0 || (index > 0 && SMALL_WORDS.has(word)) ? word : word[0]?.toUpperCase() + word.slice(1)))
    .join(' ')
const plain = (word: string): boolean => /^[a-z]+( [a-z]+)*$/.test(word) && word.replace(/ /g, '').length >= 3
const found = (sentence: string, value: string, kind: 'people' | 'places'): boolean =>
  nlp(sentence)
    [kind]()
    .out('array')
    .some((text) => text.replace(/[.,!?]+$/, '') === value)

function names(tag: string): string[] {
  return (byTag.get(tag) ?? [])
    .filter((word) => plain(word) && !word.includes(' '))
    .map(titleCase)
    .filter((name) => found(`${name} said it was fine.`, name, 'people'))
    .sort()
}
function places(tag: string): string[] {
  return (byTag.get(tag) ?? [])
    .filter(plain)
    .map(titleCase)
    .filter((place) => found(`They flew to ${place} last year.`, place, 'places'))
    .sort()
}

const source = `compromise ${version} (MIT, https://github.com/spencermountain/compromise): its lexicon, entries it recognises in a sentence`
const write = (file: string, content: object): void => writeFileSync(file, `${JSON.stringify(content, null, 1)}\n`)
const female = names('FemaleName')
const male = names('MaleName').filter((name) => !female.includes(name))
write('lexicons/first-names.json', { source, license: 'MIT', generatedBy: 'scripts/lexicons/make-lexicons.ts', female, male })
write('lexicons/last-names.json', { source, license: 'MIT', generatedBy: 'scripts/lexicons/make-lexicons.ts', last: names('LastName') })
write('lexicons/places.json', {
  source,
  license: 'MIT',
  generatedBy: 'scripts/lexicons/make-lexicons.ts',
  cities: places('City'),
  countries: places('Country'),
})
console.log({ female: female.length, male: male.length, last: names('LastName').length, cities: places('City').length, countries: places('Country').length })
