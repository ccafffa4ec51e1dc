import { VitestMlError } from '../../util/errors.js'

/** One slot of a template: `{first_name}`, `{a:adj}` (with its article), `{first_name2}` (a second, different name) or `{mask}`. */
export interface TemplateSlot {
  /** The slot as written, braces included. */
  readonly text: string
  /** The lexicon it is filled from (`first_name` for `{first_name2}`), or `mask`. */
  readonly lexicon: string
  /** The key of its value: the lexicon with its number (`first_name2`); slots with the same key get the same value. */
  readonly key: string
  /** Put `a` or `an` before the value (`{a:adj}`). */
  readonly article: boolean
}

/** A parsed template: literal text around slots. */
export interface ParsedTemplate {
  readonly template: string
  /** Literal parts, one more than slots. */
  readonly parts: readonly string[]
  readonly slots: readonly TemplateSlot[]
}

const SLOT = /\{(a:)?([A-Za-z_][A-Za-z_]*?)(\d*)\}/g

/**
 * Parses a CheckList-style template: `{lexicon}` slots, `{a:lexicon}` for the value with its article, a number after
 * the lexicon name (`{first_name1} and {first_name2}`) for several different values of one lexicon, and `{mask}` for a
 * slot a masked language model fills. A brace that opens no slot is an error.
 *
 * @param template - the template text
 * @returns the literal parts and the slots
 * @example
 * ```ts
 * parseTemplate('{first_name} is {a:profession}.').slots.map((slot) => slot.key) // ['first_name', 'profession']
 * ```
 */
export function parseTemplate(template: string): ParsedTemplate {
  if (typeof template !== 'string' || template.trim() === '') {
    throw new VitestMlError(
      'templateCases',
      'a non-empty template string',
      JSON.stringify(template),
      'Write a template such as `"{first_name} is {a:pos_adj} {profession}."`.',
    )
  }
  const parts: string[] = []
  const slots: TemplateSlot[] = []
  let last = 0
  for (const match of template.matchAll(SLOT)) {
    parts.push(template.slice(last, match.index))
    const lexicon = match[2] as string
    slots.push({ text: match[0], lexicon, key: `${lexicon}${match[3] ?? ''}`, article: match[1] !== undefined })
    last = match.index + match[0].length
  }
  parts.push(template.slice(last))
  const stray = parts.findIndex((part) => /[{}]/.test(part))
  if (stray >= 0) {
    throw new VitestMlError(
      'templateCases',
      'slots of the form {lexicon}, {a:lexicon}, {lexicon2} or {mask}',
      `a stray brace in ${JSON.stringify(template)}`,
      'Slot names are letters and underscores, optionally followed by a number.',
    )
  }
  return { template, parts, slots }
}

/**
 * `a` or `an` before a word, by its first sound as spelled (vowel letters take `an`, with the usual exceptions:
 * `a university`, `a one-off`, `an hour`, `an honest`).
 *
 * @param word - the word that follows
 * @returns `a` or `an`
 * @example
 * ```ts
 * article('excellent') // 'an'
 * article('useful')    // 'a'
 * ```
 */
export function article(word: string): 'a' | 'an' {
  const lower = word.toLowerCase()
  if (/^(hour|honest|honou?r|heir)/.test(lower)) return 'an'
  if (/^(uni|use|usu|uti|eu|one|once|ewe|uro)/.test(lower)) return 'a'
  return /^[aeiou]/.test(lower) ? 'an' : 'a'
}
