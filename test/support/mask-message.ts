import { stripVTControlCharacters } from 'node:util'
import { failureOf } from './failure-of.js'

/**
 * The numbers in a failure message that are measured on the clock or the heap, and so differ between runs and
 * machines: each rule names the context a measured number appears in. Everything else — rates, counts, p-values,
 * seeds, shrunk inputs, budgets and limits the test itself set — is deterministic under a fixed seed and stays literal.
 */
const MEASURED: readonly { readonly pattern: RegExp; readonly replacement: string }[] = [
  // measured latency percentiles and maxima: `p50 1.234 ms`, `p99 12 ms`, `max 40.1 ms` (not budgets: `budget 500 ms`, `<= 10 ms`)
  { pattern: /\b(p50|p95|p99|max) -?\d+(?:\.\d+)?(?:e[-+]?\d+)? ms\b/g, replacement: '$1 <ms>' },
  // a request's own time: `answered in 41.2 ms`
  { pattern: /\banswered in \d+(?:\.\d+)?(?:e[-+]?\d+)? ms\b/g, replacement: 'answered in <ms>' },
  // throughput measured under load: `1234 rows/s`, `throughput 1234 rows/s`
  { pattern: /-?\d+(?:\.\d+)?(?:e[-+]?\d+)? rows\/s\b/g, replacement: '<n> rows/s' },
  // memory growth: `RSS 1.5 MiB, heap -0.2 MiB`
  { pattern: /\b(RSS|heap) -?\d+(?:\.\d+)?(?:e[-+]?\d+)? MiB\b/g, replacement: '$1 <MiB>' },
]

/**
 * A failure message as a snapshot should hold it: terminal colours stripped and only measured numbers (latencies,
 * throughput, memory) replaced by placeholders such as `<ms>`, so a reordered, dropped or changed line is a visible diff.
 *
 * @param message - the message (or `undefined` when there is none)
 * @returns the masked message
 * @example
 * ```ts
 * mask('\u001b[2mexpect(\u001b[22mmodel...\nfast misses its latency objective: p99 31.4 ms, expected <= 10 ms.')
 * // 'expect(model...\nfast misses its latency objective: p99 <ms>, expected <= 10 ms.'
 * ```
 */
export function mask(message: string | undefined): string {
  let text = stripVTControlCharacters(message ?? '')
  for (const { pattern, replacement } of MEASURED) text = text.replace(pattern, replacement)
  return text
}

/**
 * Runs an assertion that must fail (synchronous or awaited) and returns its masked message; throws when it passed, so
 * a snapshot of "no failure" can never be recorded by mistake.
 *
 * @param assertion - `() => expect(...).toX(...)`
 * @returns the masked failure message
 * @example
 * ```ts
 * expect(await failureSnapshot(() => expect(model).toBeDeterministic({ inputs: rows, seed: 1 }))).toMatchInlineSnapshot()
 * ```
 */
export async function failureSnapshot(assertion: () => unknown): Promise<string> {
  const error = await failureOf(assertion)
  if (error === undefined) throw new Error('expected the assertion to fail, but it passed')
  return mask(error.message)
}
