import type { Column } from '../data/dataset.js'
import { textTokens } from './text-tokens.js'

/**
 * A warning for a column compared as categories that looks like free text — most values distinct and three or more
 * words on average — where a chi-square test over sentences means nothing; declaring it in `text` compares it by
 * length, vocabulary and a domain classifier instead.
 *
 * @param feature - the column's name
 * @param reference - its reference values
 * @returns one warning, or none
 * @example
 * ```ts
 * freeTextWarning('review', ['Great phone, works well.', 'Broke after a week.', ...]) // ['review looks like free text ...']
 * ```
 */
export function freeTextWarning(feature: string, reference: Column): string[] {
  if (reference instanceof Float64Array) return []
  const strings = Array.from(reference as ArrayLike<unknown>).filter((value): value is string => typeof value === 'string')
  if (strings.length < 10) return []
  const distinct = new Set(strings).size / strings.length
  const words = strings.reduce((sum, text) => sum + textTokens(text).length, 0) / strings.length
  if (distinct <= 0.5 || words < 3) return []
  return [
    `${feature} looks like free text (${Math.round(distinct * 100)}% distinct values, ${words.toFixed(1)} words on average): comparing it as categories means little. Pass \`text: ['${feature}']\` to compare its length, vocabulary and content.`,
  ]
}
