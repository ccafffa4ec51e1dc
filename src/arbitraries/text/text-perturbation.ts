import fc from 'fast-check'
import { VitestMlError } from '../../util/errors.js'
import type { PerturbFunction } from '../perturb-function.js'

/** One change a text perturbation made, for counterexamples: what was replaced, by what, where. */
export interface TextEdit {
  /** The family of change: `typo`, `case`, `whitespace`, `punctuation`, `contraction`, `person`, `place`, `number`, `negation`, `synonym`, `intensifier`. */
  readonly kind: string
  /** Where the replaced span starts, in the text this edit was applied to. */
  readonly at: number
  /** The span as it was. */
  readonly before: string
  /** What replaced it. */
  readonly after: string
  /** One phrase for messages, such as `adjacent-key typo: "good" -> "giod"`. */
  readonly description: string
}

/** A perturbed text and the edits that made it (none when the perturbation does not apply to the text). */
export interface TextChange {
  readonly text: string
  readonly edits: readonly TextEdit[]
}

/**
 * A text perturbation: a {@link PerturbFunction} on strings that can also say what it changed (`explain`). Every text
 * arbitrary of vitest-ml generates these; the relation matchers show the edits and the highlighted change in
 * counterexamples.
 */
export interface TextPerturbation extends PerturbFunction<string> {
  /** Applies the perturbation and lists its edits (`edits` is empty and `text` unchanged where it does not apply). */
  readonly explain: (text: string) => TextChange
}

/**
 * Builds a {@link TextPerturbation} from a function that returns the perturbed text with its edits. Calling it on
 * anything but a string is a usage error (lift it onto a record row with `perturbRow({ review: typos() })`).
 *
 * @param label - what the perturbation does, for messages (`2 typos`, `negation added`)
 * @param explain - the pure function: text -> {@link TextChange}
 * @param source - public name for errors @defaultValue 'textPerturbation'
 * @returns the perturbation
 * @example
 * ```ts
 * const shout = textPerturbation('upper case', (text) => ({ text: text.toUpperCase(), edits: [] }))
 * shout('fine') // 'FINE'
 * ```
 */
export function textPerturbation(label: string, explain: (text: string) => TextChange, source = 'textPerturbation'): TextPerturbation {
  const checked = (text: string): TextChange => {
    if (typeof text !== 'string') {
      throw new VitestMlError(
        source,
        'a string to perturb',
        `${text === null ? 'null' : typeof text}`,
        'Text perturbations take one string; for record rows lift them onto the text field: `perturbRow({ review: typos() })`.',
      )
    }
    return explain(text)
  }
  const perturb = ((text: string) => checked(text).text) as TextPerturbation & { [fc.toStringMethod]: () => string }
  Object.defineProperties(perturb, {
    label: { value: label, enumerable: true },
    identity: { value: false, enumerable: true },
    explain: { value: checked },
    [fc.toStringMethod]: { value: () => label },
    toJSON: { value: () => label },
  })
  return perturb
}

/**
 * Whether a value is a {@link TextPerturbation} (a function with `explain`).
 *
 * @param value - anything
 * @example
 * ```ts
 * isTextPerturbation(fc.sample(typos(), 1)[0]) // true
 * isTextPerturbation((text: string) => text)   // false
 * ```
 */
export function isTextPerturbation(value: unknown): value is TextPerturbation {
  return typeof value === 'function' && typeof (value as { explain?: unknown }).explain === 'function'
}

/**
 * Replaces `text[start, end)` by `replacement` and records the edit.
 *
 * @param text - the text
 * @param start - first replaced character
 * @param end - one past the last replaced character
 * @param replacement - the new span
 * @param kind - the edit's family
 * @param what - how the description starts (`adjacent-key typo`); the description adds `"before" -> "after"`
 * @returns the changed text and its one edit
 * @example
 * ```ts
 * replaceSpan('a good day', 2, 6, 'fine', 'synonym', 'synonym').text // 'a fine day'
 * ```
 */
export function replaceSpan(text: string, start: number, end: number, replacement: string, kind: string, what: string): TextChange {
  const before = text.slice(start, end)
  return {
    text: text.slice(0, start) + replacement + text.slice(end),
    edits: [{ kind, at: start, before, after: replacement, description: `${what}: ${JSON.stringify(before)} -> ${JSON.stringify(replacement)}` }],
  }
}

/**
 * Applies edit steps one after another, each on the text the previous one left, and collects their edits.
 *
 * @param text - the original text
 * @param steps - functions from a text to a change
 * @returns the final text and every edit
 * @example
 * ```ts
 * applySteps('ab', [(t) => replaceSpan(t, 0, 1, 'x', 'typo', 'typo')]).text // 'xb'
 * ```
 */
export function applySteps(text: string, steps: readonly ((text: string) => TextChange)[]): TextChange {
  let current = text
  const edits: TextEdit[] = []
  for (const step of steps) {
    const change = step(current)
    current = change.text
    edits.push(...change.edits)
  }
  return { text: current, edits }
}

/**
 * Matches the case of `like` on `word`: all caps stays all caps, a capital first letter stays capital.
 *
 * @param word - the replacement
 * @param like - the word it replaces
 * @example
 * ```ts
 * matchCase('maria', 'John') // 'Maria'
 * matchCase('great', 'GOOD') // 'GREAT'
 * ```
 */
export function matchCase(word: string, like: string): string {
  if (like.length > 1 && like === like.toUpperCase() && like !== like.toLowerCase()) return word.toUpperCase()
  const first = like[0]
  if (first !== undefined && first === first.toUpperCase() && first !== first.toLowerCase()) return (word[0]?.toUpperCase() ?? '') + word.slice(1)
  return word
}
