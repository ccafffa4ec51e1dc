import { createRequire } from 'node:module'
import { VitestMlError } from '../../util/errors.js'

/** The parts of compromise's API the text perturbations use (it ships its own types; these keep the use narrow). */
export interface NlpTerm {
  readonly text: string
  readonly pre: string
  readonly post: string
  readonly tags: readonly string[]
  readonly implicit?: string
  readonly offset: { readonly start: number; readonly length: number }
}

/** One match of a compromise view, as `json({ offset: true, terms: { offset: true } })` gives it. */
export interface NlpMatch {
  readonly text: string
  readonly offset: { readonly start: number; readonly length: number }
  readonly terms: readonly NlpTerm[]
  readonly number?: { readonly num?: number }
}

/** A compromise document or view (the methods used here). */
export interface NlpView {
  json(options?: object): NlpMatch[]
  text(): string
  people(): NlpView
  places(): NlpView
  numbers(): NlpView
  contractions(): NlpView
  sentences(): NlpView & { toNegative(): NlpView; toPositive(): NlpView }
  match(pattern: string): NlpView
  eq(index: number): NlpView & { toNegative(): NlpView; toPositive(): NlpView }
  readonly length: number
}

type Nlp = (text: string) => NlpView

let nlp: Nlp | undefined

/**
 * compromise (MIT, spencermountain/compromise), loaded on first use: the text perturbations use it to find people,
 * places, numbers, contractions and adjectives, and to negate sentences. It is loaded synchronously (its CommonJS
 * build, through `createRequire`) so that perturbations stay plain functions, and only when a perturbation that needs
 * it first runs, so `import 'vitest-ml'` does not pay for it (about 0.3 s).
 *
 * @returns compromise's `nlp` function
 * @example
 * ```ts
 * compromise()('Maria flew to Paris').places().json()[0].text // 'Paris'
 * ```
 */
export function compromise(): Nlp {
  if (nlp !== undefined) return nlp
  try {
    nlp = createRequire(import.meta.url)('compromise') as Nlp
  } catch (error) {
    throw new VitestMlError(
      'vitest-ml text perturbations',
      'the package compromise to be installed',
      `an error loading it: ${(error as Error).message}`,
      'Reinstall vitest-ml (compromise is one of its dependencies).',
      { cause: error },
    )
  }
  return nlp
}

const MAX_CACHED = 4000
const cache = new Map<string, unknown>()

/**
 * Memoises one analysis of one text (parsing costs 2-5 ms a sentence; the same sentences come back case after case
 * and while shrinking). At most 4000 entries; the oldest go first.
 *
 * @param kind - which analysis (`people`, `places`, ...)
 * @param text - the text
 * @param analyse - computes it
 * @returns the (cached) result
 * @example
 * ```ts
 * cachedAnalysis('people', text, () => findPeople(text))
 * ```
 */
export function cachedAnalysis<T>(kind: string, text: string, analyse: () => T): T {
  const key = `${kind}\u0000${text}`
  if (cache.has(key)) return cache.get(key) as T
  const result = analyse()
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string)
  cache.set(key, result)
  return result
}

/** A span of a text found by compromise, with the tags of its terms. */
export interface TextSpan {
  readonly start: number
  readonly end: number
  readonly text: string
  readonly tags: readonly (readonly string[])[]
}

/**
 * The spans of a compromise view over `text`, trimmed of the punctuation compromise keeps attached (`Paris,`).
 *
 * @param text - the text the view was made from
 * @param view - a view (people, places, numbers ...)
 * @returns spans in text order
 * @example
 * ```ts
 * spansOf('John flew to Paris.', compromise()('John flew to Paris.').places()) // [{ start: 13, end: 18, text: 'Paris', ... }]
 * ```
 */
export function spansOf(text: string, view: NlpView): TextSpan[] {
  return view.json({ offset: true, terms: { offset: true } }).flatMap((match) => {
    const first = match.terms[0]
    const last = match.terms[match.terms.length - 1]
    if (first === undefined || last === undefined) return []
    const start = first.offset.start
    const end = last.offset.start + last.text.length
    const span = text.slice(start, end)
    return span.length === 0 ? [] : [{ start, end, text: span, tags: match.terms.map((term) => term.tags) }]
  })
}
