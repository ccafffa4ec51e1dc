/** One shadowed request row: both answers and how they compare, or the candidate's error. */
export interface ComparisonEntry<I = unknown, O = unknown> {
  /** When production answered, epoch milliseconds. */
  readonly time: number
  /** The input row. */
  readonly input: I
  /** Production's answer (the one served). */
  readonly production: O
  /** The candidate's answer, when it gave one. */
  readonly candidate?: O
  /** Whether they agree (see `compareOutputs`). */
  readonly agree?: boolean
  /** Mean absolute difference of their numbers. */
  readonly absDiff?: number
  /** The candidate's failure, when it failed. */
  readonly candidateError?: string
  /** How long production took for the whole batch, in milliseconds. */
  readonly productionLatencyMs?: number
  /** How long the candidate took for the whole batch (failed calls included), in milliseconds. */
  readonly candidateLatencyMs?: number
}

/**
 * Where a shadow deployment writes its comparisons: implement `record` to send them to a log pipeline, a table or a
 * metrics system. `record` runs off the response path; if it throws, the failure is counted, never served.
 */
export interface ComparisonLog<I = unknown, O = unknown> {
  /** Stores one comparison. */
  record(entry: ComparisonEntry<I, O>): void | Promise<void>
}

/** The default {@link ComparisonLog}: keeps every entry in memory, with a summary for tests and reports. */
export interface MemoryComparisonLog<I = unknown, O = unknown> extends ComparisonLog<I, O> {
  /** Every entry so far, in order. */
  readonly entries: readonly ComparisonEntry<I, O>[]
  /** Rows compared, agreement rate among them, and candidate failures. */
  summary(): { readonly compared: number; readonly agreement: number; readonly candidateFailures: number }
}

/**
 * An in-memory {@link ComparisonLog}.
 *
 * @returns an empty log
 * @example
 * ```ts
 * const log = memoryComparisonLog()
 * const shadowed = shadow(production, candidate, { log })
 * await shadowed.predict(rows); await shadowed.flush()
 * log.summary() // { compared: 86, agreement: 0.977, candidateFailures: 0 }
 * ```
 */
export function memoryComparisonLog<I = unknown, O = unknown>(): MemoryComparisonLog<I, O> {
  const entries: ComparisonEntry<I, O>[] = []
  return {
    entries,
    record(entry) {
      entries.push(entry)
    },
    summary() {
      const compared = entries.filter((entry) => entry.agree !== undefined)
      const agreeing = compared.filter((entry) => entry.agree === true).length
      return {
        compared: compared.length,
        agreement: compared.length === 0 ? Number.NaN : agreeing / compared.length,
        candidateFailures: entries.filter((entry) => entry.candidateError !== undefined).length,
      }
    },
  }
}
