import seedrandom from 'seedrandom'
import { LEXICON_NAMES, type LexiconName, lexicon } from '../../arbitraries/text/lexicon.js'
import { VitestMlError } from '../../util/errors.js'
import type { GoldenCase } from '../golden-case.js'
import { article, type ParsedTemplate, parseTemplate } from './parse-template.js'

/** The values a template's slots took in one case, by slot key (`first_name`, `first_name2`, `mask`). */
export type SlotValues = Readonly<Record<string, string>>

/** Options of {@link templateCases}. */
export interface TemplateCasesOptions {
  /** Word lists by name, used before the shipped ones (see `lexicon`): `{ pos_adj: ['good', 'great'], thing: ['phone'] }`. */
  readonly lexicons?: Readonly<Record<string, readonly string[]>>
  /** The expected label of every case, or a function of the slot values (`({ adj }) => positive.includes(adj) ? 'positive' : 'negative'`). */
  readonly label?: number | string | ((values: SlotValues) => number | string)
  /** Lower bound of the watched output, for every case. */
  readonly min?: number
  /** Upper bound of the watched output, for every case. */
  readonly max?: number
  /** Candidate words for a `{mask}` slot, given the text with the other slots filled and `{mask}` left in (plug in a masked language model). */
  readonly fillMask?: (masked: string) => readonly string[]
  /** Largest number of cases: when the cross product is larger, this many are drawn from it uniformly without replacement. @defaultValue 1000 */
  readonly maxCases?: number
  /** Seed of that draw. @defaultValue 1 */
  readonly seed?: number
}

function words(name: string, options: TemplateCasesOptions): readonly string[] {
  const own = options.lexicons?.[name]
  if (own !== undefined) {
    if (!Array.isArray(own) || own.length === 0)
      throw new VitestMlError('templateCases', `a non-empty word list for {${name}}`, JSON.stringify(own), 'Give each lexicon at least one entry.')
    return own
  }
  if ((LEXICON_NAMES as readonly string[]).includes(name)) return lexicon(name as LexiconName)
  throw new VitestMlError(
    'templateCases',
    `a lexicon for {${name}}: in \`lexicons\` or among the shipped ${LEXICON_NAMES.join(', ')}`,
    `none named ${JSON.stringify(name)}`,
    `Pass \`lexicons: { ${name}: ['...', '...'] }\`.`,
  )
}

/** The keys of a template and the words each key draws from; keys of one lexicon take different values. */
function keysOf(parsed: ParsedTemplate, options: TemplateCasesOptions): { key: string; lexicon: string; words: readonly string[] }[] {
  const seen = new Map<string, { key: string; lexicon: string; words: readonly string[] }>()
  for (const slot of parsed.slots)
    if (slot.lexicon !== 'mask' && !seen.has(slot.key)) seen.set(slot.key, { key: slot.key, lexicon: slot.lexicon, words: words(slot.lexicon, options) })
  return [...seen.values()]
}

/**
 * The number of cases a template expands to: the product over its lexicons of n (n - 1) ... (one factor per distinct
 * key: `{first_name1}` and `{first_name2}` never take the same name), before `{mask}` fills.
 *
 * @param template - the template
 * @param options - the lexicons
 * @returns the count
 * @example
 * ```ts
 * templateCount('{x1} and {x2}', { lexicons: { x: ['a', 'b', 'c'] } }) // 6
 * ```
 */
export function templateCount(template: string, options: TemplateCasesOptions = {}): number {
  const keys = keysOf(parseTemplate(template), options)
  const byLexicon = new Map<string, number>()
  let count = 1
  for (const key of keys) {
    const used = byLexicon.get(key.lexicon) ?? 0
    count *= Math.max(0, key.words.length - used)
    byLexicon.set(key.lexicon, used + 1)
  }
  return count
}

/** The index-th combination (mixed radix, distinct values within a lexicon), as slot values. */
function combination(index: number, keys: readonly { key: string; lexicon: string; words: readonly string[] }[]): Record<string, string> {
  const values: Record<string, string> = {}
  const taken = new Map<string, Set<number>>()
  let rest = index
  for (const key of keys) {
    const used = taken.get(key.lexicon) ?? new Set<number>()
    const free = key.words.length - used.size
    let pick = rest % free
    rest = Math.floor(rest / free)
    let position = 0
    for (; ; position++) if (!used.has(position) && pick-- === 0) break
    used.add(position)
    taken.set(key.lexicon, used)
    values[key.key] = key.words[position] as string
  }
  return values
}

/** `count` distinct integers below `total`, uniformly (Floyd's algorithm), in increasing order. */
function sampleIndices(total: number, count: number, seed: number): number[] {
  const random = seedrandom(`templateCases:${seed}`)
  const chosen = new Set<number>()
  for (let j = total - count; j < total; j++) {
    const candidate = Math.floor(random() * (j + 1))
    chosen.add(chosen.has(candidate) ? j : candidate)
  }
  return [...chosen].sort((left, right) => left - right)
}

function fill(parsed: ParsedTemplate, values: Readonly<Record<string, string>>): string {
  return parsed.parts.reduce((text, part, index) => {
    const slot = parsed.slots[index - 1]
    if (slot === undefined) return text + part
    const value = values[slot.key] ?? slot.text
    return text + (slot.article && value !== slot.text ? `${article(value)} ${value}` : value) + part
  }, '')
}

/**
 * Expands templates into golden cases (CheckList's MFT editor): every combination of the slots' lexicons, or — when
 * the cross product exceeds `maxCases` — that many combinations drawn uniformly without replacement with `seed`. Each
 * case is `{ name, input, label }` (or `min` / `max`), ready for `toPassGoldenCases`. `{a:slot}` puts `a` / `an`
 * before the value; numbered slots of one lexicon take different values; `{mask}` slots are filled by `fillMask`
 * (each candidate it returns makes a case).
 *
 * @param templates - one template or several (all expanded, `maxCases` each)
 * @param options - lexicons, expected label, sampling, mask filler
 * @returns the golden cases
 * @example
 * ```ts
 * const cases = templateCases('The {product} is {pos_adj}.', { label: 'positive' })
 * cases.length   // 12 products x 20 adjectives = 240
 * cases[0]       // { name: 'The {product} is {pos_adj}. [product=phone, pos_adj=good]', input: 'The phone is good.', label: 'positive' }
 * await expect(model).toPassGoldenCases(cases)
 * ```
 */
export function templateCases(templates: string | readonly string[], options: TemplateCasesOptions = {}): GoldenCase<string>[] {
  const list = typeof templates === 'string' ? [templates] : templates
  if (!Array.isArray(list) || list.length === 0)
    throw new VitestMlError(
      'templateCases',
      'a template or a non-empty list of templates',
      JSON.stringify(templates),
      'Pass `"{first_name} loves the {product}."`.',
    )
  if (options.label === undefined && options.min === undefined && options.max === undefined) {
    throw new VitestMlError(
      'templateCases',
      'an expectation: `label`, `min` or `max`',
      'none',
      'Say what the model must answer, for example `label: "positive"`.',
    )
  }
  const maxCases = options.maxCases ?? 1000
  if (!(Number.isInteger(maxCases) && maxCases >= 1))
    throw new VitestMlError('templateCases', 'a whole `maxCases` >= 1', String(maxCases), 'Pass for example `maxCases: 500`.')
  return list.flatMap((template, templateIndex) => {
    const parsed = parseTemplate(template)
    const keys = keysOf(parsed, options)
    const total = templateCount(template, options)
    if (total === 0)
      throw new VitestMlError(
        'templateCases',
        `enough words for the numbered slots of ${JSON.stringify(template)}`,
        'a lexicon with fewer words than slots',
        'Each numbered slot of one lexicon takes a different word.',
      )
    const indices = total <= maxCases ? Array.from({ length: total }, (_, index) => index) : sampleIndices(total, maxCases, (options.seed ?? 1) + templateIndex)
    return indices.flatMap((index) => {
      const values = combination(index, keys)
      const filled = parsed.slots.some((slot) => slot.lexicon === 'mask') ? masks(parsed, values, options) : [values]
      return filled.map((slotValues): GoldenCase<string> => {
        const label = typeof options.label === 'function' ? options.label(slotValues) : options.label
        const shown = Object.entries(slotValues)
          .map(([key, value]) => `${key}=${value}`)
          .join(', ')
        return {
          name: `${template} [${shown}]`,
          input: fill(parsed, slotValues),
          ...(label === undefined ? {} : { label }),
          ...(options.min === undefined ? {} : { min: options.min }),
          ...(options.max === undefined ? {} : { max: options.max }),
        }
      })
    })
  })
}

function masks(parsed: ParsedTemplate, values: Readonly<Record<string, string>>, options: TemplateCasesOptions): Record<string, string>[] {
  if (options.fillMask === undefined) {
    throw new VitestMlError(
      'templateCases',
      'a `fillMask` function for the {mask} slot',
      `none, in ${JSON.stringify(parsed.template)}`,
      'Pass `fillMask: (masked) => candidates` (a masked language model), or use a lexicon slot instead.',
    )
  }
  const masked = fill(parsed, values)
  const candidates = options.fillMask(masked)
  if (!Array.isArray(candidates) || candidates.some((word) => typeof word !== 'string')) {
    throw new VitestMlError(
      'templateCases',
      '`fillMask` to return an array of words',
      typeof candidates,
      'Return the candidate words for {mask}, for example the top 10 of a masked language model.',
    )
  }
  return candidates.map((word) => ({ ...values, mask: word }))
}
