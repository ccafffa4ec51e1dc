/**
 * Mergeable data profiles: bounded-memory summaries of every column (KLL quantile sketch or exact value counts,
 * category counts, missing counts, moments) as JSON, built in memory, from streams, or inside DuckDB, merged across
 * shards, and compared for drift with each statistic's approximation error stated.
 */
export { profile, ProfileBuilder } from './profile-builder.js'
export type { ProfileOptions } from './profile-builder.js'
export { profileStream } from './profile-stream.js'
export { mergeProfiles } from './merge-profiles.js'
export { parseProfile } from './parse-profile.js'
export { publishProfile } from './publish-profile.js'
export { isDataProfile, DEFAULT_PROFILE_SETTINGS, PROFILE_FORMAT } from './data-profile.js'
export type { DataProfile, ColumnProfile, NumericColumnProfile, CategoricalColumnProfile, ProfileSettings } from './data-profile.js'
export { profileDrift } from './profile-drift.js'
export type { BoundedStatistic } from './profile-statistics.js'
export type { ProfileDriftOptions, ProfileDriftResult, ProfileFeatureDriftResult, ProfileStatistic } from './profile-drift.js'
export { describeProfileDrift } from './describe-profile-drift.js'
export { kllRankError } from './kll-sketch.js'
export type { KllSketch } from './kll-sketch.js'
export type { NumericSummary } from './numeric-summary.js'
export type { CategorySummary } from './category-summary.js'
export type { Moments } from './moments.js'
export { profileWithDuckDb } from './sql/profile-with-duckdb.js'
export type { DuckDbProfileOptions, DuckDbSource } from './sql/profile-with-duckdb.js'
export { profileQueries } from './sql/profile-query-text.js'
export type { ProfileQueriesOptions, ProfileQueryText } from './sql/profile-query-text.js'
export { sqlDialect } from './sql/sql-dialect.js'
export type { SqlDialect, SqlDialectName } from './sql/sql-dialect.js'
