/** When in a model's life a checklist item applies. */
export type ChecklistPhase = 'before-deployment' | 'after-deployment'

/**
 * What can prove a checklist item: a passing check (`test`), a signed-off document (`attestation`), or `either`.
 * Items such as "rollback procedure documented" cannot be proved by a test run and take an attestation instead.
 */
export type ChecklistEvidence = 'test' | 'attestation' | 'either'

/** One item of the production-readiness checklist. */
export interface ChecklistItem {
  /** Stable id, used in records (`checklist: [...]`), gate files and report anchors. */
  readonly id: ChecklistId
  /** Short label for tables. */
  readonly label: string
  /** One sentence on what counts as evidence. */
  readonly description: string
  /** Before or after deployment. */
  readonly phase: ChecklistPhase
  /** What can prove it. */
  readonly provedBy: ChecklistEvidence
}

/**
 * The 13 items of the production-readiness checklist, in the order the report shows them: seven to settle before a
 * model ships and six that keep it healthy afterwards.
 */
export const CHECKLIST_ITEMS: readonly ChecklistItem[] = [
  {
    id: 'baseline-improvement',
    label: 'Beats the baseline',
    phase: 'before-deployment',
    provedBy: 'test',
    description: 'A comparison against a simple baseline shows a real, significant gain.',
  },
  {
    id: 'held-out-test',
    label: 'Evaluated on held-out data',
    phase: 'before-deployment',
    provedBy: 'test',
    description: 'Quality was measured on data the model never saw, with no leakage from training.',
  },
  {
    id: 'training-serving-identical',
    label: 'Same preprocessing in training and serving',
    phase: 'before-deployment',
    provedBy: 'test',
    description: 'Raw inputs pushed through both code paths give the same features and predictions.',
  },
  {
    id: 'fallback-strategy',
    label: 'Fallback in place',
    phase: 'before-deployment',
    provedBy: 'test',
    description: 'When the model errors or times out, a defined fallback answers instead.',
  },
  {
    id: 'monitoring-alerting',
    label: 'Monitoring and alerts wired',
    phase: 'before-deployment',
    provedBy: 'either',
    description: 'Predictions are logged and thresholds raise alerts when quality, latency or inputs go wrong.',
  },
  {
    id: 'ab-test-plan',
    label: 'A/B test plan',
    phase: 'before-deployment',
    provedBy: 'attestation',
    description: 'A written plan says how the new model is compared with the current one on live traffic.',
  },
  {
    id: 'rollback-procedure',
    label: 'Rollback documented',
    phase: 'before-deployment',
    provedBy: 'attestation',
    description: 'A written, rehearsed procedure restores the previous model.',
  },
  {
    id: 'monitor-accuracy-daily',
    label: 'Daily accuracy monitoring',
    phase: 'after-deployment',
    provedBy: 'either',
    description: 'Accuracy on labelled live traffic is computed every day against an alert threshold.',
  },
  {
    id: 'data-drift-weekly',
    label: 'Weekly drift check',
    phase: 'after-deployment',
    provedBy: 'either',
    description: 'Live inputs are compared with the training distribution at least weekly.',
  },
  {
    id: 'review-false-positives-negatives',
    label: 'Error review',
    phase: 'after-deployment',
    provedBy: 'either',
    description: 'False positives and negatives are reviewed, by slice, to find systematic mistakes.',
  },
  {
    id: 'retrain-on-drift',
    label: 'Retraining policy',
    phase: 'after-deployment',
    provedBy: 'either',
    description: 'The model is retrained on a schedule or when drift is detected.',
  },
  {
    id: 'update-documentation',
    label: 'Documentation current',
    phase: 'after-deployment',
    provedBy: 'attestation',
    description: 'Model card, decisions and thresholds are written down and up to date.',
  },
  {
    id: 'business-impact',
    label: 'Business impact analysed',
    phase: 'after-deployment',
    provedBy: 'attestation',
    description: 'The effect on the business metric the model exists for has been measured.',
  },
]

/**
 * Checklist ids by name, for tagging records: `checklist: [CHECKLIST.baselineImprovement]`.
 *
 * @example
 * ```ts
 * CHECKLIST.heldOutTest // 'held-out-test'
 * ```
 */
export const CHECKLIST = {
  baselineImprovement: 'baseline-improvement',
  heldOutTest: 'held-out-test',
  trainingServingIdentical: 'training-serving-identical',
  fallbackStrategy: 'fallback-strategy',
  monitoringAlerting: 'monitoring-alerting',
  abTestPlan: 'ab-test-plan',
  rollbackProcedure: 'rollback-procedure',
  monitorAccuracyDaily: 'monitor-accuracy-daily',
  dataDriftWeekly: 'data-drift-weekly',
  reviewFalsePositivesNegatives: 'review-false-positives-negatives',
  retrainOnDrift: 'retrain-on-drift',
  updateDocumentation: 'update-documentation',
  businessImpact: 'business-impact',
} as const

/** A checklist item id. */
export type ChecklistId = (typeof CHECKLIST)[keyof typeof CHECKLIST]

/**
 * Looks up a checklist item by id.
 *
 * @param id - a checklist id such as `held-out-test`
 * @returns the item, or `undefined` for an unknown id
 */
export function checklistItem(id: string): ChecklistItem | undefined {
  return CHECKLIST_ITEMS.find((item) => item.id === id)
}
