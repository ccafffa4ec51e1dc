import type { MatcherState } from 'vitest'
import { type Anomaly, describeAnomaly } from '../src/contracts/anomaly.js'
import { type CheckContractOptions, checkContract } from '../src/contracts/check-contract.js'
import { type DataContract, isDataContract } from '../src/data/data-contract.js'
import { datasetHash } from '../src/data/dataset-hash.js'
import { asDataset, type DriftData } from '../src/drift/as-dataset.js'
import { VitestMlError } from '../src/util/errors.js'
import { checkId, type MatcherOutcome, moreLine } from './matcher-context.js'
import { recordCheckNow } from './record-check.js'

/** Options of `toMatchSchema`: the limits of `checkContract`, how much to list, and the report severity. */
export interface MatchSchemaOptions extends CheckContractOptions {
  /** Anomalies printed in the message (the report keeps them all). @defaultValue 10 */
  readonly maxListed?: number
  /** Severity in the report. @defaultValue 'high' */
  readonly severity?: 'high' | 'medium' | 'low'
}

const NAME = 'toMatchSchema'

/**
 * The data matches its data contract (TFDV-style schema validation): no missing or unexpected column, no type change or
 * text among numbers, no value out of range or unseen category beyond the allowed share, no significant change in a
 * missing rate (Fisher's exact test against training, Bonferroni-corrected), no column turned constant, no repeated id,
 * no more duplicate rows than training had. Every anomaly is listed with its severity and a one-line fix. Reads data
 * only: decides synchronously, with or without `await`. Evidence for "input expectations written as a schema" and
 * "input invariants hold in serving".
 *
 * @example
 * ```ts
 * expect(servingRows).toMatchSchema(loadContract('schema.json'), { allow: ['unexpected-column'] })
 * // fails with: [high] temp_max (out-of-range): 1205 of 1461 values (share 0.8248) outside [-1.6, 35.6] ... looks like a unit change °C -> °F
 * ```
 */
export function toMatchSchema(this: MatcherState, received: unknown, contract: DataContract, options: MatchSchemaOptions = {}): MatcherOutcome {
  if (!isDataContract(contract)) {
    const featureSchema = typeof contract === 'object' && contract !== null && 'names' in contract && 'features' in contract
    throw new VitestMlError(
      NAME,
      'a data contract (inferSchema(train).contract, or loadContract(path))',
      featureSchema ? 'a feature schema' : contract === null ? 'null' : typeof contract,
      featureSchema
        ? 'A feature schema says what to generate; the contract adds missing rates, domains and duplicates. Use `inferSchema(train).contract`, or `schema.assertValid(rows)` for the feature checks alone.'
        : 'Learn one with `inferSchema(train).contract` and save it with `writeContract`.',
    )
  }
  const data = asDataset(NAME, 'data', received as DriftData)
  const { maxListed = 10, severity = 'high', ...checkOptions } = options
  const result = checkContract(data, contract, checkOptions)
  const hint = this.utils.matcherHint(`.${NAME}`, 'data', 'contract', { isNot: this.isNot, promise: this.promise })
  const listed = result.anomalies.slice(0, maxListed).map((anomaly) => `  ${describeAnomaly(anomaly)}`)
  const more = moreLine(result.anomalies.length - maxListed, ['anomaly', 'anomalies'])
  const scope = `${result.rows} rows, ${result.columnsChecked} of ${Object.keys(contract.columns).length} contract columns checked against the contract learned from ${contract.source.name} (${contract.source.rows} rows)`
  const header = result.passed
    ? `Expected ${data.name} to break its data contract, but it matches (${scope})${result.anomalies.length > 0 ? '; allowed anomalies:' : '.'}`
    : `${data.name} breaks its data contract: ${result.failing.length} anomal${result.failing.length === 1 ? 'y' : 'ies'} (${scope}):`
  const message = [hint, '', header, ...listed, ...more].join('\n')
  recordCheckNow(this, {
    id: checkId(this, 'schema'),
    kind: 'schema',
    title: `${data.name} matches the data contract learned from ${contract.source.name}`,
    passed: result.passed,
    severity,
    data: { name: data.name, rows: data.rowCount, sha256: datasetHash(data) },
    metrics: metricsOf(result.anomalies, result.rows, result.columnsChecked, result.duplicates.share),
    ...(result.failing[0] === undefined ? {} : { counterexample: counterexample(result.failing[0]) }),
    ...(result.anomalies.length > 0 ? { warnings: result.anomalies.map(describeAnomaly) } : {}),
    ...(result.passed === (this.isNot === true) ? { message: [header, ...listed, ...more].join('\n') } : {}),
  })
  return {
    pass: result.passed,
    message: () => message,
    actual: result.failing.map((anomaly) => `${anomaly.column ?? '(table)'}: ${anomaly.type}`),
    expected: [],
  }
}

function metricsOf(anomalies: readonly Anomaly[], rows: number, columns: number, duplicateShare: number): Record<string, number> {
  const failing = anomalies.filter((anomaly) => !anomaly.allowed)
  const metrics: Record<string, number> = {
    anomalies: failing.length,
    highAnomalies: failing.filter((anomaly) => anomaly.severity === 'high').length,
    allowedAnomalies: anomalies.length - failing.length,
    rows,
    columnsChecked: columns,
    duplicateShare,
  }
  for (const anomaly of anomalies.slice(0, 20)) {
    for (const [key, value] of Object.entries(anomaly.metrics))
      if (Number.isFinite(value)) metrics[`${anomaly.column ?? 'table'}.${anomaly.type}.${key}`] = value
  }
  return metrics
}

function counterexample(anomaly: Anomaly): unknown {
  return {
    type: anomaly.type,
    column: anomaly.column ?? null,
    severity: anomaly.severity,
    description: anomaly.description,
    fix: anomaly.fix,
    examples: (anomaly.examples ?? []).map((example) => ({ row: example.row, value: String(example.value) })),
  }
}
