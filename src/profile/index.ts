/**
 * Mergeable data profiles: bounded-memory summaries of every column (KLL quantile sketch or exact value counts,
 * category counts, missing counts, moments) as JSON, built in memory, from streams, or inside DuckDB, merged across
 * shards, and compared for drift with each statistic's approximation error stated.
 */

export type { CategorySummary } from './category-summary.js'
export type { CategoricalColumnProfile, ColumnProfile, DataProfile, NumericColumnProfile, ProfileSettings } from './data-profile.js'
export { DEFAULT_PROFILE_SETTINGS, isDataProfile, PROFILE_FORMAT } from './data-profile.js'
export { describeProfileDrift } from './describe-profile-drift.js'
export type { KllSketch } from './kll-sketch.js'
export { kllRankError } from './kll-sketch.js'
export { mergeProfiles } from './merge-profiles.js'
export type { Moments } from './moments.js'
export type { NumericSummary } from './numeric-summary.js'
export { parseProfile } from './parse-profile.js'
export type { ProfileOptions } from './profile-builder.js'
export { ProfileBuilder, profile } from './profile-builder.js'
export type { ProfileDriftOptions, ProfileDriftResult, ProfileFeatureDriftResult, ProfileStatistic } from './profile-drift.js'
export { profileDrift } from './profile-drift.js'
export type { BoundedStatistic } from './profile-statistics.js'
export { profileStream } from './profile-stream.js'
export { publishProfile } from './publish-profile.js'
export type { ProfileQueriesOptions, ProfileQueryText } from './sql/profile-query-text.js'
export { profileQueries } from './sql/profile-query-text.js'
export type { DuckDbProfileOptions, DuckDbSource } from './sql/profile-with-duckdb.js'
export { profileWithDuckDb } from './sql/profile-with-duckdb.js'
export type { SqlDialect, SqlDialectName } from './sql/sql-dialect.js'
export { sqlDialect } from './sql/sql-dialect.js'
