import { createRequire } from 'node:module'

/** A run of text in a highlighted change: kept, removed from the original, or added in the perturbed text. */
export interface TextSegment {
  /** The text. */
  readonly text: string
  /** `same`, `removed` (shown struck out in the original) or `added` (shown marked in the perturbed text). */
  readonly kind: 'same' | 'removed' | 'added'
}

/** One changed text of a counterexample, as the HTML report shows it: the original above, the perturbed text below. */
export interface TextChangeLine {
  /** The field of the row that changed (`review`, `0`), or '' when the input is the text itself. */
  readonly field: string
  /** The original text, removed words marked. */
  readonly original: readonly TextSegment[]
  /** The perturbed text, added words marked. */
  readonly perturbed: readonly TextSegment[]
}

/** What the report shows above a text counterexample's JSON. */
export interface TextChangeView {
  /** The transform that made the case (`a name swapped`), when recorded. */
  readonly transform?: string
  /** Each edit as recorded (`person: "Harmony" -> "Yvonne"`). */
  readonly edits: readonly string[]
  /** Every text that changed. */
  readonly lines: readonly TextChangeLine[]
  /** The model's outputs on the original and the perturbed input, when recorded (`6 -> 4`). */
  readonly outputs?: string
}

interface DiffPart {
  readonly value: string
  readonly added?: boolean
  readonly removed?: boolean
}

let diffWords: ((before: string, after: string) => DiffPart[]) | undefined

/** jsdiff (the npm package `diff`), loaded when a report has a text counterexample. */
function wordDiff(before: string, after: string): DiffPart[] {
  diffWords ??= (createRequire(import.meta.url)('diff') as { diffWordsWithSpace: (before: string, after: string) => DiffPart[] }).diffWordsWithSpace
  return diffWords(before, after)
}

function line(field: string, before: string, after: string): TextChangeLine {
  const parts = wordDiff(before, after)
  const kind = (part: DiffPart): TextSegment['kind'] => (part.removed === true ? 'removed' : part.added === true ? 'added' : 'same')
  return {
    field,
    original: parts.filter((part) => part.added !== true).map((part) => ({ text: part.value, kind: kind(part) })),
    perturbed: parts.filter((part) => part.removed !== true).map((part) => ({ text: part.value, kind: kind(part) })),
  }
}

function changedTexts(before: unknown, after: unknown): TextChangeLine[] {
  if (typeof before === 'string' && typeof after === 'string') return before === after ? [] : [line('', before, after)]
  if (typeof before !== 'object' || before === null || typeof after !== 'object' || after === null) return []
  const left = before as Record<string, unknown>
  const right = after as Record<string, unknown>
  return Object.keys(left).flatMap((key) => {
    const [a, b] = [left[key], right[key]]
    return typeof a === 'string' && typeof b === 'string' && a !== b ? [line(key, a, b)] : []
  })
}

const short = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text
}

/**
 * The highlighted text change of a counterexample of a text check (one with the original `base` and the perturbed
 * `transformed` input, strings or rows with string fields), word by word, so a reviewer sees at once what the
 * perturbation changed; `undefined` for any other counterexample (the report then shows the JSON alone).
 *
 * @param counterexample - a check's counterexample
 * @returns the view, or `undefined`
 * @example
 * ```ts
 * textChangeView({ base: 'The mic is great.', transformed: 'The mic is not great.', baseOutput: 3, transformedOutput: 3 })
 * // { edits: [], lines: [{ field: '', original: [{ text: 'The mic is ', kind: 'same' }, ...], perturbed: [..., { text: 'not ', kind: 'added' }, ...] }], outputs: '3 -> 3' }
 * ```
 */
export function textChangeView(counterexample: unknown): TextChangeView | undefined {
  if (typeof counterexample !== 'object' || counterexample === null) return undefined
  const record = counterexample as Record<string, unknown>
  const lines = changedTexts(record['base'], record['transformed'])
  if (lines.length === 0) return undefined
  const edits = Array.isArray(record['edits']) ? record['edits'].filter((edit): edit is string => typeof edit === 'string') : []
  const hasOutputs = 'baseOutput' in record && 'transformedOutput' in record
  return {
    ...(typeof record['transform'] === 'string' ? { transform: record['transform'] } : {}),
    edits,
    lines,
    ...(hasOutputs ? { outputs: `${short(record['baseOutput'])} -> ${short(record['transformedOutput'])}` } : {}),
  }
}
