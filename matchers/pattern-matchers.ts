import type { AgreeWithOptions } from './to-agree-with.js'
import type { AtLeastAsGoodAsBestMemberOptions } from './to-be-at-least-as-good-as-best-member.js'
import type { FallBackGracefullyOptions } from './to-fall-back-gracefully.js'
import type { MaintainMetricOptions } from './to-maintain-metric.js'
import type { MeetLatencyOptions } from './to-meet-latency.js'
import type { RaiseNoAlertsOptions } from './to-raise-no-alerts.js'
import type { ServeFreshFromCacheOptions } from './to-serve-fresh-from-cache.js'

/**
 * The production-pattern matchers as they appear on `expect(...)`. Those that call a model are asynchronous: `await`
 * them; `toMaintainMetric` and `toRaiseNoAlerts` read data only and decide synchronously (with or without `await`).
 */
export interface PatternMatchers {
  /**
   * Under injected timeouts, exceptions and NaN outputs, a `withFallback` model answers every request with a finite
   * value within the latency budget; the fallback rate is reported and bounded.
   * @example `await expect(withFallback(model, heuristic, { timeoutMs: 10 })).toFallBackGracefully({ inputs, latencyBudgetMs: 100 })`
   */
  toFallBackGracefully<I>(options: FallBackGracefullyOptions<I>): Promise<void>
  /**
   * The model and `other` give the same decisions on real inputs (agreement rate, mean absolute difference); a failure
   * lists the worst disagreements.
   * @example `await expect(candidate).toAgreeWith(production, { inputs: testRows, minAgreementShare: 0.95 })`
   */
  toAgreeWith<I>(other: unknown, options: AgreeWithOptions<I>): Promise<void>
  /**
   * An `ensemble()` scores at least as well as its best member on held-out data.
   * @example `await expect(ensemble([a, b, c])).toBeAtLeastAsGoodAsBestMember({ data: { inputs, labels }, metric: 'accuracy' })`
   */
  toBeAtLeastAsGoodAsBestMember<I>(options: AtLeastAsGoodAsBestMemberOptions<I>): Promise<void>
  /**
   * A `cached()` model serves each row its own answer while fresh and the model's current answer after the TTL.
   * @example `await expect(cached(model, { ttlMs: 60_000, clock: manualClock() })).toServeFreshFromCache({ inputs: rows })`
   */
  toServeFreshFromCache<I>(options: ServeFreshFromCacheOptions<I>): Promise<void>
  /**
   * Over a prediction log joined with its delayed labels, the metric stays within bounds in every window; the log is
   * complete (also records a `logging` check).
   * @example `expect({ log: sink.entries, labels }).toMaintainMetric({ metric: 'accuracy', min: 0.85, window: 'day' })`
   */
  toMaintainMetric(options: MaintainMetricOptions): void
  /**
   * Under load, overall p99 / p95 latency within budget, throughput above the floor, error rate within bounds.
   * @example `await expect(model).toMeetLatency({ inputs: rows, p99Ms: 50, throughputPerSec: 1000, concurrency: 4 })`
   */
  toMeetLatency<I>(options: MeetLatencyOptions<I>): Promise<void>
  /**
   * A metrics snapshot fires none of the alerting rules (defaults: accuracy, errorRate, p99Ms, driftShare).
   * @example `expect({ accuracy: 0.93, p99Ms: 41, errorRate: 0, driftShare: 0.03 }).toRaiseNoAlerts()`
   */
  toRaiseNoAlerts(options?: RaiseNoAlertsOptions): void
}
