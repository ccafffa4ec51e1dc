import type { MatcherState } from 'vitest'
import { describeAnomaly } from '../src/contracts/anomaly.js'
import { datasetHash } from '../src/data/dataset-hash.js'
import { asDataset, type DriftData } from '../src/drift/as-dataset.js'
import { checkHygiene, type HygieneOptions, type HygieneResult } from '../src/hygiene/check-hygiene.js'
import { checkId, type MatcherOutcome, moreLine } from './matcher-context.js'
import { recordCheckNow } from './record-check.js'

/** Options of `toBeHygienic`: those of `checkHygiene` (with the reference as any data), listing and severity. */
export interface HygienicOptions extends Omit<HygieneOptions, 'reference'> {
  /** Training data to compare the label distribution with (rows, columns or a Dataset). */
  readonly reference?: DriftData
  /** Issues printed in the message (the report keeps them all). @defaultValue 10 */
  readonly maxListed?: number
  /** Severity in the report. @defaultValue 'medium' */
  readonly severity?: 'high' | 'medium' | 'low'
}

const NAME = 'toBeHygienic'

/**
 * The data set is clean enough to train or evaluate on (Deepchecks' data-integrity checks): no repeated rows, no
 * groups of equal features with different labels, no missing labels, no label shift from the reference, and no feature
 * that cannot earn its place (empty, constant, a copy of another); near duplicates, rare classes and MAD outliers (with
 * a stated false-alarm rate) are reported and judged when a limit is given. Every issue has a severity and a one-line
 * fix. Reads data only: decides synchronously, with or without `await`.
 *
 * @example
 * ```ts
 * expect(train).toBeHygienic({ label: 'species' })
 * expect(test).toBeHygienic({ label: 'species', reference: train, maxOutlierShare: 0.01 })
 * ```
 */
export function toBeHygienic(this: MatcherState, received: unknown, options: HygienicOptions = {}): MatcherOutcome {
  const data = asDataset(NAME, 'data', received as DriftData)
  const { maxListed = 10, severity = 'medium', reference, ...rest } = options
  const result = checkHygiene(data, { ...rest, ...(reference === undefined ? {} : { reference: asDataset(NAME, 'reference', reference) }) })
  const hint = this.utils.matcherHint(`.${NAME}`, 'data', '', { isNot: this.isNot, promise: this.promise })
  const listed = result.issues.slice(0, maxListed).map((issue) => `  ${describeAnomaly(issue)}`)
  const more = moreLine(result.issues.length - maxListed, 'issue')
  const scope = `${result.rows} rows, ${result.features.length} features${options.label === undefined ? '' : `, label "${options.label}"`}`
  const header = result.passed
    ? `Expected ${data.name} to have hygiene issues, but it is clean (${scope})${result.issues.length > 0 ? '; reported, not judged:' : '.'}`
    : `${data.name} is not clean: ${result.failing.length} issue${result.failing.length === 1 ? '' : 's'} (${scope}):`
  const message = [hint, '', header, ...listed, ...more].join('\n')
  recordCheckNow(this, {
    id: checkId(this, 'hygiene'),
    kind: 'hygiene',
    title: `${data.name} is clean: no repeated or conflicting rows, usable labels, no dead features`,
    passed: result.passed,
    severity,
    data: { name: data.name, rows: data.rowCount, sha256: datasetHash(data) },
    metrics: metricsOf(result),
    ...(result.failing[0] === undefined
      ? {}
      : {
          counterexample: {
            type: result.failing[0].type,
            column: result.failing[0].column ?? null,
            description: result.failing[0].description,
            fix: result.failing[0].fix,
          },
        }),
    ...(result.issues.length > 0 ? { warnings: result.issues.map(describeAnomaly) } : {}),
    ...(result.passed === (this.isNot === true) ? { message: [header, ...listed, ...more].join('\n') } : {}),
  })
  return { pass: result.passed, message: () => message, actual: result.failing.map((issue) => `${issue.column ?? '(table)'}: ${issue.type}`), expected: [] }
}

function metricsOf(result: HygieneResult): Record<string, number> {
  const metrics: Record<string, number> = {
    issues: result.failing.length,
    rows: result.rows,
    duplicateRows: result.duplicates.duplicateRows,
    duplicateShare: result.duplicates.duplicateShare,
    outlierRows: result.outliers.outlierRows,
    outlierShare: result.outliers.outlierShare,
    featureProblems: result.featureProblems.length,
  }
  if (result.nearDuplicates !== undefined) metrics['nearDuplicateRows'] = result.nearDuplicates.nearDuplicateRows
  if (result.conflicts !== undefined) metrics['conflictingRows'] = result.conflicts.conflictingRows
  if (result.labels !== undefined) {
    metrics['missingLabels'] = result.labels.missing
    const smallest = result.labels.classes.filter((entry) => entry.count > 0).at(-1)
    if (smallest !== undefined) metrics['smallestClassShare'] = smallest.share
    if (result.labels.shift !== undefined) metrics['labelShiftPValue'] = result.labels.shift.pValue
  }
  return metrics
}
