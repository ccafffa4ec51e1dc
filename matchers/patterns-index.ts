import { toAgreeWith } from './to-agree-with.js'
import { toBeAtLeastAsGoodAsBestMember } from './to-be-at-least-as-good-as-best-member.js'
import { toFallBackGracefully } from './to-fall-back-gracefully.js'
import { toMaintainMetric } from './to-maintain-metric.js'
import { toMeetLatency } from './to-meet-latency.js'
import { toRaiseNoAlerts } from './to-raise-no-alerts.js'
import { toServeFreshFromCache } from './to-serve-fresh-from-cache.js'

export type { PatternMatchers } from './pattern-matchers.js'
export type { AgreeWithOptions } from './to-agree-with.js'
export type { AtLeastAsGoodAsBestMemberOptions } from './to-be-at-least-as-good-as-best-member.js'
export type { FallBackGracefullyOptions } from './to-fall-back-gracefully.js'
export type { MaintainMetricOptions, MaintainMetricSubject } from './to-maintain-metric.js'
export type { LatencyBudget, MeetLatencyOptions } from './to-meet-latency.js'
export type { RaiseNoAlertsOptions } from './to-raise-no-alerts.js'
export type { ServeFreshFromCacheOptions } from './to-serve-fresh-from-cache.js'
export { toAgreeWith, toBeAtLeastAsGoodAsBestMember, toFallBackGracefully, toMaintainMetric, toMeetLatency, toRaiseNoAlerts, toServeFreshFromCache }

/** The production-pattern matchers, ready for `expect.extend(patternMatchers)`. */
export const patternMatchers = {
  toFallBackGracefully,
  toAgreeWith,
  toBeAtLeastAsGoodAsBestMember,
  toServeFreshFromCache,
  toMaintainMetric,
  toMeetLatency,
  toRaiseNoAlerts,
}
