/** A source of "now" in epoch milliseconds, injectable so time-dependent wrappers are testable without sleeping. */
export interface Clock {
  /** Current time in epoch milliseconds. */
  now(): number
}

/** A {@link Clock} that only moves when told to: the clock tests use to expire caches and fill log windows. */
export interface ManualClock extends Clock {
  /** Moves the clock forward by `ms` milliseconds (negative values are refused). */
  advance(ms: number): void
  /** Sets the clock to an absolute epoch time in milliseconds. */
  set(epochMs: number): void
}

/**
 * The wall clock (`Date.now`).
 *
 * @example
 * ```ts
 * systemClock.now() // 1764136800000
 * ```
 */
export const systemClock: Clock = { now: () => Date.now() }

/**
 * A clock frozen at `start` until advanced; use it with `cached()` and `logged()` to test TTLs and daily windows in
 * microseconds instead of hours.
 *
 * @param start - initial epoch milliseconds, or an ISO date string @defaultValue 0 (1970-01-01T00:00:00Z)
 * @returns the clock
 * @example
 * ```ts
 * const clock = manualClock('2026-01-01T00:00:00Z')
 * clock.advance(60_000)
 * new Date(clock.now()).toISOString() // '2026-01-01T00:01:00.000Z'
 * ```
 */
export function manualClock(start: number | string = 0): ManualClock {
  let now = typeof start === 'string' ? Date.parse(start) : start
  if (!Number.isFinite(now)) throw new RangeError(`manualClock: expected an epoch time or ISO date, received ${String(start)}.`)
  return {
    now: () => now,
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`manualClock.advance: expected a finite ms >= 0, received ${ms}.`)
      now += ms
    },
    set(epochMs: number) {
      now = epochMs
    },
  }
}

/**
 * True when `clock` can be advanced (a {@link ManualClock}).
 *
 * @param clock - any value
 * @returns whether it has `now()` and `advance()`
 * @example
 * ```ts
 * isManualClock(manualClock()) // true
 * isManualClock(systemClock) // false
 * ```
 */
export function isManualClock(clock: unknown): clock is ManualClock {
  return typeof clock === 'object' && clock !== null && typeof (clock as ManualClock).now === 'function' && typeof (clock as ManualClock).advance === 'function'
}
