import type { DataContract } from '../data/data-contract.js'
import type { Dataset } from '../data/dataset.js'
import { findDuplicateRows } from '../data/duplicate-rows.js'
import { fisherExact } from '../stats/fisher-exact.js'
import { VitestMlError } from '../util/errors.js'
import { formatNumber as num } from '../util/format-number.js'
import { ANOMALY_TYPES, type Anomaly, type AnomalyType, sortAnomalies } from './anomaly.js'
import { columnAnomalies } from './column-anomalies.js'
import { scanColumn } from './column-scan.js'

/** Options of {@link checkContract}. */
export interface CheckContractOptions {
  /** Columns not checked at all (neither expected nor unexpected). @defaultValue [] */
  readonly ignore?: readonly string[]
  /** Extra values meaning "missing", per column, besides the contract's: `{ delay: [-999] }`. @defaultValue {} */
  readonly sentinels?: Readonly<Record<string, readonly (string | number)[]>>
  /** Largest share of a categorical column's values outside its allowed values (a column's own `maxUnseenShare` wins). @defaultValue 0 */
  readonly maxUnseenShare?: number
  /**
   * Largest observed share of a numeric column's values outside [min, max] (a column's own `maxOutOfRangeShare` wins).
   * Without it, values out of range are an anomaly when one lies beyond the range by more than its width, or when more
   * lie just outside than sampling from the training data explains (exact exceedance test, see `exceedanceTest`).
   * @defaultValue none (the test)
   */
  readonly maxOutOfRangeShare?: number
  /**
   * Family-wise significance of the share tests (missing rate per column, duplicate rows), Bonferroni-corrected over
   * the tests made: a change counts only when Fisher's exact p-value is below `significance / tests`.
   * @defaultValue 0.01
   */
  readonly significance?: number
  /** A significant change in a missing or duplicate share must also move it by at least this much (absolute). @defaultValue 0.01 */
  readonly minRateChange?: number
  /** Largest observed share of duplicate rows, judged as is instead of by the test against training. @defaultValue none (the test) */
  readonly maxDuplicateShare?: number
  /** Anomaly types reported but not failing the check, such as `['unexpected-column']`. @defaultValue [] */
  readonly allow?: readonly AnomalyType[]
}

/** One column's missing-rate test. */
export interface MissingRateTest {
  readonly column: string
  readonly referenceShare: number
  readonly currentShare: number
  readonly pValue: number
}

/** Result of {@link checkContract}. */
export interface ContractCheckResult {
  /** Rows checked. */
  readonly rows: number
  /** Columns of the contract found in the data and checked. */
  readonly columnsChecked: number
  /** Every anomaly, worst first. */
  readonly anomalies: readonly Anomaly[]
  /** The anomalies not allowed by `allow`: the check passes when there are none. */
  readonly failing: readonly Anomaly[]
  readonly passed: boolean
  /** The missing-rate test of every checked column. */
  readonly missingRates: readonly MissingRateTest[]
  /** Duplicate rows in the data. */
  readonly duplicates: { readonly rows: number; readonly share: number; readonly pValue?: number }
  /** Share tests made (the Bonferroni divisor) and the family-wise significance. */
  readonly tests: number
  readonly significance: number
}

/**
 * Checks data against a data contract and reports every anomaly: missing and unexpected columns, type changes, mixed
 * types (text among numbers), numbers written as text, values out of range (with the unit change behind them when
 * one explains them), unseen categories beyond an allowed share, missing-rate changes, columns that became constant,
 * repeated ids and duplicate rows. Ranges, missing rates and duplicates are decided by statistical tests, not a fixed
 * threshold alone, so a healthy sample from the training distribution passes: the exact exceedance test for values
 * just outside the learned range (values beyond it by more than its width always count), and Fisher's exact test of a
 * missing or duplicate share against training with a change of at least `minRateChange`; all Bonferroni-corrected over
 * the tests made.
 *
 * @param data - the data to check
 * @param contract - the contract (from `inferSchema(...).contract` or `loadContract`)
 * @param options - limits, significance, allowed anomaly types
 * @returns the anomalies worst first and whether the data passes
 * @example
 * ```ts
 * const result = checkContract(await readCsv('serving.csv'), loadContract('schema.json'))
 * result.failing.map(describeAnomaly)
 * // ['[high] island (unseen-category): 3 of 84 values (share 0.03571) not in ["Biscoe", "Dream", "Torgersen"]: "Atlantis" x3. Fix: ...']
 * ```
 */
export function checkContract(data: Dataset, contract: DataContract, options: CheckContractOptions = {}): ContractCheckResult {
  const significance = checkShare('significance', options.significance ?? 0.01, true)
  const minRateChange = checkShare('minRateChange', options.minRateChange ?? 0.01)
  const maxUnseenShare = checkShare('maxUnseenShare', options.maxUnseenShare ?? 0)
  const maxOutOfRangeShare = options.maxOutOfRangeShare === undefined ? undefined : checkShare('maxOutOfRangeShare', options.maxOutOfRangeShare)
  const allow = new Set<AnomalyType>(options.allow ?? [])
  for (const type of allow) {
    if (!(ANOMALY_TYPES as readonly string[]).includes(type))
      throw new VitestMlError('checkContract', `anomaly types in \`allow\` (${ANOMALY_TYPES.join(', ')})`, JSON.stringify(type), 'Check the spelling.')
  }
  const ignore = new Set(options.ignore ?? [])
  const drafts: Omit<Anomaly, 'allowed'>[] = []
  const expected = Object.keys(contract.columns).filter((name) => !ignore.has(name))
  const present = new Set(data.columnNames)
  const refRows = contract.source.rows
  const missingRates: MissingRateTest[] = []
  let duplicates: ContractCheckResult['duplicates'] = { rows: 0, share: 0 }
  if (data.rowCount === 0) {
    drafts.push({
      type: 'no-rows',
      severity: 'high',
      description: `${data.name} has no rows`,
      fix: 'check the query or file that produced the data: nothing to check, nothing to serve',
      metrics: { rows: 0 },
    })
  }
  for (const name of expected) {
    const column = contract.columns[name]
    if (column === undefined || present.has(name) || !column.required) continue
    drafts.push({
      type: 'missing-column',
      column: name,
      severity: 'high',
      description: `expected a ${column.kind} column "${name}", the data has none (columns: ${data.columnNames.slice(0, 8).join(', ')}${data.columnNames.length > 8 ? ', …' : ''})`,
      fix: `restore "${name}" upstream (renamed or dropped?), or set "required": false for it in the contract`,
      metrics: {},
    })
  }
  for (const name of data.columnNames) {
    if (ignore.has(name) || Object.hasOwn(contract.columns, name)) continue
    drafts.push({
      type: 'unexpected-column',
      column: name,
      severity: 'low',
      description: `"${name}" is not in the contract`,
      fix: `drop "${name}" before it reaches the model, or add it to the contract (infer again and review)`,
      metrics: {},
    })
  }
  const checked = data.rowCount === 0 ? [] : expected.filter((name) => present.has(name))
  const rangeTests = maxOutOfRangeShare === undefined ? checked.filter((name) => hasRange(contract, name)).length : 0
  const tests = checked.length + rangeTests + (options.maxDuplicateShare === undefined && data.rowCount > 0 ? 1 : 0)
  const each = significance / Math.max(1, tests)
  const limits = { maxUnseenShare, ...(maxOutOfRangeShare === undefined ? {} : { maxOutOfRangeShare }), alpha: each, referenceRows: refRows }
  for (const name of checked) {
    const column = contract.columns[name]!
    const scan = scanColumn(data.column(name), column, options.sentinels?.[name] ?? [])
    drafts.push(...columnAnomalies(name, column, scan, limits))
    const change = shareChange(column.missing, refRows, scan.missing, scan.rows, each, minRateChange)
    missingRates.push({ column: name, referenceShare: column.missing / refRows, currentShare: scan.missing / scan.rows, pValue: change.pValue })
    if (change.changed) {
      const rose = change.current > change.reference
      drafts.push({
        type: 'missing-rate',
        column: name,
        severity: rose && change.current - change.reference >= 0.1 ? 'high' : 'medium',
        description: `missing share ${rose ? 'rose' : 'fell'} from ${num(change.reference)} (${column.missing} of ${refRows} in training) to ${num(change.current)} (${scan.missing} of ${scan.rows}${scan.sentinelHits > 0 ? `, ${scan.sentinelHits} of them sentinels` : ''}), Fisher exact p = ${num(change.pValue)} < ${num(each)}`,
        fix: rose
          ? `find where "${name}" loses values upstream (a failed join, a parser, a new sentinel); if the new rate is expected, infer the contract again`
          : `check whether missing values of "${name}" are now filled with a default upstream (an imputation the model never saw)`,
        metrics: { referenceShare: change.reference, currentShare: change.current, pValue: change.pValue },
      })
    }
  }
  if (data.rowCount > 0 && checked.length > 0) {
    const found = findDuplicateRows(data, { columns: checked, maxListed: 5 })
    const test =
      options.maxDuplicateShare === undefined
        ? shareChange(contract.duplicates.rows, refRows, found.duplicateRows, found.rows, each, minRateChange, 'greater')
        : undefined
    duplicates = { rows: found.duplicateRows, share: found.duplicateShare, ...(test === undefined ? {} : { pValue: test.pValue }) }
    const flagged = test === undefined ? found.duplicateShare > (options.maxDuplicateShare as number) : test.changed
    if (flagged && found.duplicateRows > 0) {
      const against =
        test === undefined
          ? `above maxDuplicateShare ${num(options.maxDuplicateShare as number)}`
          : `training had ${num(contract.duplicates.share)} (${contract.duplicates.rows} of ${refRows}), Fisher exact p = ${num(test.pValue)} < ${num(each)}`
      drafts.push({
        type: 'duplicate-rows',
        severity: 'medium',
        description: `${found.duplicateRows} of ${found.rows} rows (share ${num(found.duplicateShare)}) repeat an earlier row, ${against}`,
        fix: 'drop repeated rows where they are produced (a join fan-out, a replayed batch), or set maxDuplicateShare if repeats are legitimate',
        metrics: { duplicateRows: found.duplicateRows, duplicateShare: found.duplicateShare },
        examples: found.examples.map((example) => ({ row: example.row, value: `same as row ${example.firstRow}` })),
      })
    }
  }
  const anomalies = sortAnomalies(drafts.map((draft) => ({ ...draft, allowed: allow.has(draft.type) })))
  const failing = anomalies.filter((found) => !found.allowed)
  return {
    rows: data.rowCount,
    columnsChecked: checked.length,
    anomalies,
    failing,
    passed: failing.length === 0,
    missingRates,
    duplicates,
    tests,
    significance,
  }
}

/** Whether a share moved: Fisher's exact test below `alpha` and a change of at least `minChange`. */
function shareChange(
  refCount: number,
  refRows: number,
  curCount: number,
  curRows: number,
  alpha: number,
  minChange: number,
  alternative: 'two-sided' | 'greater' = 'two-sided',
) {
  const reference = refRows === 0 ? 0 : refCount / refRows
  const current = curRows === 0 ? 0 : curCount / curRows
  if (refRows === 0 || curRows === 0) return { reference, current, pValue: 1, changed: false }
  const { pValue } = fisherExact(
    [
      [curCount, curRows - curCount],
      [refCount, refRows - refCount],
    ],
    { alternative },
  )
  return { reference, current, pValue, changed: pValue < alpha && Math.abs(current - reference) >= minChange }
}

function hasRange(contract: DataContract, name: string): boolean {
  const column = contract.columns[name]
  return column !== undefined && (column.kind === 'numeric' || column.kind === 'integer') && column.min !== undefined && column.maxOutOfRangeShare === undefined
}

function checkShare(name: string, value: number, positive = false): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1) || (positive && value === 0)) {
    throw new VitestMlError(
      'checkContract',
      `\`${name}\` in ${positive ? '(0, 1]' : '[0, 1]'}`,
      String(value),
      name === 'significance' ? 'For example `significance: 0.01`.' : `A share of the rows, for example \`${name}: 0.01\`.`,
    )
  }
  return value
}
