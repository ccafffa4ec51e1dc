import type { ColumnContract } from '../data/data-contract.js'
import { exceedanceTest } from '../stats/exceedance-test.js'
import { formatNumber as num } from '../util/format-number.js'
import type { Anomaly, AnomalySeverity, AnomalyType } from './anomaly.js'
import type { ColumnScan, RowValue } from './column-scan.js'
import { guessUnitChange } from './guess-unit-change.js'

/** Limits a column is judged by. */
export interface ColumnLimits {
  readonly maxUnseenShare: number
  /** A fixed limit on the observed share out of range; without it, the exceedance test decides. */
  readonly maxOutOfRangeShare?: number
  /** Significance of this column's range test (already divided by the number of tests). */
  readonly alpha: number
  /** Rows the contract was learned from. */
  readonly referenceRows: number
}

/** Present values below which a constant column is not evidence of a broken feed. */
export const MIN_VALUES_FOR_CONSTANT = 30

type Draft = Omit<Anomaly, 'allowed'>

const show = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : String(value))
const listed = (counts: ReadonlyMap<string, number>, limit = 5): string =>
  [...counts]
    .sort((x, y) => y[1] - x[1])
    .slice(0, limit)
    .map(([value, count]) => `${JSON.stringify(value)} x${count}`)
    .join(', ') + (counts.size > limit ? `, and ${counts.size - limit} more` : '')
const total = (counts: ReadonlyMap<string, number>): number => [...counts.values()].reduce((sum, count) => sum + count, 0)
const share = (count: number, of: number): string => `${count} of ${of} values (share ${num(of === 0 ? 0 : count / of)})`

function anomaly(
  type: AnomalyType,
  column: string,
  severity: AnomalySeverity,
  description: string,
  fix: string,
  metrics: Record<string, number>,
  examples?: readonly RowValue[],
): Draft {
  return { type, column, severity, description, fix, metrics, ...(examples === undefined || examples.length === 0 ? {} : { examples }) }
}

/**
 * The anomalies of one present column, from its scan and its contract: type changes and mixed types, numbers written
 * as text, non-whole numbers in an integer column, values out of range (with the unit change that explains them, when
 * one does), unseen categories, repeated ids and a column that became constant. The missing-rate test is in
 * `checkContract`; the range test here uses the Bonferroni-corrected `alpha` it is given.
 *
 * @param name - the column
 * @param contract - what it should be
 * @param scan - what `scanColumn` found
 * @param limits - allowed shares of unseen and out-of-range values
 * @returns the anomalies, not yet marked allowed or not
 * @example
 * ```ts
 * columnAnomalies('temp_max', contract.columns.temp_max, scanColumn(column, contract.columns.temp_max), limits)
 * // [{ type: 'out-of-range', severity: 'high', description: '1205 of 1461 values (share 0.8248) above max 35.6 ...' }]
 * ```
 */
export function columnAnomalies(name: string, contract: ColumnContract, scan: ColumnScan, limits: ColumnLimits): Draft[] {
  const found: Draft[] = []
  const expected =
    contract.kind === 'integer' ? 'whole numbers' : contract.kind === 'numeric' ? 'numbers' : contract.kind === 'datetime' ? 'ISO dates' : contract.kind
  const unparsed = total(scan.unparsed)
  if (unparsed > 0) {
    const parsedSome = scan.present - unparsed > 0
    if (parsedSome && unparsed * 2 < scan.present) {
      found.push(
        anomaly(
          'mixed-types',
          name,
          'high',
          `${share(unparsed, scan.present)} are text among ${expected}: ${listed(scan.unparsed)}`,
          `declare these tokens missing when reading (readCsv(path, { missing: [...] }) or sentinels: { ${JSON.stringify(name)}: [...] }) or fix the feed that writes them`,
          { unparsed, present: scan.present },
          scan.examples.unparsed,
        ),
      )
    } else {
      found.push(
        anomaly(
          'type-change',
          name,
          'high',
          `holds text (${listed(scan.unparsed, 3)}), expected ${expected}: ${share(unparsed, scan.present)} do not parse`,
          `restore ${expected} in "${name}" upstream (a renamed or re-encoded field?), or infer the contract again if the column really changed`,
          { unparsed, present: scan.present },
          scan.examples.unparsed,
        ),
      )
    }
  }
  if (scan.wrongType > 0) {
    found.push(
      anomaly(
        'type-change',
        name,
        'high',
        `${share(scan.wrongType, scan.present)} are of another type than ${expected}${contract.values === undefined ? '' : ` (the same text as an allowed value, another type: ${show(scan.examples.wrongType[0]?.value)})`}`,
        `send ${contract.kind === 'categorical' ? `the values as ${typeof contract.values?.[0]}s, as in training` : expected} in "${name}"`,
        { wrongType: scan.wrongType, present: scan.present },
        scan.examples.wrongType,
      ),
    )
  }
  if (scan.numbersAsText > 0 && unparsed === 0) {
    found.push(
      anomaly(
        'type-change',
        name,
        'medium',
        `${share(scan.numbersAsText, scan.present)} are numbers written as text (such as ${show(scan.examples.asText[0]?.value)})`,
        `parse "${name}" as numbers before it reaches the model (JSON feeds: send 3.5, not "3.5")`,
        { numbersAsText: scan.numbersAsText, present: scan.present },
      ),
    )
  }
  if (scan.notWhole > 0) {
    found.push(
      anomaly(
        'type-change',
        name,
        'medium',
        `${share(scan.notWhole, scan.present)} are not whole numbers (such as ${show(scan.examples.notWhole[0]?.value)}), training held integers`,
        `check the unit and rounding of "${name}" upstream; widen the contract's kind to "numeric" if fractions are legitimate`,
        { notWhole: scan.notWhole, present: scan.present },
        scan.examples.notWhole,
      ),
    )
  }
  if ((contract.kind === 'numeric' || contract.kind === 'integer') && contract.min !== undefined && contract.max !== undefined) {
    const range = outOfRange(name, contract, scan, limits, scan.present - unparsed - scan.wrongType)
    if (range !== undefined) found.push(range)
  }
  const unseen = total(scan.unseen)
  if (unseen > 0) {
    const allowed = contract.maxUnseenShare ?? limits.maxUnseenShare
    const judged = scan.present - scan.wrongType
    if (unseen / judged > allowed) {
      const domain = (contract.values ?? []).map(show)
      found.push(
        anomaly(
          'unseen-category',
          name,
          unseen * 2 > judged ? 'high' : 'medium',
          `${share(unseen, judged)} not in [${domain.slice(0, 8).join(', ')}${domain.length > 8 ? `, … (${domain.length})` : ''}]: ${listed(scan.unseen)}${allowed > 0 ? `, allowed share ${num(allowed)}` : ''}`,
          `map the new values of "${name}" to known ones upstream, or add them to its "values" in the contract after review (and retrain if the model must know them)`,
          { unseen, unseenShare: unseen / judged, unseenValues: scan.unseen.size },
          scan.examples.unseen,
        ),
      )
    }
  }
  if (contract.unique && scan.repeats > 0) {
    found.push(
      anomaly(
        'duplicate-ids',
        name,
        'high',
        `${share(scan.repeats, scan.present)} repeat an earlier value, though every training value was distinct (first: ${show(scan.examples.repeats[0]?.value)})`,
        `find where rows of "${name}" are duplicated (a join fan-out, a replayed batch); set "unique": false in the contract if repeats are legitimate`,
        { repeats: scan.repeats },
        scan.examples.repeats,
      ),
    )
  }
  if (scan.constant && contract.distinct > 1 && scan.present >= MIN_VALUES_FOR_CONSTANT) {
    found.push(
      anomaly(
        'constant-column',
        name,
        'medium',
        `all ${scan.present} present values are one value, training had ${contract.distinct} distinct values`,
        `check the feed of "${name}": a default or a stuck sensor sends one value for every row`,
        { present: scan.present, trainingDistinct: contract.distinct },
      ),
    )
  }
  return found
}

/**
 * Values outside [min, max] are an anomaly when any lies beyond the range by more than its width (a sentinel, a unit
 * change, a corrupt value), or when more of them lie just outside than sampling from the training distribution
 * explains (exact exceedance test on each side, Bonferroni over the two); a fixed `maxOutOfRangeShare` replaces the test.
 */
function outOfRange(name: string, contract: ColumnContract, scan: ColumnScan, limits: ColumnLimits, judged: number): Draft | undefined {
  const min = contract.min as number
  const max = contract.max as number
  const outside = scan.below + scan.above
  if (outside === 0 || judged === 0) return undefined
  const fixed = contract.maxOutOfRangeShare ?? limits.maxOutOfRangeShare
  const referenceValues = Math.max(1, limits.referenceRows - contract.missing)
  const pValue = Math.min(
    1,
    2 * Math.min(exceedanceTest(scan.below, referenceValues, judged).pValue, exceedanceTest(scan.above, referenceValues, judged).pValue),
  )
  const flagged = fixed !== undefined ? outside / judged > fixed : scan.farOut > 0 || pValue < limits.alpha
  if (!flagged) return undefined
  const why =
    fixed !== undefined
      ? `allowed share ${num(fixed)}`
      : scan.farOut > 0
        ? `${scan.farOut} beyond the range by more than its width`
        : `more than sampling from the training data explains (exceedance p = ${num(pValue)} < ${num(limits.alpha)})`
  const unit = outside >= 5 ? guessUnitChange(scan.outside, min, max) : undefined
  const sides = [
    scan.below > 0 ? `${scan.below} below min ${num(min)} (lowest ${num(scan.lowest)})` : '',
    scan.above > 0 ? `${scan.above} above max ${num(max)} (highest ${num(scan.highest)})` : '',
  ]
    .filter(Boolean)
    .join(', ')
  return anomaly(
    'out-of-range',
    name,
    unit !== undefined || scan.farOut > 0 || outside * 2 > judged ? 'high' : 'medium',
    `${share(outside, judged)} outside [${num(min)}, ${num(max)}]: ${sides}; ${why}${unit === undefined ? '' : `; looks like a unit change ${unit.change} (${num(unit.inRangeAfter * 100)}% in range once undone)`}`,
    unit !== undefined
      ? `convert "${name}" back (${unit.change}) where it is produced, or retrain and infer the contract on the new unit`
      : `repair or clip the values upstream, or widen min/max of "${name}" in the contract after review if they are legitimate`,
    {
      outOfRange: outside,
      outOfRangeShare: outside / judged,
      below: scan.below,
      above: scan.above,
      farOut: scan.farOut,
      pValue,
      ...(Number.isFinite(scan.lowest) ? { lowest: scan.lowest } : {}),
      ...(Number.isFinite(scan.highest) ? { highest: scan.highest } : {}),
    },
    scan.examples.range,
  )
}
