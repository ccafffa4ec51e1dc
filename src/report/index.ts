/** The report: the record every check produces, the report model and schema, renderers and writers. */
export type { CheckKind, CheckMeta, CheckRecord, CheckSeverity, PlotSpec, ReplayInfo } from '../record/check-record.js'
export type { PublishedProfile } from '../record/published-profile.js'
export { stableCheckId } from '../util/stable-check-id.js'
export type { CollectedTest } from './build-report.js'
export type { ReportProfile } from './merge-published-profiles.js'
export { readReport } from './read-report.js'
export { readReportProfile } from './read-report-profile.js'
export type {
  Provenance,
  Report,
  ReportBaseline,
  ReportCheck,
  ReportGate,
  ReportIntegrity,
  ReportSchemaVersion,
  ReportSummary,
  ReportTest,
  RunInfo,
} from './report.js'
export { READABLE_SCHEMA_VERSIONS, REPORT_SCHEMA_VERSION } from './report.js'
export type { ReportOptions } from './report-options.js'
export { REPORT_SCHEMA } from './report-schema.js'
export type { PublishOptions } from './switch-report-set.js'
export { validateReport } from './validate-report.js'
export type { ReportVerification, VerifyReportOptions } from './verify-report.js'
export { verifyReport } from './verify-report.js'
export type { ReportFormat, WriteReportOptions } from './write-report.js'
