import { type SchemaValidator, schemaValidator } from '../util/schema-validator.js'
import type { Report } from './report.js'
import { REPORT_SCHEMA } from './report-schema.js'

let validator: SchemaValidator<Report> | undefined

function reportValidator(): SchemaValidator<Report> {
  validator ??= schemaValidator<Report>(
    REPORT_SCHEMA,
    'Reports are written by the vitest-ml reporter; if you edited this file by hand, restore the listed fields. ' +
      'If a matcher produced it, its record is malformed (metrics must be finite numbers).',
  )
  return validator
}

/**
 * Validates a report against {@link REPORT_SCHEMA}.
 *
 * @param value - a parsed report
 * @param subject - what to call it in errors, usually a file name
 * @returns the value, typed as a report
 * @throws VitestMlError listing the offending fields (`/checks/3/metrics/pValue: must be number`)
 * @example
 * ```ts
 * const report = validateReport(JSON.parse(readFileSync('reports/vitest-ml.json', 'utf8')), 'reports/vitest-ml.json')
 * ```
 */
export function validateReport(value: unknown, subject = 'the report'): Report {
  return reportValidator().assert(value, 'validateReport', subject)
}

/**
 * Lists what is wrong with a report, without throwing.
 *
 * @param value - a parsed report
 * @returns `path: problem` strings; empty when the report is valid
 */
export function reportProblems(value: unknown): string[] {
  return reportValidator().problems(value)
}
