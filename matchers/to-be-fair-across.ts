import type { MatcherState } from 'vitest'
import { type AssessFairnessOptions, assessFairness, type FairnessAssessment } from '../src/evaluation/fairness/assess-fairness.js'
import { FAIRNESS_METRICS } from '../src/evaluation/fairness/fairness-metrics.js'
import type { GroupRates } from '../src/evaluation/fairness/group-rates.js'
import { VitestMlError } from '../src/util/errors.js'
import { asyncMatcher } from './async-matcher.js'
import { checkId, type MatcherOutcome, modelRef, moreLine, num, requireModel, requireOptions, resamplingReplayLine } from './matcher-context.js'
import { recordCheck } from './record-check.js'

/** Options of `toBeFairAcross`: the assessment (see `assessFairness`) and the bar. */
export interface FairAcrossOptions<I = unknown> extends AssessFairnessOptions<I> {
  /** Largest acceptable difference metric (`...Difference`). */
  readonly max?: number
  /** Smallest acceptable ratio metric (`...Ratio`; 0.8 is the four-fifths rule). */
  readonly min?: number
  /** Groups listed in the message. @defaultValue 8 */
  readonly maxListed?: number
  /** Severity in the report. @defaultValue 'high' */
  readonly severity?: 'high' | 'medium' | 'low'
}

const NAME = 'toBeFairAcross'

const RATE_NAMES: Readonly<Record<keyof Omit<GroupRates, 'group' | 'size'>, string>> = {
  selectionRate: 'selection rate',
  truePositiveRate: 'TPR',
  falsePositiveRate: 'FPR',
  accuracy: 'accuracy',
  meanScore: 'mean score',
  positiveRate: 'observed positive rate',
}

/**
 * The model treats the groups of a protected attribute (or of two, intersected) alike on held-out data: the fairness
 * metric (Fairlearn's definitions) is not confidently beyond the bar — a difference whose one-sided bootstrap lower bound
 * exceeds `max`, or a ratio whose upper bound is below `min`, fails. An interval that reaches past the bar without
 * settling it passes with a warning (more data needed). Features that predict the attribute are reported as proxies.
 *
 * @example
 * ```ts
 * await expect(model).toBeFairAcross('Sex', { data: test, rows: records, classes, metric: 'accuracyDifference', max: 0.1 })
 * await expect(model).toBeFairAcross(['Sex', 'Island'], { data: test, rows: records, positiveLabel: 'Gentoo', metric: 'demographicParityRatio', min: 0.8 })
 * ```
 */
export const toBeFairAcross = asyncMatcher(NAME, checkFairAcross)

async function checkFairAcross(
  this: MatcherState,
  received: unknown,
  attribute: string | readonly string[],
  givenOptions: FairAcrossOptions,
): Promise<MatcherOutcome> {
  const model = requireModel(received, NAME)
  const options = requireOptions(givenOptions, NAME, "{ data: { inputs, labels }, rows: records, metric: 'accuracyDifference', max: 0.1 }")
  const result = await assessFairness(model, attribute, options)
  const bar = result.kind === 'difference' ? options.max : options.min
  const other = result.kind === 'difference' ? 'min' : 'max'
  if (bar === undefined || !Number.isFinite(bar) || options[other] !== undefined) {
    throw new VitestMlError(
      NAME,
      result.kind === 'difference' ? `\`max\` for ${result.metric} (a difference: 0 is parity)` : `\`min\` for ${result.metric} (a ratio: 1 is parity)`,
      options[other] !== undefined ? `\`${other}: ${options[other]}\`` : String(bar),
      result.kind === 'difference'
        ? 'For example `max: 0.1`.'
        : 'For example `min: 0.8` (the four-fifths rule, a legal threshold in US employment law that rarely fits elsewhere).',
    )
  }
  const bound = result.kind === 'difference' ? result.low : result.high
  const passed = result.kind === 'difference' ? bound <= bar : bound >= bar
  const inconclusive = passed && (result.kind === 'difference' ? result.high > bar : result.low < bar)
  const side = result.kind === 'difference' ? 'lower' : 'upper'
  const compare = result.kind === 'difference' ? (passed ? '<=' : '>') : passed ? '>=' : '<'
  const level = `${num(result.confidence * 100)}%`
  const statement = `${result.metric} ${num(result.value)}, one-sided ${level} ${side} bound ${num(bound)} ${compare} ${result.kind === 'difference' ? 'max' : 'min'} ${num(bar)} (${num((2 * result.confidence - 1) * 100)}% bootstrap interval ${num(result.low)}-${num(result.high)}, resampled within each ${result.strata})`
  const warnings = [
    ...(inconclusive ? [`inconclusive: the interval ${num(result.low)}-${num(result.high)} reaches past ${num(bar)}; more held-out rows would settle it`] : []),
    ...result.smallGroups.map((group) => `group ${group.group} (${group.size} rows) is smaller than minGroupSize and was not compared`),
    ...result.proxies.map(
      (proxy) =>
        `${proxy.feature} predicts ${result.attribute} (balanced accuracy ${num(proxy.balancedAccuracy)}, chance ${num(proxy.chance)}): a model can treat the groups differently through it`,
    ),
  ]
  const groupLines = result.groups.slice(0, options.maxListed ?? 8).map((group) => `  ${group.group}: n = ${group.size}, ${groupRates(group, result)}`)
  const summary = [
    `Groups of ${result.attribute}${result.positiveLabel === undefined ? '' : ` (positive class ${String(result.positiveLabel)})`}:`,
    ...groupLines,
    ...moreLine(result.groups.length - groupLines.length, 'group', 'all are in the report'),
    ...(result.groupCalibration === undefined
      ? []
      : [
          `Calibration of P(${String(result.positiveLabel)}) by group: ${result.groupCalibration
            .slice(0, options.maxListed ?? 8)
            .map((entry) => `${entry.group} ECE ${num(entry.ece)} (mean score ${num(entry.meanScore)} vs observed ${num(entry.positiveRate)})`)
            .join('; ')}.`,
        ]),
    ...(warnings.length === 0 ? [] : ['Warnings:', ...warnings.map((warning) => `  ${warning}`)]),
    resamplingReplayLine(result.seed, result.resamples),
  ].join('\n')
  const hint = this.utils.matcherHint(`.${NAME}`, 'model', 'attribute', { isNot: this.isNot, promise: this.promise })
  const body = passed
    ? `Expected ${model.identity.name} to be unfair across ${result.attribute}, but it is not confidently beyond the bar: ${statement}.\n${summary}`
    : `${model.identity.name} is unfair across ${result.attribute}: ${statement}.\n${summary}`
  const message = `${hint}\n\n${body}`
  await recordCheck(this, {
    id: checkId(this, 'fairness'),
    kind: 'fairness',
    title: `${model.identity.name} ${result.metric} across ${result.attribute} ${result.kind === 'difference' ? `<= ${num(bar)}` : `>= ${num(bar)}`}`,
    passed,
    severity: options.severity ?? 'high',
    model: modelRef(model),
    data: { name: 'evaluation set', rows: result.rows },
    metrics: {
      value: result.value,
      low: result.low,
      high: result.high,
      [result.kind === 'difference' ? 'max' : 'min']: bar,
      groupsCompared: result.groups.length,
      groupsTooSmall: result.smallGroups.length,
      ...(result.strongestProxy === undefined ? {} : { strongestProxyBalancedAccuracy: result.strongestProxy.balancedAccuracy }),
      ...(result.groupCalibration === undefined ? {} : { largestGroupEce: Math.max(...result.groupCalibration.map((entry) => entry.ece)) }),
    },
    counterexample: result.groups.map((group) =>
      Object.fromEntries(Object.entries(group).map(([key, value]) => [key, typeof value === 'number' && !Number.isFinite(value) ? null : value])),
    ),
    plots: [result.plot],
    ...(warnings.length === 0 ? {} : { warnings }),
    ...(passed ? {} : { message: body }),
  })
  return {
    pass: passed,
    message: () => message,
    actual: { [result.metric]: result.value, low: result.low, high: result.high },
    expected: { [result.kind === 'difference' ? 'max' : 'min']: bar },
  }
}

/** The rates a metric compares, then accuracy, for one group. */
function groupRates(group: GroupRates, result: FairnessAssessment): string {
  const keys = [...new Set([...FAIRNESS_METRICS[result.metric].rates, 'accuracy' as const])]
  return keys.map((key) => `${RATE_NAMES[key]} ${Number.isFinite(group[key]) ? num(group[key]) : 'undefined'}`).join(', ')
}
