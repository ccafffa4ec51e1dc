import { matchChecks } from '../compare/match-checks.js'
import type { CheckSummary, ReportSnapshot } from '../compare/report-snapshot.js'

/** One check followed across releases. */
export interface CheckTrack {
  /** The check as each release recorded it (`undefined` where the release did not have it), by release index. */
  readonly checks: readonly (CheckSummary | undefined)[]
  /** The title in the newest release that had it. */
  readonly title: string
  /** Its kind. */
  readonly kind: string
}

/**
 * Follows every check through a series of releases: each release's checks are matched with the newest check of every
 * track so far (see `matchChecks`: same id, moved, or the same check under a renamed test), so a check keeps one track
 * while its test is renamed or when it skips a release; a check that matches no track starts one.
 *
 * @param snapshots - the releases' snapshots, oldest first
 * @returns one track per check, in order of first appearance
 * @example
 * ```ts
 * trackChecks([v1, v2, v3]).map((track) => track.checks.map((check) => check?.metrics['accuracy']))
 * // [[0.95, 0.96, 0.91], ...]
 * ```
 */
export function trackChecks(snapshots: readonly ReportSnapshot[]): CheckTrack[] {
  const tracks: (CheckSummary | undefined)[][] = []
  // The newest check of every track so far: a check missing from one release rejoins its track when it comes back.
  const latest: CheckSummary[] = []
  snapshots.forEach((snapshot, release) => {
    const matching = matchChecks(latest, snapshot.checks)
    const trackOf = new Map(latest.map((check, track) => [check, track]))
    for (const pair of matching.pairs) {
      const track = trackOf.get(pair.base)!
      tracks[track]![release] = pair.head
      latest[track] = pair.head
    }
    for (const check of matching.added) {
      const track: (CheckSummary | undefined)[] = []
      track[release] = check
      tracks.push(track)
      latest.push(check)
    }
  })
  return tracks.map((checks) => {
    const filled = Array.from({ length: snapshots.length }, (_, release) => checks[release])
    const newest = [...filled].reverse().find((check) => check !== undefined)!
    return { checks: filled, title: newest.title, kind: newest.kind }
  })
}
