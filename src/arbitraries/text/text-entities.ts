import { cachedAnalysis, compromise, type NlpMatch, type NlpTerm } from './compromise-nlp.js'

/** A span of a text that an entity perturbation can replace. */
export interface EntitySpan {
  readonly start: number
  readonly end: number
  readonly text: string
  /** What compromise says it is: `female` / `male` / `first` (a first name of either), `last`, `city`, `country`, `number`. */
  readonly type: string
}

function terms(match: NlpMatch): readonly NlpTerm[] {
  return match.terms
}

/** Groups a match's terms into runs not separated by punctuation (`Paris, France` -> `Paris` and `France`). */
function runs(match: NlpMatch): NlpTerm[][] {
  const groups: NlpTerm[][] = []
  let current: NlpTerm[] = []
  for (const term of terms(match)) {
    current.push(term)
    if (term.post.trim() !== '') {
      groups.push(current)
      current = []
    }
  }
  if (current.length > 0) groups.push(current)
  return groups
}

function span(text: string, group: readonly NlpTerm[], type: string): EntitySpan {
  const first = group[0] as NlpTerm
  const last = group[group.length - 1] as NlpTerm
  const start = first.offset.start
  const end = last.offset.start + last.text.length
  return { start, end, text: text.slice(start, end), type }
}

const json = { offset: true, terms: { offset: true } }

/**
 * The first and last names of the people compromise finds in a text, each with its type: `female`, `male` or `first`
 * (a first name compromise does not gender), and `last`.
 *
 * @param text - the text
 * @returns name spans in text order
 * @example
 * ```ts
 * findNames('Maria Garcia loved it.') // [{ text: 'Maria', type: 'female', ... }, { text: 'Garcia', type: 'last', ... }]
 * ```
 */
export function findNames(text: string): readonly EntitySpan[] {
  return cachedAnalysis('names', text, () =>
    compromise()(text)
      .people()
      .json(json)
      .flatMap((match) =>
        match.terms.flatMap((term): EntitySpan[] => {
          const tags = term.tags
          const type = tags.includes('FemaleName')
            ? 'female'
            : tags.includes('MaleName')
              ? 'male'
              : tags.includes('FirstName')
                ? 'first'
                : tags.includes('LastName')
                  ? 'last'
                  : undefined
          return type === undefined || !/^\p{Lu}/u.test(term.text) ? [] : [span(text, [term], type)]
        }),
      ),
  )
}

/**
 * The cities and countries compromise finds in a text (regions and abbreviations such as `US` are left alone).
 *
 * @param text - the text
 * @returns place spans in text order, typed `city` or `country`
 * @example
 * ```ts
 * findPlaces('We met in Paris, France.') // [{ text: 'Paris', type: 'city' }, { text: 'France', type: 'country' }]
 * ```
 */
export function findPlaces(text: string): readonly EntitySpan[] {
  return cachedAnalysis('places', text, () =>
    compromise()(text)
      .places()
      .json(json)
      .flatMap((match) =>
        runs(match).flatMap((group): EntitySpan[] => {
          const tags = group.flatMap((term) => term.tags)
          const type = tags.includes('Country') ? 'country' : tags.includes('City') ? 'city' : undefined
          const found = span(text, group, type ?? '')
          return type === undefined || found.text === found.text.toUpperCase() ? [] : [found]
        }),
      ),
  )
}

/**
 * The numbers written with digits that compromise finds in a text (amounts such as `$30.50` included; the span is the
 * digits alone, so `$` and units stay).
 *
 * @param text - the text
 * @returns number spans in text order
 * @example
 * ```ts
 * findNumbers('I paid $30.50 for 2 phones').map((s) => s.text) // ['30.50', '2']
 * ```
 */
export function findNumbers(text: string): readonly EntitySpan[] {
  return cachedAnalysis('numbers', text, () =>
    compromise()(text)
      .numbers()
      .json(json)
      .flatMap((match): EntitySpan[] => {
        const first = match.terms[0]
        const last = match.terms[match.terms.length - 1]
        if (first === undefined || last === undefined) return []
        const start = first.offset.start
        const whole = text.slice(start, last.offset.start + last.text.length)
        const digits = /\d+(?:[.,]\d+)*/.exec(whole)
        return digits === null ? [] : [{ start: start + digits.index, end: start + digits.index + digits[0].length, text: digits[0], type: 'number' }]
      }),
  )
}

/**
 * The contractions compromise finds in a text, each with its expansion (compromise resolves `'s` and `'d` from
 * context: `he's been` -> `he has been`, `it's good` -> `it is good`).
 *
 * @param text - the text
 * @returns spans typed `contraction`, with `expansion`
 * @example
 * ```ts
 * findContractions("I don't know")[0] // { text: "don't", expansion: 'do not', ... }
 * ```
 */
export function findContractions(text: string): readonly (EntitySpan & { readonly expansion: string })[] {
  return cachedAnalysis('contractions', text, () =>
    compromise()(text)
      .contractions()
      .json(json)
      .flatMap((match) => {
        const first = match.terms[0]
        if (first === undefined || first.text === '') return []
        const words = match.terms.map((term) => term.implicit ?? term.text).filter((word) => word !== '')
        if (words.length < 2) return []
        const surface = first.text
        const expansion = words.join(' ')
        const cased =
          surface === surface.toUpperCase() && surface !== surface.toLowerCase()
            ? expansion.toUpperCase()
            : /^\p{Lu}/u.test(surface) || words[0] === 'i'
              ? expansion.replace(/^./, (letter) => letter.toUpperCase())
              : expansion
        return [
          { start: first.offset.start, end: first.offset.start + surface.length, text: surface, type: 'contraction', expansion: cased.replace(/\bi\b/g, 'I') },
        ]
      }),
  )
}

/**
 * The adjectives compromise finds in a text that no adverb already modifies (sites where an intensifier can go).
 *
 * @param text - the text
 * @returns adjective spans in text order
 * @example
 * ```ts
 * findAdjectives('The screen is good').map((s) => s.text) // ['good']
 * ```
 */
export function findAdjectives(text: string): readonly EntitySpan[] {
  return cachedAnalysis('adjectives', text, () => {
    const found: EntitySpan[] = []
    const all = compromise()(text)
      .json({ offset: true, terms: { offset: true } })
      .flatMap((sentence) => sentence.terms)
    all.forEach((term, index) => {
      const previous = all[index - 1]
      if (term.tags.includes('Adjective') && !(previous?.tags.includes('Adverb') ?? false) && /^\p{L}+$/u.test(term.text))
        found.push(span(text, [term], 'adjective'))
    })
    return found
  })
}
