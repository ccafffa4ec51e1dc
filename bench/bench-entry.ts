/** One benchmark result: our time against the reference's time on the same work, in the same run. */
export interface BenchEntry {
  /** Stable name, for example `range-100k-vs-raw`. */
  readonly name: string
  /** Our median time in seconds. */
  readonly ours_s: number
  /** The reference's median time in seconds. */
  readonly reference_s: number
  /** ours_s / reference_s (lower is better). */
  readonly ratio: number
  /** Target ratio from the issue that asked for the benchmark. */
  readonly target?: number
  /** Free-form detail printed beside the ratio (for example "statistics agree with scipy"). */
  readonly note?: string
}

/** A benchmark module's default export: runs its jobs and returns one entry per job. */
export type BenchSuite = () => Promise<BenchEntry[]>

/**
 * Median wall time of `repeats` runs of `job`, in seconds, after one untimed warm-up run.
 *
 * @param job - the work to time
 * @param repeats - how many timed runs
 */
export async function medianSeconds(job: () => unknown, repeats = 5): Promise<number> {
  await job()
  const times: number[] = []
  for (let i = 0; i < repeats; i++) {
    const start = process.hrtime.bigint()
    await job()
    times.push(Number(process.hrtime.bigint() - start) / 1e9)
  }
  times.sort((x, y) => x - y)
  return times[Math.floor(times.length / 2)] ?? Number.NaN
}

/**
 * Builds an entry from two timings.
 *
 * @param name - the entry name
 * @param ours - our seconds
 * @param reference - the reference's seconds
 * @param extra - target and note
 */
export function entry(name: string, ours: number, reference: number, extra: { target?: number; note?: string } = {}): BenchEntry {
  return { name, ours_s: ours, reference_s: reference, ratio: ours / reference, ...extra }
}
