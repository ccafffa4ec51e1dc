import { checkContract } from '../contracts/check-contract.js'
import type { ColumnContract, DataContract } from '../data/data-contract.js'
import type { Dataset } from '../data/dataset.js'
import { datasetDrift } from '../drift/dataset-drift.js'
import { findLeakage } from '../evaluation/find-leakage.js'
import { checkHygiene } from '../hygiene/check-hygiene.js'
import { judgeSplitLeakage } from '../hygiene/judge-split-leakage.js'
import { splitLeakage } from '../hygiene/split-leakage.js'
import { formatNumber as num } from '../util/format-number.js'
import type { PlannedCheck, PlanValue } from './check-plan.js'

/** Rounds a share up (to 4 decimals), so a limit set from a measurement still passes it. */
export const ceilShare = (share: number): number => Math.min(1, Math.ceil(share * 10_000 - 1e-9) / 10_000)

/** What the data half of the plan needs. */
export interface DataPlanInput {
  readonly train: Dataset
  readonly test: Dataset
  readonly trainFile: string
  readonly testFile: string
  readonly label: string
  readonly time?: string
  readonly ids?: readonly string[]
  readonly contract: DataContract
}

/**
 * The data checks of a starting suite, each measured on the data first: the contract (test data against the one learned
 * from training), hygiene of the training data, the split (held out, no time overlap or shared ids, no single feature
 * that gives the label away) and drift from training to test. Whatever already fails on the data given is tolerated
 * explicitly — a per-column allowance noted in the contract, a limit set to what was measured, or an allowed type — and
 * said in a warning, so the suite passes as written and fails when things get worse.
 *
 * @param input - the data, the files' names as the suite refers to them, the label, time and id columns, the contract
 * @returns the checks, the contract with its allowances, and the warnings
 * @example
 * ```ts
 * planDataChecks({ train, test, trainFile: 'train.csv', testFile: 'test.csv', label: 'species', contract }).checks.map((check) => check.kind)
 * // ['schema', 'hygiene', 'held-out', 'drift']
 * ```
 */
export function planDataChecks(input: DataPlanInput): { checks: PlannedCheck[]; contract: DataContract; warnings: string[] } {
  const { train, test, trainFile, testFile, label } = input
  const warnings: string[] = []
  const ignore = [input.time, ...(input.ids ?? [])].filter((name): name is string => name !== undefined)
  // 1. The contract: test data against what training held.
  const atInit = checkContract(test, input.contract)
  const columns: Record<string, ColumnContract> = { ...input.contract.columns }
  const allowSchema = new Set<string>()
  for (const anomaly of atInit.failing) {
    const column = anomaly.column === undefined ? undefined : columns[anomaly.column]
    const share =
      anomaly.type === 'unseen-category' ? anomaly.metrics['unseenShare'] : anomaly.type === 'out-of-range' ? anomaly.metrics['outOfRangeShare'] : undefined
    if (column !== undefined && anomaly.column !== undefined && share !== undefined) {
      const field = anomaly.type === 'unseen-category' ? 'maxUnseenShare' : 'maxOutOfRangeShare'
      columns[anomaly.column] = {
        ...column,
        [field]: ceilShare(share),
        note: `vitest-ml init: ${testFile} already had ${anomaly.description}; ${field} set to what was measured. Review: fix the data or keep the allowance.`,
      }
    } else allowSchema.add(anomaly.type)
    warnings.push(
      `${testFile} breaks the contract learned from ${trainFile} already: [${anomaly.severity}] ${anomaly.column ?? '(table)'} ${anomaly.type}: ${anomaly.description}`,
    )
  }
  const contract: DataContract = { ...input.contract, columns }
  const checks: PlannedCheck[] = [
    {
      kind: 'schema',
      title: `${testFile} matches the data contract learned from ${trainFile}`,
      why: [
        `schema.json was learned from ${trainFile} (${train.rowCount} rows): kinds, ranges, allowed values, missing values, ids. Review it like code.`,
        'Ranges, missing rates and duplicates are judged by exact tests (Bonferroni over the columns), so a fresh sample of the same data passes.',
        ...(atInit.failing.length === 0
          ? [`${testFile} matched it when the suite was written.`]
          : [
              `${testFile} did not match it when the suite was written; the allowances are noted in schema.json${allowSchema.size > 0 ? ' and in `allow`' : ''}.`,
            ]),
      ],
      options: allowSchema.size > 0 ? { allow: [...allowSchema].sort() } : {},
    },
  ]
  // 2. Hygiene of the training data.
  const hygiene = checkHygiene(train, { label, ignore })
  const hygieneOptions: Record<string, PlanValue> = { label, ...(ignore.length > 0 ? { ignore } : {}) }
  const allowHygiene = new Set<string>()
  for (const issue of hygiene.failing) {
    const share = issue.metrics['duplicateShare'] ?? issue.metrics['conflictingShare'] ?? issue.metrics['missingLabelShare']
    const limit =
      issue.type === 'duplicate-rows'
        ? 'maxDuplicateShare'
        : issue.type === 'conflicting-labels'
          ? 'maxConflictShare'
          : issue.type === 'missing-labels'
            ? 'maxMissingLabelShare'
            : undefined
    if (limit !== undefined && share !== undefined) hygieneOptions[limit] = ceilShare(share)
    else allowHygiene.add(issue.type)
    warnings.push(`${trainFile} has a hygiene issue: [${issue.severity}] ${issue.column ?? '(table)'} ${issue.type}: ${issue.description}`)
  }
  if (allowHygiene.size > 0) hygieneOptions['allow'] = [...allowHygiene].sort()
  checks.push({
    kind: 'hygiene',
    title: `${trainFile} is clean: no repeated or conflicting rows, every row labelled, no dead feature`,
    why: [
      `Repeats, equal features with different labels and missing labels fail; MAD outliers (false-alarm rate 0.001 per value) and near duplicates are reported.`,
      ...(hygiene.failing.length === 0
        ? [`${trainFile} was clean when the suite was written.`]
        : [`Limits below were set to what ${trainFile} had when the suite was written: review the issues, then tighten them.`]),
    ],
    options: hygieneOptions,
  })
  // 3. The split: held out, no time overlap, no shared ids, no single feature that gives the label away.
  // Rows are compared without their ids, as the matcher does.
  const ids = input.ids ?? []
  const withoutIds = (data: Dataset): Record<string, unknown>[] =>
    data.rows().map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => !ids.includes(key))))
  const leakage = ids.length === 0 ? findLeakage(train, test) : findLeakage(withoutIds(train), withoutIds(test))
  const judged = judgeSplitLeakage(
    splitLeakage(train, test, { label, ...(input.time === undefined ? {} : { time: input.time }), ...(input.ids === undefined ? {} : { ids: input.ids }) }),
    {},
  )
  const heldOutOptions: Record<string, PlanValue> = {
    label,
    ...(input.time === undefined ? {} : { time: input.time }),
    ...(input.ids === undefined ? {} : { ids: input.ids }),
  }
  if (leakage.exactRate > 0) heldOutOptions['maxExactShare'] = ceilShare(leakage.exactRate)
  if (leakage.nearRate > 0) heldOutOptions['maxNearShare'] = ceilShare(leakage.nearRate)
  if (leakage.exactRate > 0 || leakage.nearRate > 0)
    warnings.push(`${testFile} is not held out from ${trainFile}: ${leakage.exactDuplicates} exact and ${leakage.nearDuplicates} near copies of training rows`)
  for (const failure of judged.failures) {
    const metric = failure.part === 'time-overlap' ? 'timeOverlapShare' : failure.part === 'shared-ids' ? 'sharedIdShare' : 'bestSingleFeatureScore'
    const option = failure.part === 'time-overlap' ? 'maxTimeOverlapShare' : failure.part === 'shared-ids' ? 'maxSharedIdShare' : 'maxSingleFeatureScore'
    const value = judged.metrics[metric] ?? 0
    heldOutOptions[option] = failure.part === 'single-feature' ? Math.min(1, Math.ceil(value * 100 + 1e-9) / 100 + 0.01) : ceilShare(value)
    warnings.push(
      `the split of ${trainFile} and ${testFile} leaks (${failure.part}): ${judged.lines.find((line) => line.includes(failure.part === 'single-feature' ? 'single features' : failure.part.replace('-', ' ')))?.trim() ?? ''}`,
    )
  }
  const best = judged.metrics['bestSingleFeatureScore']
  checks.push({
    kind: 'held-out',
    title: `${testFile} is held out from ${trainFile}: no copied rows${input.time === undefined ? '' : ', no time overlap'}${input.ids === undefined ? '' : ', no shared ids'}, no feature that gives the label away`,
    why: [
      'Exact and near copies of training rows fail; each feature alone is scored as a predictor of the label (fitted on train, scored on test).',
      ...(best === undefined
        ? []
        : [
            `When the suite was written: ${judged.lines.find((line) => line.includes('single features'))?.replace(/^\s*single features: (best )?/, '') ?? num(best)}.`,
          ]),
      ...(judged.failures.length + leakage.exactDuplicates + leakage.nearDuplicates > 0
        ? ['The split leaked when the suite was written; the limits below tolerate exactly that much: fix the split, then remove them.']
        : []),
    ],
    options: heldOutOptions,
  })
  // 4. Drift from training to test.
  const drift = datasetDrift(train, test, { label, ...(ignore.length > 0 ? { ignore } : {}) })
  const labelDrifted = drift.labelDrift?.drifted === true
  const driftOptions: Record<string, PlanValue> = { ...(labelDrifted ? {} : { label }), ...(ignore.length > 0 ? { ignore } : {}) }
  if (labelDrifted) {
    driftOptions['ignore'] = [...ignore, label]
    warnings.push(
      `the label "${label}" of ${testFile} has drifted from ${trainFile} already (${drift.labelDrift?.method} p = ${num(drift.labelDrift?.pValue ?? Number.NaN)}); it is left out of the drift check`,
    )
  }
  if (drift.drifted) {
    const above = Math.min(1, Math.ceil((drift.driftShare + 1 / Math.max(1, drift.features.length)) * 100) / 100)
    if (drift.driftShare < 1) driftOptions['driftShare'] = above
    warnings.push(
      `${testFile} has drifted from ${trainFile} already (drift share ${num(drift.driftShare)}: ${drift.driftedFeatures.join(', ')})${drift.driftShare < 1 ? `; driftShare set to ${num(above)}` : ''}`,
    )
  }
  checks.push({
    kind: 'drift',
    title: `${testFile} has not drifted from ${trainFile}`,
    why: [
      'Per-feature tests chosen by kind and size (KS / Wasserstein for numbers, chi-square / Jensen-Shannon for categories); the label is compared apart.',
      `Drift share when the suite was written: ${num(drift.driftShare)} of ${drift.features.length} features${drift.driftedFeatures.length > 0 ? ` (${drift.driftedFeatures.join(', ')})` : ''}. Point it at fresh data to watch production.`,
    ],
    options: driftOptions,
  })
  return { checks, contract, warnings }
}
