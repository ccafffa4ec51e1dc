import { createRequire } from 'node:module'

interface DiffPart {
  readonly value: string
  readonly added?: boolean
  readonly removed?: boolean
}

let diffWords: ((before: string, after: string) => DiffPart[]) | undefined

/** jsdiff (the npm package `diff`, BSD-3-Clause), loaded on first use. */
function wordDiff(before: string, after: string): DiffPart[] {
  diffWords ??= (createRequire(import.meta.url)('diff') as { diffWordsWithSpace: (before: string, after: string) => DiffPart[] }).diffWordsWithSpace
  return diffWords(before, after)
}

function visible(value: string): string {
  return value
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(/^ +$/, (spaces) => '␣'.repeat(spaces.length))
}

/**
 * The change between two texts, word by word, in git's word-diff notation: removed words in `[-...-]`, added words
 * in `{+...+}`, the rest as it was (whitespace-only changes shown as `␣` and `\n`). For two rows (arrays or records),
 * each string field that changed, prefixed with its key. Counterexamples of text checks show it, so the change stands
 * out in the message and in the report.
 *
 * @param before - the original text (or row)
 * @param after - the perturbed text (or row)
 * @returns the highlighted change, or `undefined` when no text changed
 * @example
 * ```ts
 * highlightTextChange('The mic is great.', 'The mic is not great.') // 'The mic is {+not +}great.'
 * highlightTextChange('good phone', 'godo phone')                    // '[-good-]{+godo+} phone'
 * highlightTextChange({ review: 'ok', stars: 4 }, { review: 'OK', stars: 4 }) // '[review] [-ok-]{+OK+}'
 * ```
 */
export function highlightTextChange(before: unknown, after: unknown): string | undefined {
  if (typeof before === 'string' && typeof after === 'string') {
    if (before === after) return undefined
    return wordDiff(before, after)
      .map((part) => (part.removed === true ? `[-${visible(part.value)}-]` : part.added === true ? `{+${visible(part.value)}+}` : part.value))
      .join('')
  }
  if (typeof before !== 'object' || before === null || typeof after !== 'object' || after === null || ArrayBuffer.isView(before)) return undefined
  const lines = Object.keys(before).flatMap((key) => {
    const change = highlightTextChange((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key])
    return typeof (before as Record<string, unknown>)[key] === 'string' && change !== undefined ? [`[${key}] ${change}`] : []
  })
  return lines.length === 0 ? undefined : lines.join('; ')
}
