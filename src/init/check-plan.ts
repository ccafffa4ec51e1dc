import type { GateConfig } from '../checklist/gate-config.js'
import type { DataContract } from '../data/data-contract.js'
import type { ModelFacts } from './inspect-model.js'

/** An option value the plan writes into the suite as a literal. */
export type PlanValue = string | number | boolean | readonly PlanValue[] | { readonly [key: string]: PlanValue }

/**
 * One check of the starting suite: its kind (as the report records it), the test's title, the lines of the comment
 * that says why and where each threshold came from, and the options written into the matcher call (besides the data
 * and inputs the suite wires in).
 */
export interface PlannedCheck {
  readonly kind: 'schema' | 'hygiene' | 'held-out' | 'drift' | 'range' | 'consistency' | 'baseline' | 'slices' | 'calibration'
  readonly title: string
  readonly why: readonly string[]
  readonly options: Readonly<Record<string, PlanValue>>
}

/** What `suggestChecks` returns and `vitest-ml init` writes: a suite, its gate and its data contract. */
export interface CheckPlan {
  /** The seed every generated case and bootstrap uses. */
  readonly seed: number
  /** How the suite refers to its files (relative to the folder it is written in). */
  readonly files: { readonly model: string; readonly train: string; readonly test: string; readonly schema: string; readonly gate: string }
  readonly model: ModelFacts
  readonly data: {
    readonly label: string
    readonly task: 'classification' | 'regression'
    /** Class labels in probability-column order (from the model, or the sorted training labels). */
    readonly classes?: readonly (string | number)[]
    readonly classesFrom?: 'model' | 'training labels'
    readonly trainRows: number
    readonly testRows: number
    /** Test rows with the label and every model input present: the rows the model is evaluated on. */
    readonly usableTestRows: number
    /** Columns left out of drift and single-feature checks (time, ids). */
    readonly ignore: readonly string[]
    readonly time?: string
    readonly ids?: readonly string[]
    /** How the model scored on the usable test rows when the suite was written. */
    readonly measured: Readonly<Record<string, number>>
  }
  /** The data contract learned from the training data, with init's allowances noted per column. */
  readonly contract: DataContract
  readonly gate: GateConfig
  readonly checks: readonly PlannedCheck[]
  /** What init had to tolerate or could not check: printed by the command, written at the top of the suite. */
  readonly warnings: readonly string[]
}
