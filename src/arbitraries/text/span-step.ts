import { type EditPlan, siteIndex } from './edit-plans.js'
import type { EntitySpan } from './text-entities.js'
import type { TextChange, TextEdit } from './text-perturbation.js'

/** Options of {@link spanStep}. */
export interface SpanStepOptions {
  /** The edit's family, such as `person`. */
  readonly kind: string
  /** The replacement for a span (given the plan's `choice` fraction), or `undefined` when there is none for it. */
  readonly replace: (span: EntitySpan, choice: number, plan: EditPlan) => string | undefined
  /** Replace every whole-word occurrence of the chosen span's text (a name mentioned twice changes twice). @defaultValue false */
  readonly everyOccurrence?: boolean
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * One edit of a span-replacing perturbation: picks the span at the plan's site fraction (moving on to the next span
 * when one has no replacement) and replaces it; with `everyOccurrence`, every whole-word occurrence of the same text.
 *
 * @param text - the text
 * @param spans - the candidate spans, in text order
 * @param plan - the edit plan
 * @param options - kind, replacement, occurrences
 * @returns the change (no edits when no span has a replacement)
 * @example
 * ```ts
 * spanStep('John met John', findNames('John met John'), plan, { kind: 'person', replace: () => 'Omar', everyOccurrence: true }).text // 'Omar met Omar'
 * ```
 */
export function spanStep(text: string, spans: readonly EntitySpan[], plan: EditPlan, options: SpanStepOptions): TextChange {
  if (spans.length === 0) return { text, edits: [] }
  const first = siteIndex(plan.site, spans.length)
  for (let attempt = 0; attempt < spans.length; attempt++) {
    const span = spans[(first + attempt) % spans.length] as EntitySpan
    const replacement = options.replace(span, plan.choice, plan)
    if (replacement === undefined || replacement === span.text) continue
    const edit: TextEdit = {
      kind: options.kind,
      at: span.start,
      before: span.text,
      after: replacement,
      description: `${options.kind}: ${JSON.stringify(span.text)} -> ${JSON.stringify(replacement)}`,
    }
    if (options.everyOccurrence !== true) return { text: text.slice(0, span.start) + replacement + text.slice(span.end), edits: [edit] }
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(span.text)}(?![\\p{L}\\p{N}])`, 'gu')
    return { text: text.replace(pattern, () => replacement), edits: [edit] }
  }
  return { text, edits: [] }
}

/**
 * Picks a replacement word from a list by a fraction, never the word itself (the next one instead).
 *
 * @param words - the candidates
 * @param choice - a fraction in [0, 1]
 * @param current - the word being replaced
 * @returns a different word, or `undefined` when the list has no other
 * @example
 * ```ts
 * pickOther(['Ann', 'Bea'], 0, 'Ann') // 'Bea'
 * ```
 */
export function pickOther(words: readonly string[], choice: number, current: string): string | undefined {
  if (words.length === 0) return undefined
  const index = siteIndex(choice, words.length)
  for (let step = 0; step < words.length; step++) {
    const word = words[(index + step) % words.length] as string
    if (word.toLowerCase() !== current.toLowerCase()) return word
  }
  return undefined
}
